import fc from 'fast-check';
import { PERSONAL_QUERY_PARAMS, redactQuery, redactUrl } from '../../src/logging/request-log';

describe(redactUrl.name, () => {
  it('replaces the value of every parameter that may carry personal data, keeping the rest', () => {
    expect(redactUrl('/api/population/persons?unitId=u1&idNumber=51081219680315002X&page=2')).toBe(
      '/api/population/persons?unitId=u1&idNumber=[REDACTED]&page=2',
    );
    expect(redactUrl(`/api/population/households?q=${encodeURIComponent('张三')}`)).toBe('/api/population/households?q=[REDACTED]');
    expect(redactUrl('/x?name=a&search=b&keyword=c&q=d')).toBe('/x?name=[REDACTED]&search=[REDACTED]&keyword=[REDACTED]&q=[REDACTED]');
  });

  it('is not fooled by case, encoded names, array syntax or repeats', () => {
    expect(redactUrl('/x?IDNUMBER=1&id%4Eumber=2&idNumber[]=3&idNumber[0]=4&q=5&q=6')).toBe(
      '/x?IDNUMBER=[REDACTED]&id%4Eumber=[REDACTED]&idNumber[]=[REDACTED]&idNumber[0]=[REDACTED]&q=[REDACTED]&q=[REDACTED]',
    );
    expect(redactUrl('/x?%zz=1&q')).toBe('/x?%zz=1&q');
  });

  it('leaves a URL without personal parameters as it is', () => {
    expect(redactUrl('/api/units?page=1&pageSize=20')).toBe('/api/units?page=1&pageSize=20');
    expect(redactUrl('/health')).toBe('/health');
  });

  it('never lets a value of a listed parameter through', () => {
    const value = fc.string({ minLength: 1, maxLength: 20 }).filter((v) => v.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...PERSONAL_QUERY_PARAMS), fc.stringMatching(/^[A-Za-z]{1,8}$/), value, (param, other, secret) => {
        fc.pre(!PERSONAL_QUERY_PARAMS.map((p) => p.toLowerCase()).includes(other.toLowerCase()));
        const url = `/api/x?${other}=1&${param}=${encodeURIComponent(secret)}`;
        const redacted = redactUrl(url);
        expect(redacted).toBe(`/api/x?${other}=1&${param}=[REDACTED]`);
      }),
    );
  });
});

describe(redactQuery.name, () => {
  it('redacts the parsed query the same way, without changing the request’s own object', () => {
    const query = { idNumber: '51081219680315002X', unitId: 'u1', q: ['a', 'b'] };
    expect(redactQuery(query)).toEqual({ idNumber: '[REDACTED]', unitId: 'u1', q: '[REDACTED]' });
    expect(query.idNumber).toBe('51081219680315002X');
  });
});
