/**
 * The cells of each line of a CSV text, numbered as a spreadsheet shows them (the header is row 1; a quoted
 * cell that spans lines stays in its row), so an upload's row errors can be shown beside their row.
 */
export function csvRows(text: string): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let rowNumber = 1;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.set(rowNumber++, row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.set(rowNumber, row);
  }
  return rows;
}
