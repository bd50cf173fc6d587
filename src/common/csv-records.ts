/**
 * CSV records (RFC 4180, as Excel writes them) from a stream of text chunks: fields separated by
 * commas, records by CRLF, LF or CR; a quoted field may hold commas, line breaks and doubled quotes.
 * A quote inside an unquoted field is kept as text. Records come in batches, one per chunk, so a
 * 150,000-row file costs a few hundred awaits, not 150,000 (it is the import's hot path).
 */
export class CsvFormatError extends Error {}

const SPECIAL = /[,\r\n"]/g;

export async function* csvRecords(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<string[][]> {
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  /** Inside quotes, a quote was the chunk's last character: the next decides whether it was doubled. */
  let quoteAtEnd = false;
  /** A CR ended the last chunk: an LF starting the next belongs to the same line break. */
  let crAtEnd = false;
  /** Whether anything of the current record has been read (so a file's last line needs no line break). */
  let started = false;
  let line = 1;

  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const batch: string[][] = [];
    let i = 0;
    if (crAtEnd && text[0] === '\n') i = 1;
    crAtEnd = false;
    if (quoteAtEnd) {
      quoteAtEnd = false;
      if (text[0] === '"') {
        field += '"';
        i = 1;
      } else inQuotes = false;
    }
    while (i < text.length) {
      if (inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          field += text.slice(i);
          break;
        }
        field += text.slice(i, quote);
        if (quote + 1 === text.length) {
          quoteAtEnd = true;
          i = quote + 1;
        } else if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          inQuotes = false;
          i = quote + 1;
        }
        continue;
      }
      SPECIAL.lastIndex = i;
      const match = SPECIAL.exec(text);
      const at = match ? match.index : text.length;
      field += text.slice(i, at);
      started ||= at > i;
      if (!match) break;
      const ch = match[0];
      started = true;
      i = at + 1;
      if (ch === ',') {
        record.push(field);
        field = '';
      } else if (ch === '"') {
        if (field === '') inQuotes = true;
        else field += '"';
      } else {
        // CR, LF or CRLF ends the record.
        if (ch === '\r') {
          if (i === text.length) crAtEnd = true;
          else if (text[i] === '\n') i++;
        }
        record.push(field);
        batch.push(record);
        record = [];
        field = '';
        started = false;
        line++;
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (inQuotes && !quoteAtEnd) throw new CsvFormatError(`a quoted field opened on or after line ${line} is never closed`);
  if (started || record.length > 0) {
    record.push(field);
    yield [record];
  }
}
