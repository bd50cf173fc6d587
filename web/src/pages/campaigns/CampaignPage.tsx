import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, Modal, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, download, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { useCurrentUser } from '../../auth';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatLocalDate } from '../../lib/dates';
import { CAMPAIGN_STATUS_LABELS, STEP_STATUS_LABELS } from '../../lib/labels';
import { startRuleText } from '../../lib/step-rules';

type Campaign = ApiData<'/api/campaigns/{id}', 'get'>;
type Progress = ApiData<'/api/campaigns/{id}/progress', 'get'>;
type Step = Progress['steps'][number];
type AreaRow = Step['units'][number];

/** 专项行动详情: launch (with its progress bar), cancel, progress by area as a chart with its figures, ledgers. */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useQuery({
    queryKey: ['campaign', id],
    queryFn: () => must(api.GET('/api/campaigns/{id}', { params: { path: { id } } })),
    // While the workflow creates the tasks, follow it.
    refetchInterval: (q) => (q.state.data?.status === 'launching' ? 1_000 : false),
  });
  return <QueryState query={campaign}>{(data) => <CampaignView campaign={data} />}</QueryState>;
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const [cancelReason, setCancelReason] = useState<string | null>(null);
  const status = CAMPAIGN_STATUS_LABELS[campaign.status] ?? { text: campaign.status, color: 'default' };
  const launching = campaign.status === 'launching';
  const progress = useQuery({
    // Read again when the status changes: the last page of a launch lands as it turns running.
    queryKey: ['campaign-progress', campaign.id, unitId, campaign.status],
    queryFn: () => must(api.GET('/api/campaigns/{id}/progress', { params: { path: { id: campaign.id }, query: { unitId } } })),
    enabled: campaign.status !== 'draft',
    placeholderData: keepPreviousData,
    refetchInterval: launching ? 1_000 : 30_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['campaign', campaign.id] });
  const launch = useMutation({
    mutationFn: () => must(api.POST('/api/campaigns/{id}/launch', { params: { path: { id: campaign.id } } })),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (reason: string) =>
      must(api.POST('/api/campaigns/{id}/cancel', { params: { path: { id: campaign.id } }, body: { reason } })),
    onSuccess: () => {
      setCancelReason(null);
      void message.success('已取消');
      refresh();
    },
  });
  const expectedUnits = useQuery({
    queryKey: ['responsible-units', campaign.scopeUnitId, campaign.steps[0]?.responsibleUnitKind],
    queryFn: () =>
      must(
        api.GET('/api/units/{id}/subtree', {
          params: { path: { id: campaign.scopeUnitId }, query: { kind: campaign.steps[0].responsibleUnitKind } },
        }),
      ),
    enabled: launching && campaign.steps[0]?.kind === 're_identification',
  });
  const created = progress.data?.steps[0]?.tasks.total ?? 0;
  const expected = expectedUnits.data?.length ?? 0;
  const launchPercent =
    campaign.status === 'running' || campaign.status === 'completed'
      ? 100
      : expected
        ? Math.min(99, Math.floor((created / expected) * 100))
        : 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {campaign.name}{' '}
          <Tag color={status.color} data-testid="campaign-status">
            {status.text}
          </Tag>
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="起止">
            {formatLocalDate(campaign.startsOn)} — {formatLocalDate(campaign.endsOn)}
          </Descriptions.Item>
          {campaign.cancelReason && <Descriptions.Item label="取消原因">{campaign.cancelReason}</Descriptions.Item>}
        </Descriptions>
        {(launching || launch.isSuccess) && (
          <div style={{ maxWidth: 480 }}>
            <Typography.Text>
              {launching ? `正在创建任务：${created}${expected ? ` / ${expected}` : ''}` : '任务已全部创建'}
            </Typography.Text>
            <Progress percent={launchPercent} status={launching ? 'active' : 'success'} data-testid="launch-progress" />
          </div>
        )}
        <Space wrap style={{ marginTop: 12 }}>
          {user.role === 'admin' && campaign.status === 'draft' && (
            <Button
              type="primary"
              loading={launch.isPending}
              onClick={() =>
                void modal.confirm({
                  title: '启动专项行动？',
                  content: '启动后将为范围内每个责任单位创建任务并开始计时、提醒。',
                  okText: '启动',
                  cancelText: '取消',
                  onOk: () => launch.mutateAsync(),
                })
              }
            >
              启动
            </Button>
          )}
          {user.role === 'admin' && (campaign.status === 'running' || campaign.status === 'draft' || launching) && (
            <Button danger onClick={() => setCancelReason('')}>
              取消专项行动
            </Button>
          )}
          {(campaign.status === 'running' || campaign.status === 'completed') && user.role !== 'staff' && (
            <Link to={`/campaigns/${campaign.id}/comparisons`}>
              <Button>数据比对</Button>
            </Link>
          )}
          {campaign.status !== 'draft' && user.role !== 'staff' && (
            <Button
              onClick={() =>
                void download(`/api/campaigns/${campaign.id}/ledger.xlsx${unitId ? `?unitId=${unitId}` : ''}`, '识别台账.xlsx').catch(
                  (e: Error) => message.error(e.message),
                )
              }
            >
              下载识别台账
            </Button>
          )}
        </Space>
        {launch.error && <Typography.Paragraph type="danger">{launch.error.message}</Typography.Paragraph>}
      </Card>
      <StepsCard campaign={campaign} />
      {(campaign.gate.openProblems > 0 || campaign.steps.some((st) => st.kind === 'rectification')) && <GateCard campaign={campaign} />}
      {campaign.status !== 'draft' && (
        <QueryState query={progress}>
          {(data) => (
            <>
              {data.steps.map((step) => (
                <StepProgressCard key={step.id} step={step} onDrill={(id) => setParams({ unitId: id })} />
              ))}
            </>
          )}
        </QueryState>
      )}
      <Modal
        open={cancelReason !== null}
        title="取消专项行动"
        okText="确认取消"
        okButtonProps={{ danger: true, disabled: !cancelReason?.trim() }}
        cancelText="返回"
        confirmLoading={cancel.isPending}
        onCancel={() => setCancelReason(null)}
        onOk={() => cancel.mutate(cancelReason!.trim())}
      >
        <Typography.Paragraph>取消后，所有未完成的任务将被取消，提醒随之停止。此操作不可撤销。</Typography.Paragraph>
        <Input.TextArea
          aria-label="取消原因"
          placeholder="取消原因"
          rows={3}
          value={cancelReason ?? ''}
          onChange={(e) => setCancelReason(e.target.value)}
        />
        {cancel.error && <Typography.Text type="danger">{cancel.error.message}</Typography.Text>}
      </Modal>
    </Space>
  );
}

