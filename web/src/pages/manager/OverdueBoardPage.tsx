import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import type { ApiItem } from '../../api/types';
import { CampaignSelect } from '../../components/CampaignSelect';
import { QueryState } from '../../components/QueryState';
import { UnitTree } from '../../components/UnitTree';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useSearchState } from '../../lib/use-search-state';

type OverdueUnit = ApiItem<'/api/oversight/overdue', 'get'>;
const SORTS = [
  { value: 'days', label: '逾期最久' },
  { value: 'count', label: '逾期最多' },
  { value: 'level', label: '升级级别最高' },
  { value: 'nextEscalation', label: '即将升级' },
];

/** 逾期督办: units of my subtree with overdue tasks, how many, how long and how far escalated. */
export default function OverdueBoardPage() {
  const { values, page, pageSize, set } = useSearchState(['unitId', 'campaignId', 'sort'] as const);
  const board = useQuery({
    queryKey: ['overdue', values, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/oversight/overdue', {
          params: {
            query: {
              page,
              pageSize,
              unitId: values.unitId,
              campaignId: values.campaignId,
              sort: (values.sort ?? 'days') as 'days' | 'count' | 'level' | 'nextEscalation',
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={6}>
        <Card title="单位" size="small">
          <UnitTree selected={values.unitId} onSelect={(unitId) => set({ unitId })} />
        </Card>
      </Col>
      <Col xs={24} lg={18}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            逾期督办
          </Typography.Title>
          <Space wrap>
            <CampaignSelect value={values.campaignId} onChange={(campaignId) => set({ campaignId })} />
            <Select
              aria-label="排序"
              value={values.sort ?? 'days'}
              onChange={(sort: string) => set({ sort })}
              options={SORTS}
              style={{ width: 160 }}
            />
          </Space>
          <QueryState query={board}>
            {(data) => (
              <Table<OverdueUnit>
                rowKey={(r) => r.unit.id}
                dataSource={data.items}
                locale={{ emptyText: '没有逾期任务' }}
                pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
                data-testid="overdue-board"
                expandable={{
                  expandedRowRender: (r) => (
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={r.tasks}
                      columns={[
                        { title: '任务', render: (_, t) => <Link to={`/tasks/${t.id}`}>{t.title}</Link> },
                        { title: '截止', render: (_, t) => formatDate(t.dueAt) },
                        { title: '逾期天数', dataIndex: 'daysOverdue' },
                        { title: '级别', dataIndex: 'escalationLevel' },
                        {
                          title: '下次升级',
                          render: (_, t) =>
                            t.nextEscalationAt ? `${formatDateTime(t.nextEscalationAt)}（第 ${t.nextEscalationLevel} 级）` : '—',
                        },
                      ]}
                    />
                  ),
                }}
                columns={[
                  { title: '单位', render: (_, r) => <span data-testid="overdue-unit">{r.unit.name}</span> },
                  { title: '逾期任务', dataIndex: 'overdueCount', width: 100 },
                  {
                    title: '最长逾期（天）',
                    dataIndex: 'maxDaysOverdue',
                    width: 130,
                    render: (d: number) => <Typography.Text type="danger">{d}</Typography.Text>,
                  },
                  {
                    title: '最高级别',
                    dataIndex: 'maxEscalationLevel',
                    width: 100,
                    render: (l: number) => (l > 0 ? <Tag color="red">第 {l} 级</Tag> : '—'),
                  },
                  { title: '下次升级', width: 200, render: (_, r) => (r.nextEscalationAt ? formatDateTime(r.nextEscalationAt) : '—') },
                ]}
              />
            )}
          </QueryState>
        </Space>
      </Col>
    </Row>
  );
}
