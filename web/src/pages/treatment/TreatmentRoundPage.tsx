import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Grid, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  HANDLING_CATEGORIES,
  HANDLING_CATEGORY_LABELS,
  type HandlingCategory,
} from '../../../../src/domain/treatment-round';
import { api, download, must } from '../../api/client';
import type { ApiItem, ApiQuery } from '../../api/types';
import { useCurrentUser } from '../../auth';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatLocalDate } from '../../lib/dates';
import { useSearchState } from '../../lib/use-search-state';
import { CASE_STATUS_COLORS, CasePanel } from './CasePanel';

type CaseRow = ApiItem<'/api/treatment-rounds/{stepId}/cases', 'get'>;
type RateBy = NonNullable<ApiQuery<'/api/treatment-rounds/{stepId}/rates', 'get'>['by']>;
const BY_LABELS: Record<RateBy, string> = { county: '按县区', unit: '按下级地区', handling: '按三个一批', disease: '按病种' };

/** 大病集中救治: a round's cases (each opened beside the list) and its treatment rates (救治率). */
export default function TreatmentRoundPage() {
  const { stepId = '' } = useParams();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'cases';
  return (
    <Card title="大病集中救治">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'cases', label: '救治病例', children: <CasesTab stepId={stepId} /> },
          ...(user.role !== 'staff' ? [{ key: 'rates', label: '救治率', children: <RatesTab stepId={stepId} /> }] : []),
        ]}
      />
    </Card>
  );
}

function CasesTab({ stepId }: { stepId: string }) {
  const phone = !Grid.useBreakpoint().md;
  const { values, page, pageSize, set } = useSearchState(['status', 'handling', 'caseId'] as const);
  const cases = useQuery({
    queryKey: ['treatment-cases', stepId, values.status, values.handling, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/treatment-rounds/{stepId}/cases', {
          params: {
            path: { stepId },
            query: {
              page,
              pageSize,
              status: values.status as CaseRow['status'] | undefined,
              handling: values.handling as HandlingCategory | undefined,
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          value={values.status}
          onChange={(status?: string) => set({ status })}
          style={{ width: 140 }}
          options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
        />
        <Select
          aria-label="按三个一批筛选"
          allowClear
          placeholder="三个一批"
          value={values.handling}
          onChange={(handling?: string) => set({ handling })}
          style={{ width: 200 }}
          options={HANDLING_CATEGORIES.map((h) => ({ value: h, label: HANDLING_CATEGORY_LABELS[h] }))}
        />
      </Space>
      <QueryState query={cases}>
        {(data) => (
          <Table<CaseRow>
            rowKey="id"
            size="small"
            dataSource={data.items}
            scroll={{ x: phone ? 520 : undefined }}
            locale={{ emptyText: '没有符合条件的病例' }}
            pagination={{
              current: page,
              pageSize,
              total: data.total,
              onChange: (p, s) => set({ page: p, pageSize: s }),
              showTotal: (t) => `共 ${t} 例`,
            }}
            onRow={(c) => ({ onClick: () => set({ caseId: c.id, page }), style: { cursor: 'pointer' } })}
            columns={[
              { title: '患者', render: (_, c) => <Typography.Link data-testid="case-row">{c.personName}</Typography.Link> },
              { title: '身份证号', dataIndex: 'idNumberMasked', responsive: ['md'] },
              { title: '病种', render: (_, c) => c.diseaseName },
              { title: '村', dataIndex: 'villageName', responsive: ['lg'] },
              { title: '定点医院', dataIndex: 'hospitalName', responsive: ['lg'] },
              { title: '状态', render: (_, c) => <Tag color={CASE_STATUS_COLORS[c.status]}>{CASE_STATUS_LABELS[c.status]}</Tag> },
              { title: '本阶段截止', render: (_, c) => (c.stageDueAt ? formatDateTime(c.stageDueAt) : '—'), responsive: ['md'] },
            ]}
          />
        )}
      </QueryState>
      <Drawer
        open={Boolean(values.caseId)}
        width={phone ? '100%' : 640}
        title="救治病例"
        onClose={() => set({ caseId: undefined, page })}
        destroyOnHidden
      >
        {values.caseId && <CasePanel caseId={values.caseId} />}
      </Drawer>
    </Space>
  );
}

function RatesTab({ stepId }: { stepId: string }) {
  const { message } = App.useApp();
  const { values, set } = useSearchState(['by', 'asOf'] as const);
  const by = (values.by ?? 'county') as RateBy;
  const query = { by, asOf: values.asOf };
  const table = useQuery({
    queryKey: ['treatment-rates', stepId, query],
    queryFn: () => must(api.GET('/api/treatment-rounds/{stepId}/rates', { params: { path: { stepId }, query } })),
  });
  const series = useQuery({
    queryKey: ['treatment-rates-series', stepId],
    queryFn: () => must(api.GET('/api/treatment-rounds/{stepId}/rates/series', { params: { path: { stepId }, query: { every: 'week' } } })),
  });
  const option = useMemo(() => {
    const points = series.data?.points ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['救治率', '目标'], top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => formatLocalDate(p.date)) },
      yAxis: { type: 'value', name: '%', max: 100 },
      series: [
        { name: '救治率', type: 'line', data: points.map((p) => p.total.rate) },
        { name: '目标', type: 'line', data: points.map(() => series.data?.targetRate), lineStyle: { type: 'dashed' }, symbol: 'none' },
      ],
    };
  }, [series.data]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="统计口径"
          value={by}
          onChange={(b: string) => set({ by: b })}
          style={{ width: 160 }}
          options={Object.entries(BY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input
          aria-label="截至日期"
          placeholder="截至日期，如 2027-05-31"
          defaultValue={values.asOf}
          onBlur={(e) => set({ asOf: e.target.value.trim() || undefined })}
          style={{ width: 200 }}
        />
        <Button
          onClick={() =>
            void download(
              `/api/treatment-rounds/${stepId}/rates.xlsx?by=${by}${values.asOf ? `&asOf=${values.asOf}` : ''}`,
              '救治率.xlsx',
            ).catch((e: Error) => message.error(e.message))
          }
        >
          下载救治率表
        </Button>
      </Space>
      <QueryState query={table}>
        {(data) => (
          <>
            <Typography.Text>
              截至 {formatLocalDate(data.asOf)}，{data.unit.name}：应救治 {data.total.needing} 人，已救治 {data.total.treated} 人，救治率{' '}
              {data.total.rate ?? '—'}%（目标 {data.targetRate}%）
            </Typography.Text>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={data.rows}
              data-testid="rates-table"
              columns={[
                { title: '单位/类别', dataIndex: 'label' },
                { title: '应救治', dataIndex: 'needing' },
                { title: '已救治', dataIndex: 'treated' },
                { title: '救治率（%）', render: (_, r) => (r.rate === null ? '—' : r.rate) },
                { title: '进度', render: (_, r) => (r.behindPace ? <Tag color="red">落后于进度</Tag> : <Tag color="green">正常</Tag>) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{data.total.needing}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{data.total.treated}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{data.total.rate ?? '—'}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} />
                </Table.Summary.Row>
              )}
            />
          </>
        )}
      </QueryState>
      {series.data && <Chart option={option} label="救治率随时间变化折线图" />}
    </Space>
  );
}
