import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import {
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_KEYS,
  PROBLEM_IMPORT_COLUMNS,
  PROBLEM_SOURCES,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUSES,
  PROBLEM_STATUS_LABELS,
  type ProblemCategory,
  type ProblemSource,
  type ProblemStatus,
} from '../../../../src/domain/rectification';
import { api, must, upload } from '../../api/client';
import type { ApiData, ApiQuery } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DueCell } from '../../components/DueCell';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { useCurrentUser } from '../../auth';
import { csvRows } from '../../lib/row-text';
import { useSearchState } from '../../lib/use-search-state';
import { ProblemDrawer, ProblemStatusTag } from './ProblemPanel';

type Query = ApiQuery<'/api/problems', 'get'>;
const options = <K extends string>(keys: readonly K[], label: (k: K) => string) => keys.map((k) => ({ value: k, label: label(k) }));
const SOURCE_OPTIONS = options(PROBLEM_SOURCES, (s) => PROBLEM_SOURCE_LABELS[s]);
const CATEGORY_OPTIONS = options(PROBLEM_CATEGORY_KEYS, (c) => `${PROBLEM_CATEGORIES[c].label}（${PROBLEM_CATEGORIES[c].days} 天）`);

/** 问题清单: problems in scope, overdue first, filtered in the address; one opened in a drawer (?problem=); import and entry by hand. */
export default function ProblemsPage() {
  const user = useCurrentUser();
  const { values, page, pageSize, set } = useSearchState(['status', 'source', 'category', 'unitId', 'problem'] as const);
  const query: Query = {
    status: values.status as ProblemStatus | undefined,
    source: values.source as ProblemSource | undefined,
    category: values.category as ProblemCategory | undefined,
    unitId: values.unitId,
    page,
    pageSize,
  };
  const problems = useQuery({ queryKey: ['problems', query], queryFn: () => must(api.GET('/api/problems', { params: { query } })) });
  const [creating, setCreating] = useState(false);
  const manages = user.role !== 'staff';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          问题清单
        </Typography.Title>
        <Select
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ width: 150 }}
          value={values.status}
          onChange={(status?: string) => set({ status })}
          options={options(PROBLEM_STATUSES, (s) => PROBLEM_STATUS_LABELS[s])}
        />
        <Select
          aria-label="按来源筛选"
          allowClear
          placeholder="全部来源"
          style={{ width: 140 }}
          value={values.source}
          onChange={(source?: string) => set({ source })}
          options={SOURCE_OPTIONS}
        />
        <Select
          aria-label="按类别筛选"
          allowClear
          placeholder="全部类别"
          style={{ width: 200 }}
          value={values.category}
          onChange={(category?: string) => set({ category })}
          options={CATEGORY_OPTIONS}
        />
        {manages && (
          <div style={{ width: 240 }}>
            <UnitPicker value={values.unitId} onChange={(unitId) => set({ unitId })} />
          </div>
        )}
        {values.unitId && <Button onClick={() => set({ unitId: undefined })}>全部单位</Button>}
        {manages && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记问题
          </Button>
        )}
      </Space>
      {manages && <ImportCard />}
      <QueryState query={problems}>
        {(data) => (
          <Table<ApiData<'/api/problems', 'get'>['items'][number]>
            rowKey="id"
            size="small"
            data-testid="problems-table"
            dataSource={data.items}
            scroll={{ x: 800 }}
            onRow={(r) => ({ onClick: () => set({ problem: r.id, page }), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize,
              total: data.total,
              onChange: (p, s) => set({ page: p, pageSize: s }),
              showTotal: (t) => `共 ${t} 个`,
            }}
            columns={[
              { title: '问题', dataIndex: 'description', ellipsis: true },
              { title: '责任单位', dataIndex: 'unitName', width: 160 },
              { title: '来源', dataIndex: 'source', width: 100, render: (s: ProblemSource) => PROBLEM_SOURCE_LABELS[s] },
              { title: '类别', dataIndex: 'category', width: 140, render: (c: ProblemCategory) => PROBLEM_CATEGORIES[c].label },
              {
                title: '状态',
                dataIndex: 'status',
                width: 130,
                render: (s: ProblemStatus, r) => (
                  <Space size={4}>
                    <ProblemStatusTag status={s} />
                    {r.recurrences > 0 && <Tag color="volcano">复发</Tag>}
                  </Space>
                ),
              },
              {
                title: '整改时限',
                dataIndex: 'dueAt',
                width: 170,
                render: (d: string, r) => <DueCell dueAt={d} finished={r.status === 'cleared'} />,
              },
            ]}
          />
        )}
      </QueryState>
      <ProblemDrawer id={values.problem} onClose={() => set({ problem: undefined, page })} />
      <CreateProblemModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => set({ problem: id })} />
    </Space>
  );
}

