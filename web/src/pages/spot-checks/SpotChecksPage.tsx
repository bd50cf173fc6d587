import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  SAMPLE_STATUSES,
  SPOT_CHECK_KIND_LABELS,
  SPOT_CHECK_KINDS,
  type SampleStatus,
  type SpotCheckKind,
} from '../../../../src/domain/spot-check-sample';
import { OUTCOME_LABELS, type ReIdentificationOutcome } from '../../../../src/domain/re-identification';
import { PROBLEM_STATUS_LABELS, type ProblemStatus } from '../../../../src/domain/rectification';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../../src/domain/treatment-round';
import { api, must } from '../../api/client';
import type { ApiData, ApiItem } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { useSearchState } from '../../lib/use-search-state';

type SpotCheck = ApiItem<'/api/spot-checks', 'get'>;
type Sample = ApiData<'/api/spot-checks/{id}', 'get'>['samples']['items'][number];

const KIND_OPTIONS = SPOT_CHECK_KINDS.map((k) => ({ value: k, label: SPOT_CHECK_KIND_LABELS[k] }));
const SAMPLE_STATUS_LABELS: Record<SampleStatus, string> = { pending: '待核查', passed: '通过', failed: '未通过' };
const SAMPLE_STATUS_COLORS: Record<SampleStatus, string> = { pending: 'default', passed: 'green', failed: 'red' };
/** The step kind each spot-check kind samples (cleared problems: any step, or none). */
const STEP_KIND: Record<SpotCheckKind, string | null> = {
  re_identification_result: 're_identification',
  treated_case: 'treatment_round',
  cleared_problem: null,
};

/** An item's current status as the server gives it (a code of its kind), in Chinese. */
const ITEM_STATUS_LABELS: Record<SpotCheckKind, Record<string, string>> = {
  re_identification_result: { pending: '待录入', recorded: '已录入' },
  treated_case: CASE_STATUS_LABELS satisfies Record<CaseStatus, string>,
  cleared_problem: PROBLEM_STATUS_LABELS satisfies Record<ProblemStatus, string>,
};
const itemStatusText = (kind: SpotCheckKind, status: string) =>
  status === 'deleted' ? '已删除' : (ITEM_STATUS_LABELS[kind][status] ?? status);
/** A re-identification result's title is its outcome code, then its conditions (`conditions：M01、C02`). */
const itemTitle = (kind: SpotCheckKind, title: string) => {
  if (kind !== 're_identification_result') return title;
  const [outcome, ...rest] = title.split('：');
  const label = OUTCOME_LABELS[outcome as ReIdentificationOutcome];
  return label ? [label, ...rest].join('：') : title;
};

function SampleStatusTag({ status }: { status: SampleStatus }) {
  return <Tag color={SAMPLE_STATUS_COLORS[status]}>{SAMPLE_STATUS_LABELS[status]}</Tag>;
}

const sizeText = (r: Pick<SpotCheck, 'share' | 'perUnit'>) =>
  r.share !== null ? `每单位 ${Math.round(r.share * 10000) / 100}%（向上取整）` : `每单位 ${r.perUnit} 个`;

