import { checkEvidenceType } from '../../src/domain/evidence-type';

const ALLOWED = ['application/pdf', 'image/png', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]); // MZ: a Windows program

describe(checkEvidenceType.name, () => {
  it('accepts a file whose bytes match its declared type', () => {
    expect(checkEvidenceType('application/pdf', Buffer.from('%PDF-1.4\n'), ALLOWED)).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkEvidenceType('Text/CSV; charset=utf-8', Buffer.from('编码,名称\n1,一村\n'), ALLOWED)).toEqual({
      ok: true,
      contentType: 'text/csv',
    });
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(checkEvidenceType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx, ALLOWED).ok).toBe(true);
  });

  it('refuses a program renamed to look like a document, naming the problem', () => {
    expect(checkEvidenceType('application/pdf', EXE, ALLOWED)).toEqual({
      ok: false,
      message: 'file is declared application/pdf but its content is not a PDF',
    });
    expect(checkEvidenceType('image/png', Buffer.from('%PDF-1.4'), ALLOWED)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a PNG image'),
    });
    expect(checkEvidenceType('text/csv', EXE, ALLOWED)).toMatchObject({ ok: false, message: expect.stringContaining('binary') });
  });

  it('refuses a file of a known binary type under a text type, even without a NUL byte', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 7)]);
    expect(checkEvidenceType('text/csv', png, ALLOWED)).toEqual({
      ok: false,
      message: 'file is declared text/csv but its content is a PNG image',
    });
    expect(checkEvidenceType('text/csv', Buffer.from('%PDF-1.7\n'), ALLOWED)).toMatchObject({
      ok: false,
      message: expect.stringContaining('a PDF'),
    });
  });

  it('refuses types off the allow-list and empty files', () => {
    expect(checkEvidenceType('application/x-msdownload', EXE, ALLOWED)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not allowed'),
    });
    expect(checkEvidenceType('application/pdf', Buffer.alloc(0), ALLOWED)).toEqual({ ok: false, message: 'file is empty' });
  });
});
