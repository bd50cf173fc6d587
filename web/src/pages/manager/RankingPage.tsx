import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { api, must } from '../../api/client';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { useSearchState } from '../../lib/use-search-state';

/**
 * 逾期率通报: units ranked by the share of their due tasks finished late or still open; failed spot checks (抽查)
 * count against the unit as overdue tasks do (the order is 通报率 = (逾期 + 抽查未通过) ÷ (已到期 + 已抽查)).
 */
export default function RankingPage() {
  const { page, pageSize, set } = useSearchState([] as const);
  const ranking = useQuery({
    queryKey: ['ranking', page, pageSize],
    queryFn: () => must(api.GET('/api/oversight/overdue-ranking', { params: { query: { page, pageSize } } })),
    placeholderData: (previous) => previous,
  });
  const option = useMemo(() => {
    const rows = ranking.data?.items ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.unit.name), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', name: '%' },
      legend: { top: 0 },
      series: [
        { type: 'bar', name: '逾期率', data: rows.map((r) => r.overdueRate), itemStyle: { color: '#cf1322' } },
        { type: 'bar', name: '通报率（含抽查）', data: rows.map((r) => r.rankingRate), itemStyle: { color: '#d48806' } },
      ],
    };
  }, [ranking.data]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        逾期率通报
      </Typography.Title>
      <QueryState query={ranking}>
        {(data) => (
          <>
            <Card size="small">
              <Chart option={option} label="各单位逾期率柱状图" />
            </Card>
            <Table
              rowKey={(r) => r.unit.id}
              dataSource={data.items}
              locale={{ emptyText: '暂无到期任务' }}
              pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
              columns={[
                { title: '排名', render: (_, __, i) => (page - 1) * pageSize + i + 1, width: 70 },
                { title: '单位', render: (_, r) => r.unit.name },
                { title: '已到期任务', dataIndex: 'dueSoFar' },
                { title: '逾期', dataIndex: 'overdue' },
                { title: '逾期率（%）', dataIndex: 'overdueRate' },
                { title: '已抽查', dataIndex: 'spotChecked' },
                { title: '抽查未通过', dataIndex: 'failedSpotChecks' },
                { title: '通报率（%）', dataIndex: 'rankingRate' },
              ]}
            />
          </>
        )}
      </QueryState>
    </Space>
  );
}
