import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { hashPassword } from '../../src/auth/passwords';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { checkResidentId, makeResidentId } from '../../src/domain/resident-id';
import { Role } from '../../src/domain/scope';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { User } from '../../src/users/user.entity';
import { eventually, TestApp } from './test-app';

export const TEST_PASSWORD = 'test-pass-1234';

/**
 * A small district of its own (unique codes, so test files share one database): a county under a
 * fresh city, two townships with a health centre and two villages each (a clinic per village),
 * and a designated hospital.
 */
export async function givenDistrict(app: INestApplication) {
  const p = randomBytes(4).toString('hex');
  const code = {
    city: `${p}C`,
    county: `${p}D`,
    hospital: `${p}D-H`,
    townships: [`${p}T1`, `${p}T2`],
    centres: [`${p}T1-HC`, `${p}T2-HC`],
    villages: [`${p}T1V1`, `${p}T1V2`, `${p}T2V1`, `${p}T2V2`],
    clinics: [`${p}T1V1-C`, `${p}T1V2-C`, `${p}T2V1-C`, `${p}T2V2-C`],
  };
  const rows: UnitImportRow[] = [
    { code: code.city, name: '测试市', kind: 'city' },
    { code: code.county, name: '测试区', kind: 'county', parentCode: code.city },
    { code: code.hospital, name: '测试区人民医院', kind: 'designated_hospital', parentCode: code.county },
    ...code.townships.flatMap((t, i) => [
      { code: t, name: `第${i + 1}镇`, kind: 'township', parentCode: code.county },
      { code: code.centres[i], name: `第${i + 1}镇卫生院`, kind: 'health_centre', parentCode: t },
    ]),
    ...code.villages.flatMap((v, i) => [
      { code: v, name: `第${i + 1}村`, kind: 'village', parentCode: code.townships[Math.floor(i / 2)], isPoorVillage: i % 2 === 0 },
      { code: code.clinics[i], name: `第${i + 1}村卫生室`, kind: 'village_clinic', parentCode: v },
    ]),
  ];
  await app.get(UnitsService).import(null, rows);
  const units = await app
    .get(DataSource)
    .getRepository(Unit)
    .findBy({ code: In(rows.map((r) => r.code as string)) });
  const id = (c: string) => units.find((u) => u.code === c)!.id;
  return {
    prefix: p,
    code,
    id: {
      city: id(code.city),
      county: id(code.county),
      hospital: id(code.hospital),
      townships: code.townships.map(id),
      centres: code.centres.map(id),
      villages: code.villages.map(id),
      clinics: code.clinics.map(id),
    },
  };
}

export type District = Awaited<ReturnType<typeof givenDistrict>>;

export async function givenUser(
  app: INestApplication,
  role: Role,
  unitId: string,
  options: { responsibleUnitIds?: string[]; active?: boolean } = {},
) {
  const username = `${role}-${randomBytes(4).toString('hex')}`;
  const user = await app
    .get(DataSource)
    .getRepository(User)
    .save({
      username,
      displayName: `测试${role}`,
      role,
      unitId,
      passwordHash: await hashPassword(TEST_PASSWORD),
      passwordChangedAt: new Date(Date.now() - 2000),
      active: options.active ?? true,
      responsibleUnits: (options.responsibleUnitIds ?? []).map((id) => ({ id }) as Unit),
    });
  return { id: user.id, username, password: TEST_PASSWORD };
}

/**
 * Registered poor persons written straight to the register (the import has tests of its own): one
 * household per village with `personsPerVillage[i]` members, valid resident ID numbers.
 */
export async function givenRegister(app: INestApplication, villageIds: string[], personsPerVillage: number[]) {
  const db = app.get(DataSource);
  // A region of its own, so files of one run that share the register never draw the same number.
  const region = String(100_000 + Math.floor(Math.random() * 900_000));
  const households: { id: string; village_unit_id: string }[] = await db.query(
    `INSERT INTO households (household_number, village_unit_id, head_name)
     SELECT $1 || '-H' || ord, village_id, '户主' || ord FROM unnest($2::uuid[]) WITH ORDINALITY AS v(village_id, ord)
     RETURNING id, village_unit_id`,
    [region, villageIds],
  );
  const householdOf = new Map(households.map((h) => [h.village_unit_id, h.id]));
  let sequence = 0;
  const idNumbers = villageIds.map((_, v) =>
    Array.from({ length: personsPerVillage[v] ?? 0 }, (_, i) =>
      makeResidentId(region, `19${50 + (v % 50)}-0${1 + (i % 9)}-1${i % 10}`, sequence++),
    ),
  );
  const persons = idNumbers.flatMap((ids, v) =>
    ids.map((idNumber, i) => ({ v, i, idNumber, check: checkResidentId(idNumber, '2100-01-01') })),
  );
  await db.query(
    `INSERT INTO persons (household_id, village_unit_id, name, id_number, sex, birth_date, poverty_status, poverty_cause_main)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[])`,
    [
      persons.map((p) => householdOf.get(villageIds[p.v])),
      persons.map((p) => villageIds[p.v]),
      persons.map((p) => `村民${p.v}-${p.i}`),
      persons.map((p) => p.idNumber),
      persons.map((p) => (p.check.ok ? p.check.sex : 'invalid')),
      persons.map((p) => (p.check.ok ? p.check.birthDate : 'invalid')),
      persons.map(() => 'not_out'),
      persons.map((p) => (p.i % 2 === 0 ? '因病' : '缺劳力')),
    ],
  );
  return { idNumbers, total: persons.length };
}

export type Register = Awaited<ReturnType<typeof givenRegister>>;

/**
 * A re-identification campaign over the unit, created through the API by `token`'s holder: one step,
 * a task per village clinic due in 10 days. `launch`: launched, resolved once it runs (needs a worker).
 */
export async function givenReIdentificationCampaign(
  t: TestApp,
  token: string,
  scopeUnitId: string,
  options: { name: string; launch: boolean },
): Promise<{ id: string; stepId: string }> {
  const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
  const auth = { Authorization: `Bearer ${token}` };
  const created = await t.http
    .post('/api/campaigns')
    .set(auth)
    .send({
      name: options.name,
      template: 're_identification',
      scopeUnitId,
      startsOn: day(0),
      endsOn: day(30),
      steps: [{ dueAt: day(10), responsibleUnitKind: 'village_clinic' }],
    })
    .expect(201);
  const campaign = { id: created.body.id as string, stepId: created.body.steps[0].id as string };
  if (options.launch) {
    await t.http.post(`/api/campaigns/${campaign.id}/launch`).set(auth).expect(202);
    await eventually(
      async () => ((await t.http.get(`/api/campaigns/${campaign.id}`).set(auth)).body.status === 'running' ? true : undefined),
      30_000,
      'the launch',
    );
  }
  return campaign;
}
