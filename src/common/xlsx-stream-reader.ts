import ExcelJS from 'exceljs';

// The hooks of exceljs's streaming reader that this file overrides (not in its published types).
declare module 'exceljs' {
  namespace stream {
    namespace xlsx {
      interface WorkbookReader {
        _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
        _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
        _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown>;
      }
    }
  }
}

/**
 * exceljs 4.4's streaming reader decodes every inflated chunk of XML on its own, so a Chinese
 * character that straddles two chunks (16 KiB each) comes out as "��" (exceljs issues 2063, 2084,
 * 2316; unfixed). This reader hands exceljs the XML as text decoded across chunk boundaries:
 * shared strings, styles (which say which numbers are dates) and worksheets.
 */
export class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  override _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseStyles(entry: NodeJS.ReadableStream): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }

  override _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown> {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }
}

async function* decodeUtf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
