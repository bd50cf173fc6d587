import { BadRequestException } from '@nestjs/common';
import { parseUnitCsv } from '../../src/units/unit-csv';

describe(parseUnitCsv.name, () => {
  it('reads English headers and keeps blank cells as empty', () => {
    expect(parseUnitCsv('code,name,kind,parentCode\nT1,镇,township,D\n')).toEqual([
      { code: 'T1', name: '镇', kind: 'township', parentCode: 'D' },
    ]);
  });

  it('reads Chinese headers behind a BOM, in any column order', () => {
    expect(parseUnitCsv('\uFEFF名称,上级编码,编码,类型,贫困村\r\n某村,T1,V1,village,是\r\n')).toEqual([
      { code: 'V1', name: '某村', kind: 'village', parentCode: 'T1', isPoorVillage: '是' },
    ]);
  });

  it('reads the head column by its English or Chinese name', () => {
    expect(parseUnitCsv('code,name,kind,parentCode,headUsername\nT1,镇,township,D,wang.wei\n')[0].headUsername).toBe('wang.wei');
    expect(parseUnitCsv('编码,名称,类型,上级编码,负责人账号\nT1,镇,township,D,li.na\n')).toEqual([
      { code: 'T1', name: '镇', kind: 'township', parentCode: 'D', headUsername: 'li.na' },
    ]);
  });

  it('names missing columns and refuses empty files', () => {
    expect(() => parseUnitCsv('code,name\nA,B')).toThrow(new BadRequestException('The CSV header lacks the column(s) kind'));
    expect(() => parseUnitCsv('')).toThrow(/empty/);
    expect(() => parseUnitCsv('code,name,kind\n')).toThrow(/no units/);
  });
});
