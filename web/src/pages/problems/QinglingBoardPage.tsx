import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { api, download, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { CampaignSelect } from '../../components/CampaignSelect';
import { Chart, type ChartOption } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { UnitTree } from '../../components/UnitTree';
import { useSearchState } from '../../lib/use-search-state';

type Board = ApiData<'/api/problems/board', 'get'>;

const AGE_LABELS: Record<string, string> = { '0-7': '7 天内', '8-30': '8–30 天', '31-90': '31–90 天', '90+': '90 天以上' };

/**
 * 清零看板: the open problems of an area (unit tree) and campaign, by unit (overdue first), source, category
 * and age, with the daily burn-down as a line and its figures beside it; the ledger as XLSX.
 */
export default function QinglingBoardPage() {
  const { values, set } = useSearchState(['unitId', 'campaignId', 'days'] as const);
  const days = Number(values.days ?? '30') || 30;
  const board = useQuery({
    queryKey: ['problem-board', values.unitId, values.campaignId, days],
    queryFn: () =>
      must(api.GET('/api/problems/board', { params: { query: { unitId: values.unitId, campaignId: values.campaignId, days } } })),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={6}>
        <Card title="区域" size="small">
          <UnitTree selected={values.unitId} onSelect={(unitId) => set({ unitId })} />
        </Card>
      </Col>
      <Col xs={24} lg={18}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              清零看板
            </Typography.Title>
            <CampaignSelect value={values.campaignId} onChange={(campaignId) => set({ campaignId })} />
            <Select
              aria-label="燃尽天数"
              value={days}
              style={{ width: 120 }}
              onChange={(d: number) => set({ days: d })}
              options={[7, 30, 90].map((d) => ({ value: d, label: `近 ${d} 天` }))}
            />
            <Link to={`/problems${values.unitId ? `?unitId=${values.unitId}` : ''}`}>问题清单</Link>
          </Space>
          <QueryState query={board}>{(b) => <BoardView board={b} unitId={values.unitId} />}</QueryState>
        </Space>
      </Col>
    </Row>
  );
}

function BoardView({ board, unitId }: { board: Board; unitId?: string }) {
  const { message } = App.useApp();
  const burnDown = useMemo(() => board.burnDown ?? [], [board]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: burnDown.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '未销号问题', type: 'line', data: burnDown.map((d) => d.open), areaStyle: {} }],
    }),
    [burnDown],
  );
  const ledger = (status?: 'open') =>
    void download(
      `/api/problems/ledger.xlsx?${new URLSearchParams({ ...(unitId ? { unitId } : {}), ...(status ? { status } : {}) })}`,
      `问题清单-${board.root.name}.xlsx`,
    ).catch((e: Error) => message.error(e.message));
  const counts = (label: string) => [
    { title: label, dataIndex: 'label' },
    { title: '未销号', dataIndex: 'open', width: 80 },
    { title: '逾期', dataIndex: 'overdue', width: 80, render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space size="large" wrap>
          <Statistic
            title={`${board.root.name} 未销号问题`}
            value={board.open}
            valueStyle={{ color: board.open ? '#cf1322' : '#3f8600' }}
          />
          <Statistic title="其中逾期" value={board.overdue} />
          <Statistic title="截至" value={board.asOf} />
          <Button icon={<DownloadOutlined />} onClick={() => ledger()}>
            下载整改台账（含已销号）
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => ledger('open')}>
            下载未销号问题清单
          </Button>
        </Space>
      </Card>
      <Card title="每日未销号问题（燃尽）" size="small">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Chart option={option} label="每日未销号问题折线图" height={260} />
          </Col>
          <Col xs={24} md={8}>
            <Table
              size="small"
              rowKey="day"
              data-testid="burn-down-table"
              pagination={false}
              scroll={{ y: 220 }}
              dataSource={[...burnDown].reverse()}
              columns={[
                { title: '日期', dataIndex: 'day' },
                { title: '未销号', dataIndex: 'open', width: 80 },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <Card title="各单位（逾期优先）" size="small">
        <Table
          size="small"
          rowKey="unitId"
          data-testid="board-units"
          dataSource={board.byUnit}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '没有未销号的问题：已清零' }}
          columns={[
            { title: '单位', dataIndex: 'unitName', render: (name: string, r) => <Link to={`/problems?unitId=${r.unitId}`}>{name}</Link> },
            { title: '未销号', dataIndex: 'open', width: 90 },
            { title: '逾期', dataIndex: 'overdue', width: 90, render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
            { title: '最久（天）', dataIndex: 'oldestDays', width: 100 },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card title="按来源" size="small">
            <Table size="small" rowKey="source" pagination={false} dataSource={board.bySource} columns={counts('来源')} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title="按类别" size="small">
            <Table size="small" rowKey="category" pagination={false} dataSource={board.byCategory} columns={counts('类别')} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title="按问题存续时间" size="small">
            <Table
              size="small"
              rowKey="bucket"
              pagination={false}
              dataSource={board.byAge.map((a) => ({ ...a, label: AGE_LABELS[a.bucket] ?? a.bucket }))}
              columns={counts('存续')}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
