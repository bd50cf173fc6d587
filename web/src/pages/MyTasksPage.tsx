import { useQuery } from '@tanstack/react-query';
import { Card, Grid, List, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, must } from '../api/client';
import type { ApiItem } from '../api/types';
import { DueCell } from '../components/DueCell';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../lib/dates';
import { TASK_STATUS_LABELS } from '../lib/labels';
import { useSearchState } from '../lib/use-search-state';

type Task = ApiItem<'/api/tasks/mine', 'get'>;
const FINISHED = ['approved', 'cancelled'];

/** 我的任务: the tasks of my unit (or assigned to me), due first; overdue in red with working days counted. */
export function MyTasksPage() {
  const phone = !Grid.useBreakpoint().md;
  const { values, page, pageSize, set } = useSearchState(['status', 'overdue'] as const);
  const tasks = useQuery({
    queryKey: ['tasks', 'mine', values, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/tasks/mine', {
          params: {
            query: {
              page,
              pageSize,
              status: values.status as Task['status'] | undefined,
              overdue: values.overdue === 'true' ? 'true' : undefined,
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const status = (task: Task) => {
    const label = TASK_STATUS_LABELS[task.status] ?? { text: task.status, color: 'default' };
    return <Tag color={label.color}>{label.text}</Tag>;
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        我的任务
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={values.status}
          onChange={(status?: string) => set({ status })}
          options={Object.entries(TASK_STATUS_LABELS).map(([value, { text }]) => ({ value, label: text }))}
        />
        <Space>
          <Switch checked={values.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} aria-label="只看逾期" />
          只看逾期
        </Space>
      </Space>
      <QueryState query={tasks}>
        {(data) =>
          phone ? (
            <List
              dataSource={data.items}
              locale={{ emptyText: '暂无任务' }}
              pagination={{ current: page, pageSize, total: data.total, onChange: (p) => set({ page: p }), size: 'small' }}
              renderItem={(task) => (
                <Card size="small" style={{ marginBottom: 8 }} data-testid="task-card">
                  <Link to={`/tasks/${task.id}`}>
                    <Typography.Text strong>{task.title}</Typography.Text>
                  </Link>
                  <div style={{ marginTop: 4 }}>
                    {status(task)}
                    {task.escalationLevel > 0 && <Tag color="red">已升级至第 {task.escalationLevel} 级</Tag>}
                  </div>
                  <div style={{ marginTop: 4 }}>
                    <DueCell dueAt={task.dueAt} finished={FINISHED.includes(task.status)} />
                  </div>
                  {task.nextReminderAt && (
                    <Typography.Text type="secondary">下次提醒 {formatDateTime(task.nextReminderAt)}</Typography.Text>
                  )}
                  {task.nextEscalationAt && (
                    <div>
                      <Typography.Text type="secondary">
                        {formatDateTime(task.nextEscalationAt)} 升级至第 {task.nextEscalationLevel} 级
                      </Typography.Text>
                    </div>
                  )}
                </Card>
              )}
            />
          ) : (
            <Table<Task>
              rowKey="id"
              dataSource={data.items}
              locale={{ emptyText: '暂无任务' }}
              pagination={{
                current: page,
                pageSize,
                total: data.total,
                showSizeChanger: true,
                onChange: (p, s) => set({ page: p, pageSize: s }),
              }}
              rowClassName={(task) => (new Date(task.dueAt) < new Date() && !FINISHED.includes(task.status) ? 'row-overdue' : '')}
              columns={[
                { title: '任务', dataIndex: 'title', render: (title: string, task) => <Link to={`/tasks/${task.id}`}>{title}</Link> },
                { title: '状态', dataIndex: 'status', width: 140, render: (_, task) => status(task) },
                {
                  title: '截止时间（工作日）',
                  dataIndex: 'dueAt',
                  width: 300,
                  render: (_, task) => <DueCell dueAt={task.dueAt} finished={FINISHED.includes(task.status)} />,
                },
                {
                  title: '下次提醒',
                  width: 170,
                  render: (_, task) => (task.nextReminderAt ? formatDateTime(task.nextReminderAt) : '—'),
                },
                {
                  title: '升级',
                  width: 220,
                  render: (_, task) => <EscalationCell task={task} />,
                },
              ]}
            />
          )
        }
      </QueryState>
    </Space>
  );
}

/** The level reached so far, and when the next one falls due. */
function EscalationCell({ task }: { task: Task }) {
  return (
    <span>
      {task.escalationLevel > 0 ? <Tag color="red">已至第 {task.escalationLevel} 级</Tag> : null}
      {task.nextEscalationAt ? (
        <Typography.Text type="secondary">
          {formatDateTime(task.nextEscalationAt)} 升第 {task.nextEscalationLevel} 级
        </Typography.Text>
      ) : task.escalationLevel > 0 ? null : (
        '—'
      )}
    </span>
  );
}
