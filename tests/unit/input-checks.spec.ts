import fc from 'fast-check';
import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsInt, validateSync } from 'class-validator';
import { jsonDepthExceeds, reviveJsonBody } from '../../src/common/body-parsers';
import { parseWholeNumber } from '../../src/common/int-param';
import { firstInvalidUtf8, incompleteUtf8Tail, lineAt, looksLikeDamagedUtf8, nonTextKind } from '../../src/common/text-encoding';
import { isCalendarDate, isDateOrDateTime, QueryInt } from '../../src/common/validators';
import { nextFireDate, validateCron } from '../../src/domain/recurrence';
import iconv from 'iconv-lite';

describe('calendar dates and date-times', () => {
  it('takes days that exist and refuses those that do not', () => {
    for (const day of ['2027-02-28', '2028-02-29', '2027-12-31', '2000-02-29']) expect(isCalendarDate(day)).toBe(true);
    for (const day of ['2027-02-30', '2027-02-29', '1900-02-29', '2027-13-01', '2027-04-31', '2027-4-1', '20270401', '', 20270401])
      expect(isCalendarDate(day)).toBe(false);
  });

  it('takes ISO date-times on real days with real clock times, and refuses the rest', () => {
    for (const value of [
      '2027-03-25',
      '2027-03-25T17:00:00+08:00',
      '2027-03-25T09:30Z',
      '2027-03-25T23:59:59.999Z',
      '2027-03-25T00:00:00-0500',
    ])
      expect(isDateOrDateTime(value)).toBe(true);
    for (const value of [
      '2027-02-30',
      '2027-02-30T10:00:00Z',
      '2027-03-25T24:00:00Z',
      '2027-03-25T10:60:00Z',
      '2027-03-25T10:00:00',
      '2027-03-25 10:00:00Z',
      '2027-03',
      'tomorrow',
      null,
    ])
      expect(isDateOrDateTime(value)).toBe(false);
  });
});

describe(jsonDepthExceeds.name, () => {
  const bytes = (text: string) => Buffer.from(text);
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 2)).toBe(true);
    expect(jsonDepthExceeds(bytes(`{"a":"${'['.repeat(100)}"}`), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"a":"\\"${'{'.repeat(100)}"}`), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes(`${'['.repeat(5000)}${']'.repeat(5000)}`), 32)).toBe(true);
  });

  it('agrees with the depth of any JSON value', () => {
    const depthOf = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        expect(jsonDepthExceeds(bytes(JSON.stringify(value)), max)).toBe(depthOf(value) > max);
      }),
    );
  });
});

describe('text encodings', () => {
  it('finds the first byte that is not UTF-8, wherever it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (before, after) => {
        const head = Buffer.from(before);
        const all = Buffer.concat([head, Buffer.from([0xff]), Buffer.from(after)]);
        expect(firstInvalidUtf8(all)).toBe(head.length);
        expect(firstInvalidUtf8(Buffer.from(before + after))).toBe(-1);
      }),
    );
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe4, 0xbd]))).toBe(1); // cut off at the end
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe4, 0xbd]), false)).toBe(-1);
    expect(incompleteUtf8Tail(Buffer.from([0x41, 0xe4, 0xbd]))).toBe(2);
    expect(incompleteUtf8Tail(Buffer.from('好'))).toBe(0);
  });

  it('names the line of a byte', () => {
    expect(lineAt(Buffer.from('a\nb\r\nc\rd'), 7)).toBe(4);
    expect(lineAt(Buffer.from('a\nb'), 0)).toBe(1);
  });

  it('tells binary files and UTF-16 from text', () => {
    expect(nonTextKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('a PNG image');
    expect(nonTextKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('身份证号', 'utf16le')]))).toBe('UTF-16LE text');
    expect(nonTextKind(Buffer.from('id,姓名', 'utf16le'))).toMatch(/NUL/);
    expect(nonTextKind(Buffer.from('身份证号,姓名\n'))).toBeNull();
    expect(nonTextKind(iconv.encode('身份证号,姓名\n', 'gb18030'))).toBeNull();
  });

  it('tells UTF-8 with a damaged byte from GBK', () => {
    const text = '户编号,村代码,户主姓名,姓名,身份证号\n5108121002000001,510812100200,张建国,张建国,510812196803150021\n';
    const utf8 = Buffer.from(text);
    const damaged = Buffer.concat([utf8.subarray(0, 5), Buffer.from([0xff]), utf8.subarray(6)]);
    expect(looksLikeDamagedUtf8(damaged)).toBe(true);
    expect(looksLikeDamagedUtf8(iconv.encode(text, 'gb18030'))).toBe(false);
    expect(looksLikeDamagedUtf8(utf8)).toBe(false);
  });
});

