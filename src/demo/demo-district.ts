import { UnitImportRow } from '../domain/hierarchy';
import { Role } from '../domain/scope';

/**
 * A demo district shaped like seed 002 (朝天区, 广元市): 15 townships, each with a health centre,
 * 64 poor villages among 150, a clinic per village, two designated hospitals and the bureau.
 * Deterministic, so the README can name its units and users.
 */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_CITY_CODE = '510800';
export const DEMO_DISTRICT_CODE = '510812';
export const DEMO_POOR_VILLAGES = 64;

const TOWNSHIPS = [
  '朝天镇',
  '中子镇',
  '羊木镇',
  '曾家镇',
  '沙河镇',
  '两河口镇',
  '大滩镇',
  '宣河镇',
  '李家镇',
  '转斗镇',
  '水磨沟镇',
  '云雾山镇',
  '麻柳乡',
  '临溪乡',
  '蒲家乡',
];
const VILLAGE_STEMS = [
  '青龙',
  '白果',
  '桂花',
  '石门',
  '柏林',
  '金竹',
  '龙泉',
  '红岩',
  '黄龙',
  '新华',
  '双河',
  '梨树',
  '凤凰',
  '松林',
  '清水',
  '马鞍',
  '三合',
  '太平',
  '永乐',
  '光明',
];
const VILLAGES_PER_TOWNSHIP = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];

export const demoTownshipCode = (i: number) => `${DEMO_DISTRICT_CODE}${100 + i}`;
export const demoVillageCode = (township: number, village: number) => `${demoTownshipCode(township)}${200 + village}`;
export const demoHealthCentreCode = (township: number) => `${demoTownshipCode(township)}-WSY`;
export const demoClinicCode = (township: number, village: number) => `${demoVillageCode(township, village)}-WSS`;
export const DEMO_BUREAU_CODE = `${DEMO_DISTRICT_CODE}-WJJ`;
export const DEMO_HOSPITAL_CODES = [`${DEMO_DISTRICT_CODE}-RMYY`, `${DEMO_DISTRICT_CODE}-ZYYY`];

export function demoUnits(): UnitImportRow[] {
  const rows: UnitImportRow[] = [
    { code: DEMO_CITY_CODE, name: '广元市', kind: 'city' },
    { code: DEMO_DISTRICT_CODE, name: '朝天区', kind: 'county', parentCode: DEMO_CITY_CODE },
    { code: DEMO_BUREAU_CODE, name: '朝天区卫生健康局', kind: 'bureau', parentCode: DEMO_DISTRICT_CODE },
    { code: `${DEMO_BUREAU_CODE}-YZ`, name: '医政药政管理股', kind: 'bureau_section', parentCode: DEMO_BUREAU_CODE },
    { code: `${DEMO_BUREAU_CODE}-JC`, name: '基层卫生股', kind: 'bureau_section', parentCode: DEMO_BUREAU_CODE },
    { code: DEMO_HOSPITAL_CODES[0], name: '朝天区人民医院', kind: 'designated_hospital', parentCode: DEMO_DISTRICT_CODE },
    { code: DEMO_HOSPITAL_CODES[1], name: '朝天区中医医院', kind: 'designated_hospital', parentCode: DEMO_DISTRICT_CODE },
  ];
  const totalVillages = VILLAGES_PER_TOWNSHIP.reduce((a, b) => a + b, 0);
  let villageIndex = 0;
  TOWNSHIPS.forEach((township, t) => {
    rows.push({ code: demoTownshipCode(t), name: township, kind: 'township', parentCode: DEMO_DISTRICT_CODE });
    rows.push({ code: demoHealthCentreCode(t), name: `${township}卫生院`, kind: 'health_centre', parentCode: demoTownshipCode(t) });
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP[t]; v++, villageIndex++) {
      const name = `${VILLAGE_STEMS[(t * 3 + v) % VILLAGE_STEMS.length]}村`;
      // Spread the poor villages evenly over the district.
      const isPoorVillage =
        Math.floor(((villageIndex + 1) * DEMO_POOR_VILLAGES) / totalVillages) >
        Math.floor((villageIndex * DEMO_POOR_VILLAGES) / totalVillages);
      rows.push({ code: demoVillageCode(t, v), name, kind: 'village', parentCode: demoTownshipCode(t), isPoorVillage });
      rows.push({
        code: demoClinicCode(t, v),
        name: `${township}${name}卫生室`,
        kind: 'village_clinic',
        parentCode: demoVillageCode(t, v),
      });
    }
  });
  return rows;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  responsibleUnitCodes: string[];
  /** The unit this user heads (负责人), receiving its first escalations. */
  headOf?: string;
}

/** The township and village the manager and staff demo users belong to (中子镇, its first village). */
export const DEMO_MANAGER_TOWNSHIP = 1;

export function demoUsers(): DemoUser[] {
  const t = DEMO_MANAGER_TOWNSHIP;
  return [
    { username: 'admin', displayName: '区卫健局管理员', role: 'admin', unitCode: DEMO_DISTRICT_CODE, responsibleUnitCodes: [] },
    // Global settings (policies, the national calendar, templates, the disease catalogue) need an admin of the root unit.
    { username: 'cityadmin', displayName: '市卫健委管理员', role: 'admin', unitCode: DEMO_CITY_CODE, responsibleUnitCodes: [] },
    {
      username: 'leader',
      displayName: '局班子成员（分片联系）',
      role: 'manager',
      unitCode: DEMO_BUREAU_CODE,
      responsibleUnitCodes: [0, 1, 2, 3, 4].map(demoTownshipCode),
    },
    {
      username: 'manager',
      displayName: `${TOWNSHIPS[t]}负责人`,
      role: 'manager',
      unitCode: demoTownshipCode(t),
      responsibleUnitCodes: [],
      headOf: demoTownshipCode(t),
    },
    {
      username: 'centre',
      displayName: `${TOWNSHIPS[t]}卫生院院长`,
      role: 'staff',
      unitCode: demoHealthCentreCode(t),
      responsibleUnitCodes: [],
      headOf: demoHealthCentreCode(t),
    },
    {
      username: 'staff',
      displayName: '村医（村卫生室）',
      role: 'staff',
      unitCode: demoClinicCode(t, 0),
      responsibleUnitCodes: [],
      headOf: demoClinicCode(t, 0),
    },
    { username: 'hospital', displayName: '定点医院工作人员', role: 'staff', unitCode: DEMO_HOSPITAL_CODES[0], responsibleUnitCodes: [] },
  ];
}
