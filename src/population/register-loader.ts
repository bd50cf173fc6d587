import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { TabularRow } from '../common/tabular-file';
import { CellError, checkRegisterRow, REGISTER_COLUMNS, RegisterFileCheck, RegisterRow, RegisterRowError } from '../domain/register-row';

/** The error report keeps this many; `errorCount` says how many there were. */
export const MAX_STORED_ERRORS = 10_000;
const PROGRESS_EVERY_ROWS = 5000;
const COPY_BATCH_CHARS = 256 * 1024;
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

export type RegisterLoadOutcome = { ok: true; counts: RegisterCounts } | { ok: false; rows: number; errorCount: number; errors: RegisterRowError[] };

export interface RegisterLoad {
  rows: AsyncIterable<TabularRow>;
  /** Path prefixes of the importer's scope: rows may name its villages only and change only households registered there. */
  scopePaths: string[];
  /** YYYY-MM-DD, Asia/Shanghai: no one is born later. */
  today: string;
  /** Told the rows read every 5,000 rows; must not use the import's transaction (nobody else could see it). */
  onProgress(rowsRead: number): Promise<unknown>;
  /** Inside the transaction after the register is written, so the import's result commits with it. */
  onSuccess(manager: EntityManager, counts: RegisterCounts): Promise<unknown>;
}

const STAGING_COLUMNS = [
  'row_number',
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

const PERSON_COLUMNS = STAGING_COLUMNS.filter((c) => c !== 'row_number' && c !== 'household_number' && c !== 'head_name');

/**
 * Loads a register file into the register, all or nothing, in one transaction: every row is checked
 * as it streams in (alone, against the rows before it, against the importer's villages), the valid
 * ones go by COPY into a staging table, set-based checks compare them with the register, and only
 * a file without a single error is upserted: households, then persons, changing only what differs.
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
          row_number int NOT NULL, household_number text NOT NULL, village_unit_id uuid NOT NULL, head_name text NOT NULL,
          name text NOT NULL, relation_to_head text NOT NULL, id_number text NOT NULL, sex text NOT NULL, birth_date date NOT NULL,
          poverty_status text NOT NULL, poverty_cause_main text NOT NULL, poverty_cause_secondary text NOT NULL,
          family_doctor text NOT NULL, known_conditions text NOT NULL
        ) ON COMMIT DROP`);
      const rows = await this.stage(runner, job, villages, errors);
      if (rows === 0 && errors.count === 0) errors.add(1, [{ column: '', message: '文件只有表头，没有数据行' }]);
      await runner.query('ANALYZE register_staging');
      await checkAgainstRegister(runner, scopePatterns, errors);
      if (errors.count > 0) {
        await runner.rollbackTransaction();
        return { ok: false, rows, errorCount: errors.count, errors: errors.sorted() };
      }
      const counts = { rows, ...(await upsert(runner, rows)) };
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

  /** Checks every row; the valid ones stream into the staging table. Returns the data rows read. */
  private async stage(runner: QueryRunner, job: RegisterLoad, villages: VillageCodes, errors: ErrorReport): Promise<number> {
    const fileCheck = new RegisterFileCheck();
    let read = 0;
    async function* copyText(): AsyncGenerator<string> {
      let batch = '';
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
        batch += copyLine(row, village.id, checked.row);
        if (batch.length >= COPY_BATCH_CHARS) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    }
    // The transaction's own pg client: COPY streams on it while other queries (villages, progress) use the pool.
    const client = (await runner.connect()) as PoolClient;
    await pipeline(Readable.from(copyText()), client.query(copyFrom(`COPY register_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`)));
    await job.onProgress(read);
    return read;
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
    errors.add(last + 1, [{ column: '', message: `文件从此行起无法读取：${err.message}` }]);
  }
}

/** Reading a file failed because of the file (a parser's complaint), not of the disk or storage under it (which a retry may mend). */
export function isFileProblem(err: unknown): err is Error {
  return err instanceof Error && !('syscall' in err);
}

