import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Progress, Space, Statistic, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { COMPARISON_FLAG_LABELS, COMPARISON_FLAGS, POVERTY_LIST_COLUMNS } from '../../../../src/domain/data-comparison';
import { api, download, must, upload } from '../../api/client';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CampaignSelect } from '../../components/CampaignSelect';
import { QueryState } from '../../components/QueryState';
import { UnitName } from '../../components/UnitName';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDateTime } from '../../lib/dates';
import { csvRows } from '../../lib/row-text';

type Summary = ApiData<'/api/campaigns/{id}/comparisons/{runId}', 'get'>;
type Run = ApiData<'/api/campaigns/{id}/comparisons', 'get'>[number];
type UnitRow = Summary['units'][number];

/**
 * 数据比对: the poverty office's list (身份证号, 户编号, 主要/次要致贫原因) against a campaign's records. Each
 * flagged person becomes a verification item of the unit that answers for them; the list is all or nothing.
 */
export default function ComparisonsPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  if (!id)
    return (
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          数据比对
        </Typography.Title>
        <Card>
          <Space wrap>
            <Typography.Text>选择专项行动：</Typography.Text>
            <CampaignSelect onChange={(c) => c && void navigate(`/campaigns/${c}/comparisons`)} />
          </Space>
        </Card>
      </Space>
    );
  return <CampaignComparisons campaignId={id} />;
}

function CampaignComparisons({ campaignId }: { campaignId: string }) {
  const [params, setParams] = useSearchParams();
  const runId = params.get('runId');
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: () => must(api.GET('/api/campaigns/{id}', { params: { path: { id: campaignId } } })),
  });
  const runs = useQuery({
    queryKey: ['comparisons', campaignId],
    queryFn: () => must(api.GET('/api/campaigns/{id}/comparisons', { params: { path: { id: campaignId } } })),
  });
  return (
    <QueryState query={campaign}>
      {(c) => (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Title level={3} style={{ margin: 0 }}>
            数据比对：<Link to={`/campaigns/${c.id}`}>{c.name}</Link>
          </Typography.Title>
          <UploadCard campaignId={campaignId} onDone={(run) => setParams({ runId: run })} />
          {runId && <SummaryCard campaignId={campaignId} runId={runId} />}
          <Card title="历次比对">
            <QueryState query={runs}>
              {(data) => (
                <Table<Run>
                  rowKey="id"
                  size="small"
                  dataSource={data}
                  pagination={{ pageSize: 10 }}
                  locale={{ emptyText: '尚未比对' }}
                  data-testid="comparison-runs"
                  columns={[
                    { title: '文件', dataIndex: 'fileName' },
                    { title: '比对范围', render: (_, r) => <UnitName id={r.areaUnitId} /> },
                    { title: '名单人数', dataIndex: 'listRows' },
                    { title: '标记人数', dataIndex: 'flagged' },
                    { title: '无责任单位', dataIndex: 'unassigned' },
                    { title: '核实截止', render: (_, r) => formatDateTime(r.dueAt) },
                    { title: '比对时间', render: (_, r) => formatDateTime(r.createdAt) },
                    {
                      title: '操作',
                      render: (_, r) => (
                        <Button size="small" type={r.id === runId ? 'primary' : 'default'} onClick={() => setParams({ runId: r.id })}>
                          查看结果
                        </Button>
                      ),
                    },
                  ]}
                />
              )}
            </QueryState>
          </Card>
        </Space>
      )}
    </QueryState>
  );
}

interface UploadForm {
  dueAt: string;
  areaUnitId?: string;
}

