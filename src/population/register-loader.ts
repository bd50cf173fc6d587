import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { TabularFileError, TabularRow } from '../common/tabular-file';
import { CellError, checkRegisterRow, REGISTER_COLUMNS, RegisterFileCheck, RegisterRow, RegisterRowError } from '../domain/register-row';

/** The error report keeps this many; `errorCount` says how many there were. */
export const MAX_STORED_ERRORS = 10_000;
const PROGRESS_EVERY_ROWS = 5000;
/** Imports run one at a time, so the checks against the register still hold when the upsert commits. */
const REGISTER_IMPORT_LOCK = 724_101;

export interface RegisterCounts {
  rows: number;
  householdsCreated: number;
  householdsUpdated: number;
  personsCreated: number;
  personsUpdated: number;
  personsUnchanged: number;
}

export type RegisterLoadOutcome =
  { ok: true; counts: RegisterCounts } | { ok: false; rows: number; errorCount: number; errors: RegisterRowError[] };

export interface RegisterLoad {
  rows: AsyncIterable<TabularRow>;
  /** Path prefixes of the importer's scope: rows may name its villages only and change only households registered there. */
  scopePaths: string[];
  /** YYYY-MM-DD, Asia/Shanghai: no one is born later. */
  today: string;
  /** Rows checked and merged into the register per step (REGISTER_IMPORT_CHUNK_ROWS). */
  chunkRows: number;
  /** Told the rows read every 5,000 rows; must not use the import's transaction (nobody else could see it). */
  onProgress(rowsRead: number): Promise<unknown>;
  /** Inside the transaction after the register is written, so the import's result commits with it. */
  onSuccess(manager: EntityManager, counts: RegisterCounts): Promise<unknown>;
}

const STAGING_COLUMNS = [
  'row_number',
  /** The household's first staged row: its household is checked and written with this chunk. */
  'first_of_household',
  'household_number',
  'village_unit_id',
  'head_name',
  'name',
  'relation_to_head',
  'id_number',
  'sex',
  'birth_date',
  'poverty_status',
  'poverty_cause_main',
  'poverty_cause_secondary',
  'family_doctor',
  'known_conditions',
] as const;

const PERSON_COLUMNS = STAGING_COLUMNS.filter((c) => !['row_number', 'first_of_household', 'household_number', 'head_name'].includes(c));

/**
 * Loads a register file into the register, all or nothing, in one transaction: every row is checked
 * as it streams in (alone, against the rows before it, against the importer's villages); the valid
 * ones are merged chunk by chunk: COPY into a staging table, set-based checks against the register,
 * then an upsert of households and persons that changes only what differs. A chunk merges in
 * PostgreSQL while the next one is read, so reading and writing overlap; the first error anywhere
 * stops the writing (the rest is still checked, for the report) and rolls everything back.
 *
 * Checking each chunk against a register that already holds the chunks before it finds what one
 * check of the whole file would: an ID number occurs once in an accepted file, and every row of a
 * household names the same village and head, so earlier chunks change nothing a later one is checked
 * against.
 */
