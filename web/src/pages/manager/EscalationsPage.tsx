import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { useSearchState } from '../../lib/use-search-state';

/** 升级提醒: escalations that reached me, to acknowledge (签收) once acted on. */
export default function EscalationsPage() {
  const queryClient = useQueryClient();
  const { values, page, pageSize, set } = useSearchState(['all'] as const);
  const escalations = useQuery({
    queryKey: ['escalations', values, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/escalations/mine', {
          params: { query: { page, pageSize, unacknowledgedOnly: values.all === 'true' ? undefined : 'true' } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const acknowledge = useMutation({
    mutationFn: (id: string) => must(api.POST('/api/escalations/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['escalations'] }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        升级提醒
      </Typography.Title>
      <Space>
        <Switch checked={values.all === 'true'} onChange={(on) => set({ all: on ? 'true' : undefined })} aria-label="包括已签收" />
        包括已签收
      </Space>
      <QueryState query={escalations}>
        {(data) => (
          <Table
            rowKey="id"
            dataSource={data.items}
            locale={{ emptyText: '没有待签收的升级提醒' }}
            pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
            columns={[
              { title: '任务', render: (_, e) => <Link to={`/tasks/${e.taskId}`}>查看任务</Link> },
              { title: '级别', dataIndex: 'level', render: (l: number) => <Tag color="red">第 {l} 级</Tag> },
              { title: '升级时间', render: (_, e) => formatDateTime(e.createdAt) },
              {
                title: '签收',
                render: (_, e) =>
                  e.acknowledgedAt ? (
                    formatDateTime(e.acknowledgedAt)
                  ) : (
                    <Button size="small" type="primary" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(e.id)}>
                      签收
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