function UploadCard({ campaignId, onDone }: { campaignId: string; onDone: (runId: string) => void }) {
  const [form] = Form.useForm<UploadForm>();
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<{ error: unknown; rows?: Map<number, string[]> } | null>(null);

  async function send(file: File) {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setRefusal(null);
    setPercent(0);
    try {
      const fields: Record<string, string | Blob> = { file, dueAt: v.dueAt };
      if (v.areaUnitId) fields.areaUnitId = v.areaUnitId;
      const summary = await upload<Summary>('/api/campaigns/{id}/comparisons', fields, setPercent, { id: campaignId });
      void queryClient.invalidateQueries({ queryKey: ['comparisons', campaignId] });
      queryClient.setQueryData(['comparison', campaignId, summary.run.id], summary);
      onDone(summary.run.id);
    } catch (error) {
      // A CSV's own cells go beside its row errors; an XLSX's rows are named only.
      setRefusal({ error, rows: file.name.toLowerCase().endsWith('.csv') ? csvRows(await file.text()) : undefined });
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Card title="上传扶贫部门名单">
      <Typography.Paragraph type="secondary">
        CSV 或 XLSX，列：{Object.values(POVERTY_LIST_COLUMNS).join('、')}
        。任何一行有误则整份名单不比对；标记出的人员按责任单位生成核实任务。
      </Typography.Paragraph>
      <Form form={form} name="comparison" layout="inline" style={{ rowGap: 12 }}>
        <Form.Item
          label="核实截止日期"
          name="dueAt"
          rules={[
            { required: true, message: '必填' },
            { pattern: /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$/, message: '如 2027-04-10' },
          ]}
        >
          <Input placeholder="2027-04-10" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="比对范围（可选）" name="areaUnitId" style={{ minWidth: 280 }}>
          <UnitPicker />
        </Form.Item>
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx"
          hidden
          aria-label="选择扶贫部门名单文件"
          data-testid="comparison-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file);
          }}
        />
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={percent !== null}
          onClick={() => void form.validateFields().then(() => input.current?.click())}
        >
          上传名单并比对
        </Button>
      </Form>
      {percent !== null && <Progress percent={percent} status="active" style={{ maxWidth: 480, marginTop: 12 }} />}
      {refusal && (
        <div style={{ marginTop: 12 }}>
          <ApiErrorAlert error={refusal.error} rows={refusal.rows} />
        </div>
      )}
    </Card>
  );
}

function SummaryCard({ campaignId, runId }: { campaignId: string; runId: string }) {
  const { message } = App.useApp();
  // The flagged persons of one's scope with what verification found, for the poverty office (ID numbers masked).
  const exportFlags = () =>
    void download(`/api/campaigns/${campaignId}/comparisons/${runId}/flags.xlsx`, '数据比对标记名单.xlsx').catch((e: Error) =>
      message.error(e.message),
    );
  const summary = useQuery({
    queryKey: ['comparison', campaignId, runId],
    queryFn: () => must(api.GET('/api/campaigns/{id}/comparisons/{runId}', { params: { path: { id: campaignId, runId } } })),
  });
  return (
    <QueryState query={summary}>
      {(s) => (
        <Card
          title={`比对结果：${s.run.fileName}`}
          data-testid="comparison-summary"
          extra={
            <Button icon={<DownloadOutlined />} onClick={exportFlags} disabled={s.run.flagged === 0}>
              下载标记名单
            </Button>
          }
        >
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title="名单人数" value={s.run.listRows} />
            <Statistic title="标记人数" value={s.run.flagged} />
            {COMPARISON_FLAGS.map((k) => (
              <Statistic key={k} title={COMPARISON_FLAG_LABELS[k]} value={s.byKind[k]} />
            ))}
            <Statistic title="无责任单位" value={s.run.unassigned} />
          </Space>
          {s.units.length === 0 ? (
            <Empty description="您管辖范围内没有被标记的人员" />
          ) : (
            <Table<UnitRow>
              rowKey={(u) => u.unit.id}
              size="small"
              dataSource={s.units}
              pagination={{ pageSize: 20 }}
              data-testid="comparison-units"
              columns={[
                { title: '单位', render: (_, u) => u.unit.name },
                { title: '合计', dataIndex: 'flags' },
                ...COMPARISON_FLAGS.map((k) => ({
                  title: COMPARISON_FLAG_LABELS[k],
                  render: (_: unknown, u: UnitRow) => u.byKind[k] ?? 0,
                })),
                { title: '核实任务', render: (_, u) => (u.taskId ? <Link to={`/tasks/${u.taskId}`}>查看任务</Link> : '—') },
              ]}
            />
          )}
        </Card>
      )}
    </QueryState>
  );
}