@Injectable()
export class RegisterLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(job: RegisterLoad): Promise<RegisterLoadOutcome> {
    const scopePatterns = job.scopePaths.map((p) => `${p}%`);
    const villages = await VillageCodes.load(this.dataSource, scopePatterns);
    const errors = new ErrorReport();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_IMPORT_LOCK]);
      await runner.query(`
        CREATE TEMP TABLE register_staging (
          row_number int NOT NULL, first_of_household boolean NOT NULL, household_number text NOT NULL, village_unit_id uuid NOT NULL,
          head_name text NOT NULL, name text NOT NULL, relation_to_head text NOT NULL, id_number text NOT NULL, sex text NOT NULL,
          birth_date date NOT NULL, poverty_status text NOT NULL, poverty_cause_main text NOT NULL, poverty_cause_secondary text NOT NULL,
          family_doctor text NOT NULL, known_conditions text NOT NULL
        ) ON COMMIT DROP`);
      const merge = new ChunkMerge(runner, scopePatterns, errors);
      const rows = await this.checkAndMerge(job, villages, errors, merge);
      if (rows === 0 && errors.count === 0) errors.add(1, [{ column: '', message: '文件只有表头，没有数据行' }]);
      if (errors.count > 0) {
        await runner.rollbackTransaction();
        return { ok: false, rows, errorCount: errors.count, errors: errors.sorted() };
      }
      await merge.finish();
      const counts = { rows, ...merge.counts, personsUnchanged: rows - merge.counts.personsCreated - merge.counts.personsUpdated };
      await job.onSuccess(runner.manager, counts);
      await runner.commitTransaction();
      return { ok: true, counts };
    } catch (err) {
      // The original error matters, not a rollback on a connection that is gone.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  /** Checks every row and hands the valid ones to the merge a chunk at a time. Returns the data rows read. */
  private async checkAndMerge(job: RegisterLoad, villages: VillageCodes, errors: ErrorReport, merge: ChunkMerge): Promise<number> {
    const fileCheck = new RegisterFileCheck();
    const stagedHouseholds = new Set<string>();
    let read = 0;
    let chunk: string[] = [];
    // One chunk merges while the next is read; its failure is awaited (and thrown) before the next starts.
    let merging: Promise<void> = Promise.resolve();
    const startMerge = async (lines: string[]) => {
      await merging;
      merging = merge.chunk(lines);
      merging.catch(() => undefined); // handled where it is awaited
    };
    try {
      for await (const { row, values } of readableRows(job.rows, errors)) {
        if (++read % PROGRESS_EVERY_ROWS === 0) await job.onProgress(read);
        const checked = checkRegisterRow(values, job.today);
        if (!checked.ok) {
          errors.add(row, checked.errors);
          continue;
        }
        const village = await villages.resolve(checked.row.villageCode);
        const rowErrors = fileCheck.check(row, checked.row);
        if ('refusal' in village) rowErrors.push({ column: REGISTER_COLUMNS.villageCode, message: village.refusal });
        if ('refusal' in village || rowErrors.length > 0) {
          errors.add(row, rowErrors);
          continue;
        }
        const firstOfHousehold = !stagedHouseholds.has(checked.row.householdNumber);
        if (firstOfHousehold) stagedHouseholds.add(checked.row.householdNumber);
        chunk.push(copyLine(row, firstOfHousehold, village.id, checked.row));
        if (chunk.length >= job.chunkRows) {
          await startMerge(chunk);
          chunk = [];
        }
      }
      if (chunk.length > 0) await startMerge(chunk);
    } finally {
      await merging.catch(() => undefined); // nothing may still use the transaction when it ends
    }
    await merging;
    await job.onProgress(read);
    return read;
  }
}

/** Staged chunks: checked against the register, then written, while no error has been found. */
class ChunkMerge {
  readonly counts = { householdsCreated: 0, householdsUpdated: 0, personsCreated: 0, personsUpdated: 0 };
  /** Households the file changed: once all persons are written, their unlisted members follow a move. */
  private readonly updatedHouseholdIds: string[] = [];

  constructor(
    private readonly runner: QueryRunner,
    private readonly scopePatterns: string[],
    private readonly errors: ErrorReport,
  ) {}

  async chunk(lines: string[]): Promise<void> {
    // No ANALYZE: the planner sizes the table from its pages, which is all these joins need, and
    // analysing each chunk cost more than checking it (about 130 ms per 20,000 rows).
    await this.runner.query('TRUNCATE register_staging');
    // The transaction's own pg client: COPY streams on it while other queries (villages, progress) use the pool.
    const client = (await this.runner.connect()) as PoolClient;
    await pipeline(
      Readable.from([lines.join('')]),
      client.query(copyFrom(`COPY register_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`)),
    );
    await checkAgainstRegister(this.runner, this.scopePatterns, this.errors);
    // After an error the import is refused: the remaining chunks are only checked.
    if (this.errors.count > 0) return;
    const { counts, updatedHouseholdIds } = await upsert(this.runner);
    for (const key of Object.keys(this.counts) as (keyof ChunkMerge['counts'])[]) this.counts[key] += counts[key];
    this.updatedHouseholdIds.push(...updatedHouseholdIds);
  }

  /**
   * Persons of a household that moved village follow it, also those the file does not list (an
   * import never removes anyone). After the last chunk, so that a listed member's move counts as
   * its update in whichever chunk holds it.
   */
  async finish(): Promise<void> {
    if (this.updatedHouseholdIds.length === 0) return;
    await this.runner.query(
      `UPDATE persons p SET village_unit_id = h.village_unit_id, updated_at = now()
       FROM households h
       WHERE h.id = ANY($1::uuid[]) AND p.household_id = h.id AND p.village_unit_id <> h.village_unit_id`,
      [this.updatedHouseholdIds],
    );
  }
}

