import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Space, Switch, Typography } from 'antd';
import { Link } from 'react-router';
import { api, must } from '../api/client';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../lib/dates';
import { useSearchState } from '../lib/use-search-state';

/** 消息: the in-app inbox, newest first; opening a message marks it read and leads to its task. */
export default function InboxPage() {
  const queryClient = useQueryClient();
  const { values, page, pageSize, set } = useSearchState(['unreadOnly'] as const);
  const inbox = useQuery({
    queryKey: ['inbox', values, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/notifications', {
          params: { query: { page, pageSize, unreadOnly: values.unreadOnly === 'true' ? true : undefined } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    void queryClient.invalidateQueries({ queryKey: ['unread-count'] });
  };
  const markRead = useMutation({
    mutationFn: (id: string) => must(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: changed,
  });
  const markAll = useMutation({ mutationFn: () => must(api.POST('/api/notifications/read-all')), onSuccess: changed });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        消息
      </Typography.Title>
      <Space wrap>
        <Space>
          <Switch
            checked={values.unreadOnly === 'true'}
            onChange={(on) => set({ unreadOnly: on ? 'true' : undefined })}
            aria-label="只看未读"
          />
          只看未读
        </Space>
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
          全部标为已读
        </Button>
      </Space>
      <QueryState query={inbox}>
        {(data) => (
          <List
            dataSource={data.items}
            locale={{ emptyText: '暂无消息' }}
            pagination={{ current: page, pageSize, total: data.total, onChange: (p) => set({ page: p }) }}
            renderItem={(n) => {
              const taskId = (n.data as { taskId?: string } | null)?.taskId;
              return (
                <List.Item
                  data-testid="notification"
                  actions={[
                    !n.readAt && (
                      <Button key="read" size="small" type="link" onClick={() => markRead.mutate(n.id)}>
                        标为已读
                      </Button>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        {!n.readAt && <Badge status="processing" aria-label="未读" />}
                        {taskId ? (
                          <Link to={`/tasks/${taskId}`} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                            {n.title}
                          </Link>
                        ) : (
                          n.title
                        )}
                      </Space>
                    }
                    description={
                      <>
                        <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                        <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </QueryState>
    </Space>
  );
}
