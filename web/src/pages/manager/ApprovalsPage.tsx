import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import type { ApiItem } from '../../api/types';
import { DueCell } from '../../components/DueCell';
import { QueryState } from '../../components/QueryState';
import { UnitTree } from '../../components/UnitTree';
import { TASK_STATUS_LABELS } from '../../lib/labels';
import { useSearchState } from '../../lib/use-search-state';
import { BulkActions } from './BulkActions';

type Task = ApiItem<'/api/units/{unitId}/tasks', 'get'>;

/** 待审核 / 单位任务: a unit's tasks (submitted ones first by default), to review one by one or act on in bulk. */
export default function ApprovalsPage() {
  const { values, page, pageSize, set } = useSearchState(['unitId', 'status'] as const);
  const status = values.status ?? 'submitted';
  const tasks = useQuery({
    queryKey: ['unit-tasks', values, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/units/{unitId}/tasks', {
          params: {
            path: { unitId: values.unitId! },
            query: { page, pageSize, status: status === 'all' ? undefined : (status as Task['status']) },
          },
        }),
      ),
    enabled: Boolean(values.unitId),
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
            单位任务与审核
          </Typography.Title>
          <Select
            aria-label="按状态筛选"
            value={status}
            onChange={(s: string) => set({ status: s })}
            style={{ width: 180 }}
            options={[
              { value: 'all', label: '全部状态' },
              ...Object.entries(TASK_STATUS_LABELS).map(([value, { text }]) => ({ value, label: text })),
            ]}
          />
          {!values.unitId ? (
            <Empty description="请在左侧选择单位" />
          ) : (
            <QueryState query={tasks}>
              {(data) => (
                <BulkActions>
                  {(selection) => (
                    <Table<Task>
                      rowKey="id"
                      dataSource={data.items}
                      rowSelection={selection}
                      locale={{ emptyText: '没有符合条件的任务' }}
                      pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
                      columns={[
                        { title: '任务', render: (_, t) => <Link to={`/tasks/${t.id}`}>{t.title}</Link> },
                        {
                          title: '状态',
                          width: 130,
                          render: (_, t) => (
                            <Tag color={TASK_STATUS_LABELS[t.status]?.color}>{TASK_STATUS_LABELS[t.status]?.text ?? t.status}</Tag>
                          ),
                        },
                        {
                          title: '截止',
                          width: 300,
                          render: (_, t) => <DueCell dueAt={t.dueAt} finished={t.status === 'approved' || t.status === 'cancelled'} />,
                        },
                      ]}
                    />
                  )}
                </BulkActions>
              )}
            </QueryState>
          )}
        </Space>
      </Col>
    </Row>
  );
}
