/**
 * Message templates: `{{name}}`, dotted paths `{{task.title}}`, and one level of list sections
 * `{{#items}}…{{/items}}` (inside, a name is looked up on the item first, then outside). Output is
 * plain text, nothing is escaped. A variable that is missing (undefined or null) or not a scalar
 * throws rather than rendering blank or `[object Object]`: a typo in an admin-edited template must
 * fail loudly. Callers format dates and numbers before rendering.
 */

export interface Template {
  title: string;
  body: string;
}

export interface TemplateSet {
  [kind: string]: Template;
}

export const DEFAULT_TEMPLATES: TemplateSet = {
  reminder: {
    title: '【任务提醒】{{taskTitle}}',
    body: '{{recipientName}}，您好！{{unitName}}承担的任务“{{taskTitle}}”将于{{dueAt}}到期，请合理安排，按时完成并提交。',
  },
  escalation: {
    title: '【逾期督办】{{taskTitle}}（第{{level}}级）',
    body:
      '{{unitName}}承担的任务“{{taskTitle}}”已于{{dueAt}}到期，至今逾期{{daysOverdue}}天仍未办结，现启动第{{level}}级督办。' +
      '请尽快督促落实，并及时反馈办理情况。',
  },
  digest: {
    title: '【待办汇总】您有{{count}}项任务待处理',
    body:
      '{{recipientName}}，您好！截至{{asOf}}，您有以下{{count}}项任务待处理：\n' +
      '{{#items}}- {{title}}（{{unitName}}，{{dueAt}}到期）\n{{/items}}' +
      '请及时登录系统查看办理。',
  },
  announcement: {
    title: '【通知】{{title}}',
    body: '{{body}}\n\n{{issuerName}}\n{{publishedAt}}',
  },
};

/**
 * What callers of each kind supply, so the admin editing API can refuse anything else. Inside a
 * section, an item's field is listed as `<section>.<field>`.
 */
export const TEMPLATE_VARIABLES: Record<string, readonly string[]> = {
  reminder: ['recipientName', 'taskTitle', 'unitName', 'dueAt'],
  escalation: ['recipientName', 'taskTitle', 'unitName', 'dueAt', 'daysOverdue', 'level'],
  digest: ['recipientName', 'asOf', 'count', 'items', 'items.title', 'items.unitName', 'items.dueAt'],
  announcement: ['recipientName', 'title', 'body', 'issuerName', 'publishedAt'],
};

type Node = { type: 'text'; text: string } | { type: 'var'; path: string } | { type: 'section'; path: string; children: Node[] };

const TAG = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** Parses one template string; structural problems are collected, not thrown. */
function parse(source: string): { nodes: Node[]; problems: string[] } {
  const root: Node[] = [];
  const problems: string[] = [];
  let section: Extract<Node, { type: 'section' }> | null = null;
  const out = () => section?.children ?? root;
  const text = (chunk: string) => {
    if (!chunk) return;
    if (chunk.includes('{{') || chunk.includes('}}')) problems.push(`unbalanced braces in "${chunk}"`);
    out().push({ type: 'text', text: chunk });
  };

  let last = 0;
  for (const match of source.matchAll(TAG)) {
    text(source.slice(last, match.index));
    last = match.index + match[0].length;
    const inner = match[1].trim();
    const sigil = inner[0] === '#' || inner[0] === '/' ? inner[0] : '';
    const path = inner.slice(sigil.length).trim();
    if (!PATH.test(path)) {
      problems.push(`invalid tag ${match[0]}`);
    } else if (sigil === '#') {
      if (section) problems.push(`section {{#${path}}} inside {{#${section.path}}}: sections cannot be nested`);
      else root.push((section = { type: 'section', path, children: [] }));
    } else if (sigil === '/') {
      if (section?.path === path) section = null;
      else problems.push(`{{/${path}}} closes no open section`);
    } else {
      out().push({ type: 'var', path });
    }
  }
  text(source.slice(last));
  if (section) problems.push(`section {{#${section.path}}} is not closed`);
  return { nodes: root, problems };
}

function lookup(scope: unknown, path: string): unknown {
  let value = scope;
  for (const key of path.split('.'))
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function scalar(value: unknown, path: string): string {
  if (value === undefined || value === null) throw new Error(`Template variable "${path}" is not defined`);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  throw new Error(`Template variable "${path}" is not a string or number`);
}

/**
 * Parsed templates by source: a clock's page renders a thousand messages from the same two strings.
 * Bounded (a handful of kinds, and their edits), so an edited template's old parse does not stay for ever.
 */
const parsedBySource = new Map<string, ReturnType<typeof parse>>();
const PARSED_KEPT = 64;

function parsed(source: string): ReturnType<typeof parse> {
  let result = parsedBySource.get(source);
  if (!result) {
    if (parsedBySource.size >= PARSED_KEPT) parsedBySource.clear();
    parsedBySource.set(source, (result = parse(source)));
  }
  return result;
}

function renderString(source: string, vars: Record<string, unknown>): string {
  const { nodes, problems } = parsed(source);
  if (problems.length) throw new Error(`Invalid template: ${problems.join('; ')}`);
  const emit = (list: Node[], item?: unknown): string =>
    list
      .map((node) => {
        if (node.type === 'text') return node.text;
        if (node.type === 'var') {
          const own = item === undefined ? undefined : lookup(item, node.path);
          return scalar(own ?? lookup(vars, node.path), node.path);
        }
        const items = lookup(vars, node.path);
        if (!Array.isArray(items)) throw new Error(`Template section "${node.path}" needs a list`);
        return items.map((entry) => emit(node.children, entry)).join('');
      })
      .join('');
  return emit(nodes);
}

export function renderTemplate(template: Template, vars: Record<string, unknown>): Template {
  return { title: renderString(template.title, vars), body: renderString(template.body, vars) };
}

/**
 * Every problem of an edited template, prefixed by the field, for the admin API; empty when fine.
 * `allowedVars` names what callers supply; a list is named together with its item fields
 * (`items`, `items.title`), which are usable only inside `{{#items}}`.
 */
export function validateTemplate(template: Template, allowedVars: readonly string[]): string[] {
  const allowed = new Set(allowedVars);
  const isList = (path: string) => allowed.has(path) && allowedVars.some((name) => name.startsWith(`${path}.`));
  const inList = (path: string) => path.split('.').some((_, i, parts) => i > 0 && isList(parts.slice(0, i).join('.')));
  const scalarOk = (path: string) => allowed.has(path) && !isList(path) && !inList(path);
  const check = (nodes: Node[], section?: string): string[] =>
    nodes.flatMap((node) => {
      if (node.type === 'text') return [];
      if (node.type === 'section')
        return [...(isList(node.path) ? [] : [`unknown list "${node.path}"`]), ...check(node.children, node.path)];
      const ok = scalarOk(node.path) || (section !== undefined && allowed.has(`${section}.${node.path}`));
      return ok ? [] : [`unknown variable "${node.path}"`];
    });
  return (['title', 'body'] as const).flatMap((field) => {
    const { nodes, problems } = parse(template[field]);
    return [...problems, ...check(nodes)].map((problem) => `${field}: ${problem}`);
  });
}