/** A step's task counts and, per area below the one shown, persons, results recorded and diseases found. */
function StepProgressCard({ step, onDrill }: { step: Step; onDrill: (unitId: string) => void }) {
  const [root, ...areas] = step.units;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['应识别', '已识别'], top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: areas.map((a) => a.unit.name), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', name: '人数' },
      series: [
        { name: '应识别', type: 'bar', data: areas.map((a) => a.persons) },
        { name: '已识别', type: 'bar', data: areas.map((a) => a.recorded) },
      ],
    }),
    [areas],
  );
  const rate = (a: AreaRow) => (a.persons ? Math.round((a.recorded / a.persons) * 1000) / 10 : 0);
  return (
    <Card title={step.title}>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Statistic title="任务" value={step.tasks.total} />
        <Statistic title="已通过" value={step.tasks.approved ?? 0} />
        <Statistic title="待审核" value={step.tasks.submitted ?? 0} />
        <Statistic title="逾期" value={step.tasks.overdue} valueStyle={{ color: step.tasks.overdue ? '#cf1322' : undefined }} />
        {root && <Statistic title={`${root.unit.name} 识别进度`} value={rate(root)} suffix="%" />}
      </Space>
      {areas.length > 0 && <Chart option={option} label={`${step.title}各地区识别进度柱状图`} />}
      <Table<AreaRow>
        rowKey={(a) => a.unit.id}
        size="small"
        dataSource={areas}
        pagination={{ pageSize: 20 }}
        data-testid="progress-table"
        columns={[
          {
            title: '地区',
            render: (_, a) => (
              <Button type="link" onClick={() => onDrill(a.unit.id)}>
                {a.unit.name}
              </Button>
            ),
          },
          { title: '应识别', dataIndex: 'persons' },
          { title: '已识别', dataIndex: 'recorded' },
          { title: '进度（%）', render: (_, a) => rate(a) },
          { title: '大病', render: (_, a) => a.byCategory.major ?? 0 },
          { title: '慢病', render: (_, a) => a.byCategory.chronic ?? 0 },
          { title: '重病', render: (_, a) => a.byCategory.severe ?? 0 },
        ]}
      />
    </Card>
  );
}

/** The steps in order, each with its state, start rule (启动规则), due time and its own pages. */
function StepsCard({ campaign }: { campaign: Campaign }) {
  return (
    <Card title="步骤" size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={campaign.steps}
        scroll={{ x: true }}
        columns={[
          { title: '序号', render: (_, st) => st.ordinal + 1, width: 60 },
          { title: '步骤', dataIndex: 'title' },
          {
            title: '状态',
            render: (_, st) => {
              const label = STEP_STATUS_LABELS[st.status] ?? { text: st.status, color: 'default' };
              return (
                <Tag color={label.color} data-testid={`step-status-${st.ordinal}`}>
                  {label.text}
                </Tag>
              );
            },
          },
          { title: '启动规则', render: (_, st) => startRuleText(st, campaign.steps) },
          { title: '截止', render: (_, st) => formatDateTime(st.dueAt) },
          {
            title: '',
            render: (_, st) => (
              <>
                {st.kind === 'treatment_round' && campaign.status !== 'draft' && (
                  <Link to={`/treatment-rounds/${st.id}`}>救治病例与救治率</Link>
                )}
                {st.kind === 'cross_check' && <Link to={`/cross-checks/${st.id}`}>交叉排查配对</Link>}
                {st.kind === 'rectification' && st.status !== 'pending' && <Typography.Text>问题 {st.itemCount} 个</Typography.Text>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 清零关口: the campaign closes only when every problem in its scope is cleared; who still holds it. */
function GateCard({ campaign }: { campaign: Campaign }) {
  const { gate } = campaign;
  return (
    <Card title="清零关口" size="small" data-testid="qingling-gate">
      {gate.openProblems === 0 ? (
        <Typography.Text type="success">
          {campaign.status === 'completed' ? '问题已全部销号，专项行动已清零收官' : '范围内暂无未销号问题'}
        </Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="danger">
            尚有 {gate.openProblems} 个问题未销号：全部步骤完成后，专项行动须待清零方可收官；卡在关口的单位每日向上级督办。
          </Typography.Text>
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={gate.holders}
            columns={[
              { title: '责任单位', render: (_, h) => <Link to={`/problems?unitId=${h.unitId}`}>{h.unitName}</Link> },
              { title: '未销号问题', dataIndex: 'open' },
            ]}
          />
          <Link to={`/qingling?unitId=${campaign.scopeUnitId}`}>打开清零看板</Link>
        </Space>
      )}
    </Card>
  );
}
