/**
 * What an uploaded file (佐证资料) really is. The declared content type must be on the allow-list, and
 * where the type has a signature the first bytes must carry it, so a program renamed .pdf is refused.
 * Pure, shared by the API and tests.
 */
const ZIP = { name: 'a ZIP-based Office file', magic: [0x50, 0x4b, 0x03, 0x04] }; // PK\3\4: xlsx and docx are ZIP archives

const SIGNATURES: Record<string, { name: string; magic: number[] }> = {
  'application/pdf': { name: 'a PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { name: 'a JPEG image', magic: [0xff, 0xd8, 0xff] },
  'image/png': { name: 'a PNG image', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
};

export type EvidenceTypeCheck = { ok: true; contentType: string } | { ok: false; message: string };

export function checkEvidenceType(declared: string, data: Buffer, allowed: readonly string[]): EvidenceTypeCheck {
  const contentType = declared.split(';')[0].trim().toLowerCase();
  if (data.length === 0) return { ok: false, message: 'file is empty' };
  if (!allowed.includes(contentType)) {
    return { ok: false, message: `file type ${contentType || '(none)'} is not allowed (allowed: ${allowed.join(', ')})` };
  }
  const signature = SIGNATURES[contentType];
  if (signature && !signature.magic.every((byte, i) => data[i] === byte)) {
    return { ok: false, message: `file is declared ${contentType} but its content is not ${signature.name}` };
  }
  // Text types have no signature, but another type's signature or a NUL byte means a binary file under a text name.
  if (contentType.startsWith('text/')) {
    const other = Object.values(SIGNATURES).find((s) => s.magic.every((byte, i) => data[i] === byte));
    if (other) return { ok: false, message: `file is declared ${contentType} but its content is ${other.name}` };
    if (data.includes(0)) return { ok: false, message: `file is declared ${contentType} but its content is binary` };
  }
  return { ok: true, contentType };
}
