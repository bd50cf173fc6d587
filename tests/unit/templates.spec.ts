import { DEFAULT_TEMPLATES, renderTemplate, TEMPLATE_VARIABLES, validateTemplate } from '../../src/notifications/templates';

const body = (source: string, vars: Record<string, unknown>) => renderTemplate({ title: '', body: source }, vars).body;

describe('renderTemplate', () => {
  it('fills names and dotted paths in title and body', () => {
    const rendered = renderTemplate(
      { title: '【提醒】{{task.title}}', body: '{{ unitName }}：{{task.title}}，剩余{{days}}天，{{urgent}}' },
      { unitName: '中子镇卫生院', task: { title: '慢病随访' }, days: 3, urgent: false },
    );
    expect(rendered).toEqual({ title: '【提醒】慢病随访', body: '中子镇卫生院：慢病随访，剩余3天，false' });
  });

  it('repeats a section per item, looking names up on the item and then outside', () => {
    const source = '{{#items}}- {{title}}（{{unitName}}，逾期{{daysOverdue}}天，{{who}}）\n{{/items}}完';
    const items = [
      { title: '家庭医生签约', unitName: '中子镇卫生院', daysOverdue: 2 },
      { title: '贫困人口体检', unitName: '水磨沟村卫生室', daysOverdue: 5 },
    ];
    expect(body(source, { items, who: '张三' })).toBe(
      '- 家庭医生签约（中子镇卫生院，逾期2天，张三）\n- 贫困人口体检（水磨沟村卫生室，逾期5天，张三）\n完',
    );
    expect(body(source, { items: [], who: '张三' })).toBe('完');
  });

  it('throws naming a missing variable, at top level, in a path and inside a section', () => {
    expect(() => body('{{taskTitel}}', { taskTitle: 'x' })).toThrow('"taskTitel"');
    expect(() => body('{{task.name}}', { task: { title: 'x' } })).toThrow('"task.name"');
    expect(() => body('{{task.title}}', { task: null })).toThrow('"task.title"');
    expect(() => body('{{#items}}{{titel}}{{/items}}', { items: [{ title: 'x' }] })).toThrow('"titel"');
  });

  it('refuses objects where text belongs, and a section over something not a list', () => {
    expect(() => body('{{task}}', { task: { title: 'x' } })).toThrow('"task" is not a string or number');
    expect(() => body('{{#items}}{{title}}{{/items}}', { items: { title: 'x' } })).toThrow('"items" needs a list');
  });

  it('refuses a malformed template', () => {
    expect(() => body('{{#items}}{{title}}', { items: [] })).toThrow('not closed');
    expect(() => body('{{name', { name: 'x' })).toThrow('unbalanced braces');
  });

  it('renders one template many times, each with its own values, and refuses a malformed one every time', () => {
    const template = '{{name}}：{{#items}}{{title}}；{{/items}}';
    const names = Array.from({ length: 200 }, (_, i) => `村医${i}`);
    expect(names.map((name, i) => body(template, { name, items: [{ title: `任务${i}` }] }))).toEqual(
      names.map((name, i) => `${name}：任务${i}；`),
    );
    for (let i = 0; i < 3; i++) expect(() => body('{{#items}}', { items: [] })).toThrow('not closed');
  });
});

