import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CHECKLIST_ITEM_KINDS, type ChecklistItemKind } from '../../../../src/domain/cross-check';
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_KEYS, type ProblemCategory } from '../../../../src/domain/rectification';
import { ApiError, api, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';

type Version = ApiData<'/api/checklists', 'get'>[number];
type Item = Version['items'][number];

const CHECKLIST_KIND_LABELS: Record<ChecklistItemKind, string> = { clinic: '村卫生室', doctor: '村医', household: '农户' };
const KIND_COLORS: Record<ChecklistItemKind, string> = { clinic: 'blue', doctor: 'purple', household: 'green' };
const KIND_OPTIONS = CHECKLIST_ITEM_KINDS.map((k) => ({ value: k, label: CHECKLIST_KIND_LABELS[k] }));
const CATEGORY_OPTIONS = PROBLEM_CATEGORY_KEYS.map((c) => ({
  value: c,
  label: `${PROBLEM_CATEGORIES[c].label}（${PROBLEM_CATEGORIES[c].days} 天）`,
}));
/** The fields the server's errors name (`items[3].text …`), in the table's words. */
const FIELD_LABELS: Record<string, string> = { key: '编码', kind: '类型', text: '检查内容', category: '问题类别' };
/** A new item's category until the admin picks one: the usual one of its kind. */
const DEFAULT_CATEGORY: Record<ChecklistItemKind, ProblemCategory> = {
  clinic: 'clinic_equipment',
  doctor: 'doctor_knowledge',
  household: 'household_awareness',
};
const byKind = (a: { kind: ChecklistItemKind }, b: { kind: ChecklistItemKind }) =>
  CHECKLIST_ITEM_KINDS.indexOf(a.kind) - CHECKLIST_ITEM_KINDS.indexOf(b.kind);

/**
 * 排查清单: the cross-check checklist's versions. A version is never edited (rounds keep the one they were
 * set up with); an admin of a root unit edits a copy of one and saves it as the next version, which the
 * rounds set up afterwards take by default.
 */
export default function ChecklistsPage() {
  const [params, setParams] = useSearchParams();
  const version = params.get('version');
  const [editFrom, setEditFrom] = useState<Version | null>(null);
  const versions = useQuery({ queryKey: ['checklists'], queryFn: () => must(api.GET('/api/checklists')) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        排查清单
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        交叉排查的检查项分村卫生室、村医、农户三类，每项不合格即生成相应类别的整改问题。已发布的版本不再修改：
        以某一版为基础编辑后另存为新版本，之后设置的排查轮次默认使用最新版本，已设置的轮次继续使用原版本。仅市级（根单位）管理员可发布新版本。
      </Typography.Paragraph>
      <QueryState query={versions}>
        {(data) => (
          <>
            <Table<Version>
              rowKey="version"
              dataSource={data}
              locale={{ emptyText: '暂无清单版本' }}
              pagination={false}
              size="small"
              data-testid="checklist-versions"
              columns={[
                { title: '版本', dataIndex: 'version', width: 70 },
                {
                  title: '名称',
                  dataIndex: 'name',
                  render: (name: string, v) => (
                    <Space size={4}>
                      {name}
                      {v.version === data[0]?.version && <Tag color="green">最新</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '检查项',
                  width: 260,
                  render: (_, v) =>
                    CHECKLIST_ITEM_KINDS.map((k) => `${CHECKLIST_KIND_LABELS[k]} ${v.items.filter((i) => i.kind === k).length}`).join(
                      ' · ',
                    ),
                },
                { title: '发布时间', width: 180, render: (_, v) => formatDateTime(v.createdAt) },
                {
                  title: '操作',
                  width: 230,
                  render: (_, v) => (
                    <Space>
                      <Button size="small" onClick={() => setParams({ version: String(v.version) })}>
                        查看检查项
                      </Button>
                      <Button
                        size="small"
                        type="primary"
                        ghost
                        onClick={() => {
                          setParams({ version: String(v.version) });
                          setEditFrom(v);
                        }}
                      >
                        以此为基础编辑
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            {editFrom ? (
              <ChecklistEditor
                key={editFrom.version}
                base={editFrom}
                allKeys={new Set(data.flatMap((v) => v.items.map((i) => i.key)))}
                onCancel={() => setEditFrom(null)}
                onSaved={(v) => {
                  setEditFrom(null);
                  setParams({ version: String(v) });
                }}
              />
            ) : (
              version && <VersionItems version={Number(version)} />
            )}
          </>
        )}
      </QueryState>
    </Space>
  );
}

/** One version's items, grouped by kind, each with the category its failure files. */
function VersionItems({ version }: { version: number }) {
  const one = useQuery({
    queryKey: ['checklists', version],
    queryFn: () => must(api.GET('/api/checklists/{version}', { params: { path: { version } } })),
  });
  return (
    <QueryState query={one}>
      {(v) => (
        <Card title={`第 ${v.version} 版：${v.name}`} data-testid="checklist-items">
          <Space direction="vertical" style={{ width: '100%' }}>
            {CHECKLIST_ITEM_KINDS.map((kind) => {
              const items = v.items.filter((i) => i.kind === kind);
              return (
                <div key={kind} data-testid={`checklist-kind-${kind}`}>
                  <Typography.Title level={5}>
                    {CHECKLIST_KIND_LABELS[kind]}（{items.length} 项）
                  </Typography.Title>
                  <Table<Item>
                    rowKey="key"
                    size="small"
                    dataSource={items}
                    pagination={false}
                    locale={{ emptyText: '本类无检查项' }}
                    columns={[
                      { title: '检查内容', dataIndex: 'text' },
                      {
                        title: '问题类别',
                        width: 200,
                        render: (_, i) => <Tag color={KIND_COLORS[i.kind]}>{PROBLEM_CATEGORIES[i.category].label}</Tag>,
                      },
                      {
                        title: '编码',
                        dataIndex: 'key',
                        width: 220,
                        render: (k: string) => <Typography.Text type="secondary">{k}</Typography.Text>,
                      },
                    ]}
                  />
                </div>
              );
            })}
          </Space>
        </Card>
      )}
    </QueryState>
  );
}

interface Row extends Item {
  /** The row's own id (React's key, and where the server's errors go). */
  rid: number;
  /** A new item: its key is generated, and follows its kind until it is saved. */
  added: boolean;
}

/** A key no version has used, in the server's format (a-z, 0-9, _ and .): a failed item's problems are merged by key. */
function newKey(kind: ChecklistItemKind, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const key = `${kind}.item_${n}`;
    if (!taken.has(key)) return key;
  }
}

/** The server's errors name items by their place in the list: `items[3].text must have 1–500 characters`. */
function errorsByIndex(error: unknown): { byIndex: Map<number, string[]>; other: string[] } {
  const byIndex = new Map<number, string[]>();
  const other: string[] = [];
  const listed = error instanceof ApiError ? (error.body as { errors?: unknown } | null)?.errors : undefined;
  for (const e of Array.isArray(listed) ? listed : []) {
    if (typeof e !== 'string') continue;
    const m = /^items\[(\d+)\]/.exec(e);
    if (m) byIndex.set(Number(m[1]), [...(byIndex.get(Number(m[1])) ?? []), e]);
    else other.push(e);
  }
  return { byIndex, other };
}

/** A copy of a version, edited item by item and saved as the next version; the server's refusals beside their items. */
function ChecklistEditor({
  base,
  allKeys,
  onCancel,
  onSaved,
}: {
  base: Version;
  allKeys: Set<string>;
  onCancel: () => void;
  onSaved: (version: number) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [name, setName] = useState(base.name);
  const [rows, setRows] = useState<Row[]>(() => [...base.items].sort(byKind).map((i, rid) => ({ ...i, rid, added: false })));
  const [nextRid, setNextRid] = useState(base.items.length);
  const [addKind, setAddKind] = useState<ChecklistItemKind>('clinic');
  const save = useMutation({
    mutationFn: (sent: Row[]) =>
      must(
        api.POST('/api/checklists', {
          body: { name: name.trim(), items: sent.map(({ key, kind, text, category }) => ({ key, kind, text, category })) },
        }),
      ),
    onSuccess: (created) => {
      void message.success(`已发布第 ${created.version} 版`);
      void queryClient.invalidateQueries({ queryKey: ['checklists'] });
      onSaved(created.version);
    },
  });
  // The refusal's errors, from the rows as they were sent to the rows they name (even after the list changes).
  const { rowErrors, other } = useMemo(() => {
    const { byIndex, other } = errorsByIndex(save.error);
    const rowErrors = new Map<number, string[]>();
    for (const [i, errors] of byIndex) {
      const sent = save.variables?.[i];
      if (sent) rowErrors.set(sent.rid, errors);
    }
    return { rowErrors, other };
  }, [save.error, save.variables]);

  // Keys of every version and of the rows being edited (but the row itself): a new key is none of them.
  const takenKeys = (list: Row[], except?: number) => new Set([...allKeys, ...list.filter((r) => r.rid !== except).map((r) => r.key)]);
  const update = (rid: number, change: Partial<Item>) =>
    setRows((list) => {
      const next = list.map((r) => {
        if (r.rid !== rid) return r;
        const changed = { ...r, ...change };
        // A new item's key follows its kind; an existing item keeps its key whatever changes.
        if (r.added && change.kind && change.kind !== r.kind) changed.key = newKey(change.kind, takenKeys(list, rid));
        return changed;
      });
      return change.kind ? [...next].sort(byKind) : next;
    });
  const add = () => {
    const rid = nextRid;
    setNextRid(rid + 1);
    setRows((list) =>
      [
        ...list,
        { rid, added: true, key: newKey(addKind, takenKeys(list)), kind: addKind, text: '', category: DEFAULT_CATEGORY[addKind] },
      ].sort(byKind),
    );
  };
  const removed = base.items.length - rows.filter((r) => !r.added).length;

  return (
    <Card
      title={`基于第 ${base.version} 版编辑，另存为新版本`}
      data-testid="checklist-editor"
      extra={
        <Typography.Text type="secondary">
          共 {rows.length} 项（新增 {rows.filter((r) => r.added).length}，删除 {removed}）
        </Typography.Text>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap>
          <label htmlFor="checklist-name">新版本名称</label>
          <Input id="checklist-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} style={{ width: 360 }} />
        </Space>
        {save.error ? (
          rowErrors.size > 0 || other.length > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="checklist-refusal"
              message={`未保存：${save.error instanceof Error ? save.error.message : '出错了'}${rowErrors.size > 0 ? `（${rowErrors.size} 个检查项有误，见各项旁的说明）` : ''}`}
              description={other.length > 0 ? other.map((e) => <div key={e}>{e}</div>) : undefined}
            />
          ) : (
            <ApiErrorAlert error={save.error} />
          )
        ) : null}
        <Table<Row>
          rowKey="rid"
          size="small"
          dataSource={rows}
          pagination={false}
          data-testid="checklist-edit-items"
          columns={[
            {
              title: '类型',
              width: 120,
              render: (_, r) => (
                <Select<ChecklistItemKind>
                  aria-label="类型"
                  showSearch
                  optionFilterProp="label"
                  value={r.kind}
                  options={KIND_OPTIONS}
                  style={{ width: 100 }}
                  onChange={(kind) => update(r.rid, { kind })}
                />
              ),
            },
            {
              title: '检查内容',
              render: (_, r) => (
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Input.TextArea
                    aria-label="检查内容"
                    value={r.text}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    status={rowErrors.has(r.rid) ? 'error' : undefined}
                    placeholder="填写检查内容"
                    autoFocus={r.added && r.text === ''}
                    onChange={(e) => update(r.rid, { text: e.target.value })}
                  />
                  {rowErrors.get(r.rid)?.map((e) => (
                    <Typography.Text key={e} type="danger" data-testid="item-error">
                      {FIELD_LABELS[/^items\[\d+\]\.(\w+)/.exec(e)?.[1] ?? ''] ?? '此项'}有误：{e}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
            {
              title: '问题类别（整改时限）',
              width: 250,
              render: (_, r) => (
                <Select<ProblemCategory>
                  aria-label="问题类别"
                  showSearch
                  optionFilterProp="label"
                  value={r.category}
                  options={CATEGORY_OPTIONS}
                  style={{ width: 230 }}
                  onChange={(category) => update(r.rid, { category })}
                />
              ),
            },
            {
              title: '编码',
              width: 190,
              render: (_, r) => (
                <Space size={4}>
                  <Typography.Text type="secondary">{r.key}</Typography.Text>
                  {r.added && <Tag color="gold">新增</Tag>}
                </Space>
              ),
            },
            {
              title: '操作',
              width: 80,
              render: (_, r) => (
                <Popconfirm
                  title="删除此检查项？"
                  description={r.added ? undefined : '新版本不再包含此项；已设置的排查轮次不受影响。'}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => setRows((list) => list.filter((x) => x.rid !== r.rid))}
                >
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
        <Space wrap>
          <Select<ChecklistItemKind>
            aria-label="新增项类型"
            showSearch
            optionFilterProp="label"
            value={addKind}
            options={KIND_OPTIONS}
            onChange={setAddKind}
            style={{ width: 110 }}
          />
          <Button icon={<PlusOutlined />} onClick={add}>
            新增检查项
          </Button>
        </Space>
        <Space>
          <Button type="primary" loading={save.isPending} disabled={!name.trim()} onClick={() => save.mutate(rows)}>
            另存为新版本
          </Button>
          <Button onClick={onCancel}>取消编辑</Button>
        </Space>
      </Space>
    </Card>
  );
}