/** Staging columns in COPY text format (tab-separated; backslash, tab and line breaks escaped). */
function copyLine(rowNumber: number, villageUnitId: string, row: RegisterRow): string {
  const values: Record<(typeof STAGING_COLUMNS)[number], string> = {
    row_number: String(rowNumber),
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
 */
async function checkAgainstRegister(runner: QueryRunner, scopePatterns: string[], errors: ErrorReport): Promise<void> {
  const otherHousehold: { row_number: number; household_number: string; total: number }[] = await runner.query(
    `SELECT s.row_number, h.household_number, count(*) OVER ()::int AS total
     FROM register_staging s JOIN persons p ON p.id_number = s.id_number JOIN households h ON h.id = p.household_id
     WHERE h.household_number <> s.household_number
     ORDER BY s.row_number LIMIT $1`,
    [MAX_STORED_ERRORS],
  );
  errors.addFound(
    otherHousehold.map((r) => ({ row: r.row_number, column: REGISTER_COLUMNS.idNumber, message: `该身份证号已登记在户 ${r.household_number}` })),
    otherHousehold[0]?.total ?? 0,
  );
  const outsideScope: { row_number: number; total: number }[] = await runner.query(
    `SELECT min(s.row_number) AS row_number, count(*) OVER ()::int AS total
     FROM register_staging s JOIN households h ON h.household_number = s.household_number JOIN units v ON v.id = h.village_unit_id
     WHERE NOT (v.path LIKE ANY($1::text[]))
     GROUP BY s.household_number ORDER BY 1 LIMIT $2`,
    [scopePatterns, MAX_STORED_ERRORS],
  );
  errors.addFound(
    outsideScope.map((r) => ({ row: r.row_number, column: REGISTER_COLUMNS.householdNumber, message: '该户已登记在您管辖范围以外的村，不能由本次导入修改' })),
    outsideScope[0]?.total ?? 0,
  );
}

/**
 * Households, then persons, inserted or updated where a column differs (`IS DISTINCT FROM`), so a
 * file imported twice changes nothing the second time, `updated_at` included. `xmax = 0` tells an
 * inserted row from an updated one. Persons of a household that moved village follow it, also those
 * the file does not list (an import never removes anyone).
 */
async function upsert(runner: QueryRunner, rows: number): Promise<Omit<RegisterCounts, 'rows'>> {
  const [households]: { created: number; updated: number }[] = await runner.query(`
    WITH upserted AS (
      INSERT INTO households AS h (household_number, village_unit_id, head_name)
      SELECT DISTINCT ON (household_number) household_number, village_unit_id, head_name FROM register_staging ORDER BY household_number, row_number
      ON CONFLICT (household_number) DO UPDATE SET village_unit_id = excluded.village_unit_id, head_name = excluded.head_name, updated_at = now()
      WHERE (h.village_unit_id, h.head_name) IS DISTINCT FROM (excluded.village_unit_id, excluded.head_name)
      RETURNING xmax = 0 AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`);
  const compared = ['household_id', ...PERSON_COLUMNS];
  const [persons]: { created: number; updated: number }[] = await runner.query(`
    WITH upserted AS (
      INSERT INTO persons AS p (household_id, ${PERSON_COLUMNS.join(', ')})
      SELECT h.id, ${PERSON_COLUMNS.map((c) => `s.${c}`).join(', ')}
      FROM register_staging s JOIN households h ON h.household_number = s.household_number
      ON CONFLICT (id_number) DO UPDATE SET ${compared.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
      WHERE (${compared.map((c) => `p.${c}`).join(', ')}) IS DISTINCT FROM (${compared.map((c) => `excluded.${c}`).join(', ')})
      RETURNING xmax = 0 AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`);
  await runner.query(`
    UPDATE persons p SET village_unit_id = h.village_unit_id, updated_at = now()
    FROM households h
    WHERE p.household_id = h.id AND p.village_unit_id <> h.village_unit_id
      AND h.household_number IN (SELECT household_number FROM register_staging)`);
  return {
    householdsCreated: households.created,
    householdsUpdated: households.updated,
    personsCreated: persons.created,
    personsUpdated: persons.updated,
    personsUnchanged: rows - persons.created - persons.updated,
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
    const villages: { code: string; id: string }[] = await dataSource.query(`SELECT code, id FROM units WHERE kind = 'village' AND path LIKE ANY($1::text[])`, [scopePatterns]);
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