/** 抽查: spot checks of areas in scope, newest first; one opened in a drawer (?check=) to record each sample's outcome. */
export default function SpotChecksPage() {
  const { values, page, pageSize, set } = useSearchState(['kind', 'check'] as const);
  const query = { kind: values.kind as SpotCheckKind | undefined, page, pageSize };
  const checks = useQuery({ queryKey: ['spot-checks', query], queryFn: () => must(api.GET('/api/spot-checks', { params: { query } })) });
  const [creating, setCreating] = useState(false);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          抽查
        </Typography.Title>
        <Select
          aria-label="按抽查对象筛选"
          allowClear
          placeholder="全部对象"
          style={{ width: 160 }}
          value={values.kind}
          onChange={(kind?: string) => set({ kind })}
          options={KIND_OPTIONS}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建抽查
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按单位抽取已完成事项（再识别结果、已救治病例、已销号问题）核查；同一种子抽取结果相同。未通过的事项带原因重新打开，并计入逾期率通报。
      </Typography.Paragraph>
      <QueryState query={checks}>
        {(data) => (
          <Table<SpotCheck>
            rowKey="id"
            size="small"
            data-testid="spot-checks-table"
            dataSource={data.items}
            scroll={{ x: 900 }}
            locale={{ emptyText: '暂无抽查' }}
            onRow={(r) => ({ onClick: () => set({ check: r.id, page }), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize,
              total: data.total,
              onChange: (p, s) => set({ page: p, pageSize: s }),
              showTotal: (t) => `共 ${t} 次`,
            }}
            columns={[
              { title: '对象', dataIndex: 'kind', width: 120, render: (k: SpotCheckKind) => SPOT_CHECK_KIND_LABELS[k] },
              {
                title: '专项行动 / 环节',
                render: (_, r) => [r.campaignName, r.stepTitle].filter(Boolean).join(' / ') || '（不限）',
                ellipsis: true,
              },
              { title: '范围', dataIndex: 'scopeUnitName', width: 160 },
              { title: '抽样', width: 190, render: (_, r) => sizeText(r) },
              { title: '种子', dataIndex: 'seed', width: 110 },
              {
                title: '结果',
                width: 220,
                render: (_, r) => (
                  <Space size={4}>
                    <Tag>共 {r.counts.samples}</Tag>
                    <Tag color="green">通过 {r.counts.passed}</Tag>
                    <Tag color="red">未通过 {r.counts.failed}</Tag>
                    {r.counts.pending > 0 && <Tag>待核查 {r.counts.pending}</Tag>}
                  </Space>
                ),
              },
              { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (d: string) => new Date(d).toLocaleString('zh-CN') },
            ]}
          />
        )}
      </QueryState>
      <SpotCheckDrawer id={values.check} onClose={() => set({ check: undefined, page })} />
      <CreateSpotCheckModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => set({ check: id })} />
    </Space>
  );
}