/** The rows; a file that cannot be read further ends them with an error where reading stopped. */
async function* readableRows(rows: AsyncIterable<TabularRow>, errors: ErrorReport): AsyncGenerator<TabularRow> {
  let last = 1;
  try {
    for await (const row of rows) {
      last = row.row;
      yield row;
    }
  } catch (err) {
    if (!isFileProblem(err)) throw err;
    // A reader that knows the row (bytes of another encoding, a formula without its value) names it.
    const row = err instanceof TabularFileError && err.row !== undefined ? err.row : last + 1;
    errors.add(row, [{ column: '', message: `文件从此行起无法读取：${err.message}` }]);
  }
}

/** Reading a file failed because of the file (a parser's complaint), not of the disk or storage under it (which a retry may mend). */
export function isFileProblem(err: unknown): err is Error {
  return err instanceof Error && !('syscall' in err);
}

/** Staging columns in COPY text format (tab-separated; backslash, tab and line breaks escaped). */
function copyLine(rowNumber: number, firstOfHousehold: boolean, villageUnitId: string, row: RegisterRow): string {
  const values: Record<(typeof STAGING_COLUMNS)[number], string> = {
    row_number: String(rowNumber),
    first_of_household: firstOfHousehold ? 't' : 'f',
    household_number: row.householdNumber,
    village_unit_id: villageUnitId,
    head_name: row.headName,
    name: row.name,
    relation_to_head: row.relationToHead,
    id_number: row.idNumber,
    sex: row.sex,
    birth_date: row.birthDate,
    poverty_status: row.povertyStatus,
    poverty_cause_main: row.povertyCauseMain,
    poverty_cause_secondary: row.povertyCauseSecondary,
    family_doctor: row.familyDoctor,
    known_conditions: row.knownConditions,
  };
  return `${STAGING_COLUMNS.map((c) => values[c].replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch])).join('\t')}\n`;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * The file against the register: an ID number registered in another household (a person moves
 * between households by hand, not by import), and a household registered in a village outside the
 * importer's scope (an import may not change it).
 *
 * The report names the other household only when it lies in the importer's scope, where the importer
 * may read it anyway and needs its number to fix the row; of one outside, it says only that the number
 * is registered elsewhere: whoever imports must not learn where a person outside their area lives.
 */
async function checkAgainstRegister(runner: QueryRunner, scopePatterns: string[], errors: ErrorReport): Promise<void> {
  const otherHousehold: { row_number: number; household_number: string; in_scope: boolean; total: number }[] = await runner.manager.query(
    `SELECT s.row_number, h.household_number, v.path LIKE ANY($2::text[]) AS in_scope, count(*) OVER ()::int AS total
     FROM register_staging s JOIN persons p ON p.id_number = s.id_number JOIN households h ON h.id = p.household_id
       JOIN units v ON v.id = h.village_unit_id
     WHERE h.household_number <> s.household_number
     ORDER BY s.row_number LIMIT $1`,
    [MAX_STORED_ERRORS, scopePatterns],
  );
  errors.addFound(
    otherHousehold.map((r) => ({
      row: r.row_number,
      column: REGISTER_COLUMNS.idNumber,
      message: r.in_scope ? `该身份证号已登记在户 ${r.household_number}` : '该身份证号已在其他户登记，不能由本次导入改为其他户',
    })),
    otherHousehold[0]?.total ?? 0,
  );
  const outsideScope: { row_number: number; total: number }[] = await runner.manager.query(
    `SELECT min(s.row_number) AS row_number, count(*) OVER ()::int AS total
     FROM register_staging s JOIN households h ON h.household_number = s.household_number JOIN units v ON v.id = h.village_unit_id
     WHERE NOT (v.path LIKE ANY($1::text[]))
       AND s.household_number IN (SELECT household_number FROM register_staging WHERE first_of_household)
     GROUP BY s.household_number ORDER BY 1 LIMIT $2`,
    [scopePatterns, MAX_STORED_ERRORS],
  );
  errors.addFound(
    outsideScope.map((r) => ({
      row: r.row_number,
      column: REGISTER_COLUMNS.householdNumber,
      message: '该户已登记在您管辖范围以外的村，不能由本次导入修改',
    })),
    outsideScope[0]?.total ?? 0,
  );
}

/**
 * A chunk's households, then its persons, inserted or updated where a column differs (`IS DISTINCT
 * FROM`), so a file imported twice changes nothing the second time, `updated_at` included.
 * `xmax = 0` tells an inserted row from an updated one.
 */
async function upsert(runner: QueryRunner): Promise<{ counts: ChunkMerge['counts']; updatedHouseholdIds: string[] }> {
  const [households]: { created: number; updated_ids: string[] }[] = await runner.manager.query(`
    WITH upserted AS (
      INSERT INTO households AS h (household_number, village_unit_id, head_name)
      SELECT household_number, village_unit_id, head_name FROM register_staging WHERE first_of_household
      ON CONFLICT (household_number) DO UPDATE SET village_unit_id = excluded.village_unit_id, head_name = excluded.head_name, updated_at = now()
      WHERE (h.village_unit_id, h.head_name) IS DISTINCT FROM (excluded.village_unit_id, excluded.head_name)
      RETURNING id, xmax = 0 AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS created, coalesce(array_agg(id) FILTER (WHERE NOT inserted), '{}') AS updated_ids FROM upserted`);
  const compared = ['household_id', ...PERSON_COLUMNS];
  const [persons]: { created: number; updated: number }[] = await runner.manager.query(`
    WITH upserted AS (
      INSERT INTO persons AS p (household_id, ${PERSON_COLUMNS.join(', ')})
      SELECT h.id, ${PERSON_COLUMNS.map((c) => `s.${c}`).join(', ')}
      FROM register_staging s JOIN households h ON h.household_number = s.household_number
      ON CONFLICT (id_number) DO UPDATE SET ${compared.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
      WHERE (${compared.map((c) => `p.${c}`).join(', ')}) IS DISTINCT FROM (${compared.map((c) => `excluded.${c}`).join(', ')})
      RETURNING xmax = 0 AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`);
  return {
    counts: {
      householdsCreated: households.created,
      householdsUpdated: households.updated_ids.length,
      personsCreated: persons.created,
      personsUpdated: persons.updated,
    },
    updatedHouseholdIds: households.updated_ids,
  };
}

/** Every error counted, the first MAX_STORED_ERRORS kept for the report. */
class ErrorReport {
  count = 0;
  private readonly kept: RegisterRowError[] = [];

  add(row: number, cells: CellError[]): void {
    for (const cell of cells) this.keep({ row, ...cell });
  }

  /** `found` is at most the first MAX_STORED_ERRORS of `total`. */
  addFound(found: RegisterRowError[], total: number): void {
    found.forEach((e) => this.keep(e));
    this.count += total - found.length;
  }

  /** By row; a row's errors stay in column order. */
  sorted(): RegisterRowError[] {
    return [...this.kept].sort((a, b) => a.row - b.row);
  }

  private keep(error: RegisterRowError): void {
    this.count++;
    if (this.kept.length < MAX_STORED_ERRORS) this.kept.push(error);
  }
}

type VillageLookup = { id: string } | { refusal: string };

/** Village codes → unit ids: the villages of the scope loaded once; any other code looked up once, to say why it is refused. */
class VillageCodes {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly byCode: Map<string, VillageLookup>,
  ) {}

  static async load(dataSource: DataSource, scopePatterns: string[]): Promise<VillageCodes> {
    const villages: { code: string; id: string }[] = await dataSource.query(
      `SELECT code, id FROM units WHERE kind = 'village' AND path LIKE ANY($1::text[])`,
      [scopePatterns],
    );
    return new VillageCodes(dataSource, new Map(villages.map((v) => [v.code, { id: v.id }])));
  }

  async resolve(code: string): Promise<VillageLookup> {
    const known = this.byCode.get(code);
    if (known) return known;
    const [unit]: { kind: string }[] = await this.dataSource.query(`SELECT kind FROM units WHERE code = $1`, [code]);
    const refusal = !unit ? `村代码 ${code} 不存在` : unit.kind !== 'village' ? `${code} 不是村的代码` : `村 ${code} 不在您的管辖范围内`;
    this.byCode.set(code, { refusal });
    return { refusal };
  }
}
