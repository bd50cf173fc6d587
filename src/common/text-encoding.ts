/**
 * Telling text from what only looks like it: strict UTF-8 checks that name where a file breaks,
 * byte-order marks of UTF-16, and the signatures of binary files that arrive under a text name.
 * Pure; used by the request body parsers and the table readers.
 */

/**
 * The index of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF included), or -1. With `final: false` a sequence cut
 * off by the end of `bytes` is not held against it (the next chunk may complete it).
 */
export function firstInvalidUtf8(bytes: Uint8Array, final = true): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      else if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      else if (b === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : -1;
      const c = bytes[i + k];
      if (c < (k === 1 ? lower : 0x80) || c > (k === 1 ? upper : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that is not complete yet (0–3). */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}

/** 1-based line of the byte at `offset` (LF, CRLF and CR each end a line). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** 'UTF-16LE' or 'UTF-16BE' when the bytes start with that byte-order mark. */
export function utf16ByteOrderMark(head: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  return null;
}

const BINARY_SIGNATURES: { name: string; magic: number[] }[] = [
  { name: 'a PNG image', magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', magic: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (an .xlsx or .docx?)', magic: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an old Excel or Word file (.xls/.doc)', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a RAR archive', magic: [0x52, 0x61, 0x72, 0x21] },
  { name: 'a 7-Zip archive', magic: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'a gzip archive', magic: [0x1f, 0x8b] },
  { name: 'a program', magic: [0x4d, 0x5a] },
];

/**
 * What a file that should be text really is, when it is not: a known binary signature, UTF-16
 * (with a byte-order mark, or without one: NUL bytes), or null for text.
 */
export function nonTextKind(head: Uint8Array): string | null {
  const signature = BINARY_SIGNATURES.find((s) => s.magic.every((byte, i) => head[i] === byte));
  if (signature) return signature.name;
  const bom = utf16ByteOrderMark(head);
  if (bom) return `${bom} text`;
  if (head.includes(0)) return 'a binary file (it holds NUL bytes; UTF-16 text without a byte-order mark looks like this too)';
  return null;
}

/**
 * Whether bytes that are not valid UTF-8 still look like UTF-8 text with a few damaged bytes, rather
 * than GBK/GB18030 text (whose Chinese practically never forms valid UTF-8 sequences): many valid
 * multi-byte sequences, few invalid bytes.
 */
export function looksLikeDamagedUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  /** Runs of invalid bytes: one damaged character spoils up to three bytes. */
  let damaged = 0;
  let inDamage = false;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      inDamage = false;
      i++;
      continue;
    }
    if (firstInvalidUtf8(bytes.subarray(i, Math.min(bytes.length, i + 4)), false) === 0) {
      if (!inDamage) damaged++;
      inDamage = true;
      i++;
      continue;
    }
    inDamage = false;
    const b = bytes[i];
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    if (i + length > bytes.length) break;
    valid++;
    i += length;
  }
  // GBK text forms a valid UTF-8 sequence for about one character in twelve; damaged UTF-8 for nearly all.
  return damaged > 0 && valid >= 4 * damaged;
}