/** One spot check: its samples by unit and draw, each passed or failed with a reason. */
function SpotCheckDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const [status, setStatus] = useState<SampleStatus | undefined>();
  const [samplePage, setSamplePage] = useState({ page: 1, pageSize: 50 });
  const [failing, setFailing] = useState<Sample | null>(null);
  const detail = useQuery({
    queryKey: ['spot-check', id, status, samplePage],
    enabled: Boolean(id),
    queryFn: () => must(api.GET('/api/spot-checks/{id}', { params: { path: { id: id! }, query: { status, ...samplePage } } })),
  });
  const record = useRecordOutcome(id);
  return (
    <Drawer open={Boolean(id)} onClose={onClose} width={960} title="抽查核查" destroyOnHidden>
      <QueryState query={detail}>
        {(d) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {SPOT_CHECK_KIND_LABELS[d.kind]} · {d.scopeUnitName} · {sizeText(d)} · 种子 {d.seed}
              {d.campaignName && ` · ${[d.campaignName, d.stepTitle].filter(Boolean).join(' / ')}`}
            </Typography.Text>
            {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
            <Space wrap>
              <Select
                aria-label="按核查结果筛选"
                allowClear
                placeholder="全部样本"
                style={{ width: 140 }}
                value={status}
                onChange={(s?: SampleStatus) => {
                  setStatus(s);
                  setSamplePage((p) => ({ ...p, page: 1 }));
                }}
                options={SAMPLE_STATUSES.map((s) => ({ value: s, label: SAMPLE_STATUS_LABELS[s] }))}
              />
              <Tag color="green">通过 {d.counts.passed}</Tag>
              <Tag color="red">未通过 {d.counts.failed}</Tag>
              <Tag>待核查 {d.counts.pending}</Tag>
            </Space>
            <ApiErrorAlert error={record.error} />
            <Table<Sample>
              rowKey="id"
              size="small"
              data-testid="spot-check-samples"
              dataSource={d.samples.items}
              scroll={{ x: 860 }}
              pagination={{
                current: samplePage.page,
                pageSize: samplePage.pageSize,
                total: d.samples.total,
                onChange: (page, pageSize) => setSamplePage({ page, pageSize }),
              }}
              columns={[
                { title: '单位', dataIndex: 'unitName', width: 150 },
                { title: '序', dataIndex: 'draw', width: 50 },
                {
                  title: '事项',
                  render: (_, s) => (
                    <Space direction="vertical" size={0}>
                      <span>{itemTitle(d.kind, s.item.title)}</span>
                      {s.item.personName && (
                        <Typography.Text type="secondary">
                          {s.item.personName} {s.item.idNumberMasked} {s.item.place}
                        </Typography.Text>
                      )}
                      {!s.item.personName && s.item.place && <Typography.Text type="secondary">{s.item.place}</Typography.Text>}
                    </Space>
                  ),
                },
                { title: '当前状态', width: 110, render: (_, s) => itemStatusText(d.kind, s.item.currentStatus) },
                {
                  title: '核查',
                  width: 230,
                  render: (_, s) =>
                    s.status === 'pending' ? (
                      <Space>
                        <Button
                          size="small"
                          loading={record.isPending && record.variables?.sampleId === s.id}
                          onClick={() => record.mutate({ sampleId: s.id, passed: true })}
                        >
                          通过
                        </Button>
                        <Button size="small" danger onClick={() => setFailing(s)}>
                          不通过…
                        </Button>
                      </Space>
                    ) : (
                      <Space direction="vertical" size={0}>
                        <Space size={4}>
                          <SampleStatusTag status={s.status} />
                          {s.reopened && <Tag color="orange">已重新打开</Tag>}
                        </Space>
                        {s.reason && <Typography.Text type="secondary">{s.reason}</Typography.Text>}
                      </Space>
                    ),
                },
              ]}
            />
          </Space>
        )}
      </QueryState>
      <FailModal
        sample={failing}
        onClose={() => setFailing(null)}
        onFail={(reason) => record.mutateAsync({ sampleId: failing!.id, passed: false, reason })}
      />
    </Drawer>
  );
}

function useRecordOutcome(id?: string) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { sampleId: string; passed: boolean; reason?: string }) =>
      must(
        api.POST('/api/spot-checks/{id}/samples/{sampleId}/outcome', {
          params: { path: { id: id!, sampleId: v.sampleId } },
          body: { passed: v.passed, reason: v.reason },
        }),
      ),
    onSuccess: (r) => {
      void message.success(r.status === 'passed' ? '已记为通过' : r.reopened ? '已记为未通过，事项已重新打开' : '已记为未通过');
      void queryClient.invalidateQueries({ queryKey: ['spot-check', id] });
      void queryClient.invalidateQueries({ queryKey: ['spot-checks'] });
      void queryClient.invalidateQueries({ queryKey: ['ranking'] });
    },
  });
}