/** CSV or XLSX, all or nothing: a refused file's row errors beside the row's own cells (CSV). */
function ImportCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<{ error: unknown; rows?: Map<number, string[]> } | null>(null);

  async function send(file: File) {
    setRefusal(null);
    setPercent(0);
    try {
      const r = await upload<ApiData<'/api/problems/import', 'post'>>('/api/problems/import', { file }, setPercent);
      void message.success(`已导入：新增 ${r.created} 个，合并 ${r.merged} 个，复发重开 ${r.reopened} 个`);
      void queryClient.invalidateQueries({ queryKey: ['problems'] });
      void queryClient.invalidateQueries({ queryKey: ['problem-board'] });
    } catch (error) {
      setRefusal({ error, rows: file.name.toLowerCase().endsWith('.csv') ? csvRows(await file.text()) : undefined });
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Card size="small" title="导入问题清单">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        CSV 或 XLSX，列：
        {Object.values(PROBLEM_IMPORT_COLUMNS)
          .map((names) => names[0])
          .join('、')}
        。任何一行有误则整份不导入；同一单位同一检查项未销号的问题合并，已销号的重开计为复发。
      </Typography.Paragraph>
      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx"
        hidden
        aria-label="选择问题清单文件"
        data-testid="problems-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void send(file);
        }}
      />
      <Space wrap>
        <Button icon={<UploadOutlined />} loading={percent !== null} onClick={() => input.current?.click()}>
          上传问题清单
        </Button>
        {percent !== null && <Progress percent={percent} size="small" style={{ width: 160 }} />}
      </Space>
      {refusal && (
        <div style={{ marginTop: 12 }}>
          <ApiErrorAlert error={refusal.error} rows={refusal.rows} />
        </div>
      )}
    </Card>
  );
}

type CreateForm = Parameters<typeof createBody>[0];
/** Empty optional fields are left out (the API refuses an empty date). */
function createBody(v: {
  unitId: string;
  source: ProblemSource;
  category: ProblemCategory;
  description: string;
  evidence?: string;
  dueOn?: string;
}) {
  return { ...v, evidence: v.evidence || undefined, dueOn: v.dueOn || undefined };
}

function CreateProblemModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateForm>();
  const create = useMutation({
    mutationFn: (v: CreateForm) => must(api.POST('/api/problems', { body: createBody(v) })),
    onSuccess: (r) => {
      const said = { created: '已登记', merged: '与未销号的同一问题合并', reopened: '已销号的同一问题重新打开（复发）' };
      void message.success(said[r.filedAs]);
      void queryClient.invalidateQueries({ queryKey: ['problems'] });
      void queryClient.invalidateQueries({ queryKey: ['problem-board'] });
      form.resetFields();
      onClose();
      onCreated(r.problem.id);
    },
  });
  return (
    <Modal
      open={open}
      title="登记问题"
      okText="登记"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Form form={form} layout="vertical" name="problem">
        <Form.Item label="责任单位" name="unitId" rules={[{ required: true, message: '必填' }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label="来源" name="source" rules={[{ required: true, message: '必填' }]}>
          <Select options={SOURCE_OPTIONS} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item label="类别（决定默认整改时限）" name="category" rules={[{ required: true, message: '必填' }]}>
          <Select options={CATEGORY_OPTIONS} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item label="问题描述" name="description" rules={[{ required: true, whitespace: true, message: '必填' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label="佐证（可选）" name="evidence">
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item label="整改时限（可选，默认按类别）" name="dueOn" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '如 2027-06-30' }]}>
          <Input placeholder="2027-06-30" />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={create.error} />
    </Modal>
  );
}
