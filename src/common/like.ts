/**
 * User text inside a LIKE / ILIKE pattern: `%`, `_` and the escape character itself are taken
 * literally (PostgreSQL's default escape character is the backslash). Every pattern built from a
 * query string goes through here: `%${escapeLike(q)}%`.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