describe('validateTemplate', () => {
  const allowed = ['taskTitle', 'unitName', 'items', 'items.title', 'items.dueAt'];

  it('accepts a template that uses only allowed names', () => {
    expect(validateTemplate({ title: '{{taskTitle}}', body: '{{#items}}{{title}} {{dueAt}} {{unitName}}\n{{/items}}' }, allowed)).toEqual(
      [],
    );
  });

  it('names every unknown variable, field by field', () => {
    expect(validateTemplate({ title: '{{taskTitel}}', body: '{{unitName}}{{#items}}{{titel}}{{/items}}{{daysOverdue}}' }, allowed)).toEqual(
      ['title: unknown variable "taskTitel"', 'body: unknown variable "titel"', 'body: unknown variable "daysOverdue"'],
    );
  });

  it('keeps lists and their item fields in their place', () => {
    expect(validateTemplate({ title: '{{items}}{{items.title}}{{title}}', body: '{{#unitName}}{{/unitName}}' }, allowed)).toEqual([
      'title: unknown variable "items"',
      'title: unknown variable "items.title"',
      'title: unknown variable "title"',
      'body: unknown list "unitName"',
    ]);
  });

  it('reports unbalanced and nested sections and broken tags', () => {
    const problems = (source: string) => validateTemplate({ title: '', body: source }, allowed);
    expect(problems('{{#items}}{{title}}')).toEqual(['body: section {{#items}} is not closed']);
    expect(problems('{{title}}{{/items}}')).toEqual(['body: {{/items}} closes no open section', 'body: unknown variable "title"']);
    expect(problems('{{#items}}{{/unitName}}{{/items}}')).toEqual(['body: {{/unitName}} closes no open section']);
    expect(problems('{{#items}}{{#items}}{{/items}}')).toEqual(['body: section {{#items}} inside {{#items}}: sections cannot be nested']);
    expect(problems('{{task title}} {{unitName}')).toEqual([
      'body: invalid tag {{task title}}',
      'body: unbalanced braces in " {{unitName}"',
    ]);
  });
});

describe('DEFAULT_TEMPLATES', () => {
  const vars: Record<string, Record<string, unknown>> = {
    reminder: { recipientName: '李明', taskTitle: '2025年第一季度慢病患者随访', unitName: '中子镇卫生院', dueAt: '2025年3月25日' },
    escalation: {
      recipientName: '王芳',
      taskTitle: '贫困人口家庭医生签约核查',
      unitName: '水磨沟村卫生室',
      dueAt: '2025年3月20日',
      daysOverdue: 5,
      level: 2,
    },
    digest: {
      recipientName: '张伟',
      asOf: '2025年3月24日 09:00',
      count: 2,
      items: [
        { title: '慢病患者随访', unitName: '中子镇卫生院', dueAt: '3月25日' },
        { title: '健康扶贫政策宣传', unitName: '朝天区人民医院', dueAt: '3月28日' },
      ],
    },
    announcement: {
      recipientName: '赵敏',
      title: '关于开展2025年健康扶贫专项检查的通知',
      body: '各乡镇卫生院、村卫生室：\n为巩固健康扶贫成果，定于4月开展专项检查，请做好准备。',
      issuerName: '朝天区卫生健康局',
      publishedAt: '2025年3月24日',
    },
  };

  it('has variables and sample data for exactly its kinds', () => {
    expect(Object.keys(TEMPLATE_VARIABLES).sort()).toEqual(Object.keys(DEFAULT_TEMPLATES).sort());
    expect(Object.keys(vars).sort()).toEqual(Object.keys(DEFAULT_TEMPLATES).sort());
  });

  it.each(Object.keys(DEFAULT_TEMPLATES))('%s validates against its variables and renders completely', (kind) => {
    const template = DEFAULT_TEMPLATES[kind];
    expect(validateTemplate(template, TEMPLATE_VARIABLES[kind])).toEqual([]);
    const rendered = renderTemplate(template, vars[kind]);
    for (const text of [rendered.title, rendered.body]) {
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text.trim()).not.toBe('');
    }
    expect(rendered.title).not.toContain('\n');
  });

  it('reads naturally', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.escalation, vars.escalation)).toEqual({
      title: '【逾期督办】贫困人口家庭医生签约核查（第2级）',
      body: '水磨沟村卫生室承担的任务“贫困人口家庭医生签约核查”已于2025年3月20日到期，至今逾期5天仍未办结，现启动第2级督办。请尽快督促落实，并及时反馈办理情况。',
    });
    expect(renderTemplate(DEFAULT_TEMPLATES.digest, vars.digest).body).toBe(
      '张伟，您好！截至2025年3月24日 09:00，您有以下2项任务待处理：\n' +
        '- 慢病患者随访（中子镇卫生院，3月25日到期）\n' +
        '- 健康扶贫政策宣传（朝天区人民医院，3月28日到期）\n' +
        '请及时登录系统查看办理。',
    );
  });
});