describe('crons that never fire', () => {
  const now = new Date('2026-05-01T00:00:00+08:00');
  it('refuses a day that does not exist, naming the field, with a clock', () => {
    expect(validateCron('0 9 31 2 *', now)).toEqual({
      ok: false,
      errors: ['cron "0 9 31 2 *" never fires within 5 years: no day matches its day-of-month, month and day-of-week together'],
    });
    expect(validateCron('0 9 30,31 2 *', now).ok).toBe(false);
    expect(validateCron('0 9 31 4,6,9,11 *', now).ok).toBe(false);
    expect(validateCron('0 9 31 2 *')).toEqual({ ok: true, cron: '0 9 31 2 *' }); // without a clock: syntax only
  });

  it('takes rare days that do come, and ANDs day-of-month with day-of-week as Temporal does', () => {
    expect(nextFireDate('0 9 29 2 *', now, 5)).toBe('2028-02-29');
    expect(nextFireDate('0 9 1 * *', now, 5)).toBe('2026-05-01');
    expect(nextFireDate('0 9 13 * 5', now, 5)).toBe('2026-11-13'); // Friday the 13th
    expect(nextFireDate('0 9 * * 7', now, 5)).toBe('2026-05-03'); // 7 is Sunday
    expect(nextFireDate('0 9 29 2 1', now, 5)).toBeNull(); // 29 February on a Monday: 2044
    expect(validateCron('0 9 1-7 * 1', now)).toEqual({ ok: true, cron: '0 9 1-7 * 1' });
  });
});

describe(reviveJsonBody.name, () => {
  const parse = (text: string) => JSON.parse(text, reviveJsonBody) as unknown;

  it('refuses keys that reach a prototype, at any depth, naming the key', () => {
    expect(() => parse('{"__proto__":{"isAdmin":true}}')).toThrow('the JSON body holds the key "__proto__"');
    expect(() => parse('{"a":[{"b":{"constructor":{"prototype":{}}}}]}')).toThrow(/holds the key "(constructor|prototype)"/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses a lone surrogate in a value or a key, naming where, and takes real characters outside the BMP', () => {
    expect(() => parse('{"title":"a\\ud800b"}')).toThrow('title holds a lone UTF-16 surrogate');
    expect(() => parse('{"\\udc00":1}')).toThrow('lone UTF-16 surrogate');
    expect(() => parse('"\\udfff"')).toThrow('the JSON body holds a lone UTF-16 surrogate');
    expect(parse('{"name":"𠀀\\ud840\\udc00张"}')).toEqual({ name: '𠀀𠀀张' });
  });

  it('leaves every other JSON value as JSON.parse reads it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        fc.pre(!/__proto__|constructor|prototype|[\uD800-\uDFFF]/u.test(text));
        expect(parse(text)).toEqual(JSON.parse(text));
      }),
    );
  });
});

describe(parseWholeNumber.name, () => {
  it('takes digits within the bounds', () => {
    expect(parseWholeNumber('year', '2027', 2000, 2100)).toBe(2027);
    expect(parseWholeNumber('version', '2147483647', 1)).toBe(2147483647);
  });

  it.each(['2e3', '0x7e3', '+2027', ' 2027', '2027.0', '-1', '', 'abcd', '99999999999'])('refuses %j, naming the parameter', (text) => {
    expect(() => parseWholeNumber('year', text, 2000, 2100)).toThrow(new BadRequestException('year must be a whole number'));
  });

  it('refuses numbers outside the bounds, naming them', () => {
    expect(() => parseWholeNumber('year', '1999', 2000, 2100)).toThrow('year must lie between 2000 and 2100');
    expect(() => parseWholeNumber('version', '2147483648', 1)).toThrow('version must lie between 1 and 2147483647');
  });
});

describe(QueryInt.name, () => {
  class Query {
    @QueryInt()
    @IsInt()
    n?: unknown;
  }
  const check = (n: unknown) => {
    const query = plainToInstance(Query, { n });
    return { n: query.n, errors: validateSync(query).map((e) => e.property) };
  };

  it('reads digits as a number', () => {
    expect(check('42')).toEqual({ n: 42, errors: [] });
    expect(check('-3')).toEqual({ n: -3, errors: [] });
  });

  it.each(['0x10', '1e2', ' 5', '5.0', '', '99999999999999999999'])('leaves %j as text, refused naming the field', (text) => {
    expect(check(text)).toEqual({ n: text, errors: ['n'] });
  });

  it('leaves an array (page[]=1) as it is, refused', () => {
    expect(check(['1', '2']).errors).toEqual(['n']);
  });
});
