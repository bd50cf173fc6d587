import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { hashPassword } from '../../src/auth/passwords';
import { UnitImportRow } from '../../src/domain/hierarchy';
import { Role } from '../../src/domain/scope';
import { Unit } from '../../src/units/unit.entity';
import { UnitsService } from '../../src/units/units.service';
import { User } from '../../src/users/user.entity';

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
  const units = await app.get(DataSource).getRepository(Unit).findBy({ code: In(rows.map((r) => r.code as string)) });
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

export async function givenUser(app: INestApplication, role: Role, unitId: string, options: { responsibleUnitIds?: string[]; active?: boolean } = {}) {
  const username = `${role}-${randomBytes(4).toString('hex')}`;
  const user = await app.get(DataSource).getRepository(User).save({
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