/** A failure needs its reason: it goes with the reopened item (the result's note, the case's and problem's history). */
function FailModal({
  sample,
  onClose,
  onFail,
}: {
  sample: Sample | null;
  onClose: () => void;
  onFail: (reason: string) => Promise<unknown>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [pending, setPending] = useState(false);
  return (
    <Modal
      open={Boolean(sample)}
      title="核查不通过"
      okText="记为不通过并重新打开"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then(async ({ reason }) => {
          setPending(true);
          try {
            await onFail(reason.trim());
            form.resetFields();
            onClose();
          } finally {
            setPending(false);
          }
        })
      }
    >
      {sample && (
        <Typography.Paragraph>
          {sample.unitName}：{sample.item.title} {sample.item.personName ?? ''}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" name="spot-check-fail">
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, message: '不通过须填写原因' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CreateForm {
  kind: SpotCheckKind;
  campaignId?: string;
  stepId?: string;
  scopeUnitId: string;
  by: 'share' | 'perUnit';
  percent?: number;
  perUnit?: number;
  seed?: number;
  note?: string;
}

function CreateSpotCheckModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateForm>();
  const kind = Form.useWatch('kind', form);
  const campaignId = Form.useWatch('campaignId', form);
  const by = Form.useWatch('by', form);
  const campaigns = useQuery({
    queryKey: ['campaigns', 'for-spot-checks'],
    enabled: open,
    queryFn: () => must(api.GET('/api/campaigns', { params: { query: { page: 1, pageSize: 100 } } })),
  });
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    enabled: open && Boolean(campaignId),
    queryFn: () => must(api.GET('/api/campaigns/{id}', { params: { path: { id: campaignId! } } })),
  });
  const stepKind = kind ? STEP_KIND[kind] : null;
  const steps = (campaign.data?.steps ?? []).filter((s) => !stepKind || s.kind === stepKind);
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      must(
        api.POST('/api/spot-checks', {
          body: {
            kind: v.kind,
            campaignId: v.campaignId || undefined,
            stepId: v.stepId || undefined,
            scopeUnitId: v.scopeUnitId,
            ...(v.by === 'share' ? { share: Math.round((v.percent ?? 0) * 100) / 10000 } : { perUnit: v.perUnit }),
            seed: v.seed ?? undefined,
            note: v.note || undefined,
          },
        }),
      ),
    onSuccess: (r) => {
      void message.success(`已抽取 ${r.counts.samples} 个样本`);
      void queryClient.invalidateQueries({ queryKey: ['spot-checks'] });
      form.resetFields();
      onClose();
      onCreated(r.id);
    },
  });
  return (
    <Modal
      open={open}
      title="新建抽查"
      okText="抽取样本"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Form form={form} layout="vertical" name="spot-check" initialValues={{ by: 'perUnit', perUnit: 5, percent: 10 }}>
        <Form.Item label="抽查对象" name="kind" rules={[{ required: true, message: '必填' }]}>
          <Select options={KIND_OPTIONS} showSearch optionFilterProp="label" onChange={() => form.setFieldValue('stepId', undefined)} />
        </Form.Item>
        <Form.Item
          label={kind === 'cleared_problem' ? '专项行动（可选，不选则为范围内全部已销号问题）' : '专项行动'}
          name="campaignId"
          rules={[{ required: kind !== 'cleared_problem', message: '必填' }]}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={campaigns.isLoading}
            onChange={() => form.setFieldValue('stepId', undefined)}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label="环节（可选，不选则为该行动的全部相应环节）" name="stepId">
          <Select
            allowClear
            disabled={!campaignId}
            loading={campaign.isLoading && Boolean(campaignId)}
            options={steps.map((s) => ({ value: s.id, label: s.title }))}
          />
        </Form.Item>
        <Form.Item label="抽查范围（本人辖区内、本单位以下）" name="scopeUnitId" rules={[{ required: true, message: '必填' }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label="抽样方式" name="by">
          <Radio.Group
            options={[
              { value: 'perUnit', label: '每单位固定数量' },
              { value: 'share', label: '每单位按比例' },
            ]}
          />
        </Form.Item>
        {by === 'share' ? (
          <Form.Item label="比例（%，向上取整，每单位至少 1 个）" name="percent" rules={[{ required: true, message: '必填' }]}>
            <InputNumber min={0.01} max={100} step={5} precision={2} style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <Form.Item label="每单位数量（不足则全部）" name="perUnit" rules={[{ required: true, message: '必填' }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item label="种子（可选；同一种子抽取结果相同）" name="seed">
          <InputNumber min={0} max={4294967295} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="说明（可选）" name="note">
          <Input maxLength={2000} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={create.error} />
    </Modal>
  );
}
