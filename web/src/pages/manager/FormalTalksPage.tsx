import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import type { ApiItem } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { ACCOUNTABILITY_STATUS } from '../../lib/labels';
import { useSearchState } from '../../lib/use-search-state';

type Talk = ApiItem<'/api/formal-talks', 'get'>;
const STATUS: Record<string, { text: string; color: string }> = {
  pending: { text: '待安排', color: 'red' },
  scheduled: { text: '已安排', color: 'gold' },
  held: { text: '已约谈', color: 'green' },
};
interface TalkForm {
  scheduledAt?: string;
  heldAt?: string;
  outcome?: string;
}

/** 约谈: formal talks the escalation ladder opened at its top level, to schedule and then record. */
export default function FormalTalksPage() {
  const { page, pageSize, set } = useSearchState([] as const);
  const [editing, setEditing] = useState<Talk | null>(null);
  const talks = useQuery({
    queryKey: ['formal-talks', page, pageSize],
    queryFn: () => must(api.GET('/api/formal-talks', { params: { query: { page, pageSize } } })),
    placeholderData: (previous) => previous,
  });
  // The accountability records (问责) these talks opened: one request for the page's talks.
  const talkIds = talks.data?.items.map((t) => t.id) ?? [];
  const records = useQuery({
    queryKey: ['accountability', 'of-talks', talkIds],
    queryFn: () =>
      must(api.GET('/api/accountability', { params: { query: { formalTalkId: talkIds, pageSize: Math.max(talkIds.length, 1) } } })),
    enabled: talkIds.length > 0,
  });
  const recordOf = new Map(records.data?.items.map((r) => [r.formalTalkId, r]));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        约谈
      </Typography.Title>
      <QueryState query={talks}>
        {(data) => (
          <Table<Talk>
            rowKey="id"
            dataSource={data.items}
            locale={{ emptyText: '暂无约谈' }}
            pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
            columns={[
              { title: '任务', render: (_, t) => <Link to={`/tasks/${t.taskId}`}>查看任务</Link> },
              { title: '状态', render: (_, t) => <Tag color={STATUS[t.status]?.color}>{STATUS[t.status]?.text ?? t.status}</Tag> },
              { title: '安排时间', render: (_, t) => (t.scheduledAt ? formatDateTime(t.scheduledAt) : '—') },
              { title: '约谈时间', render: (_, t) => (t.heldAt ? formatDateTime(t.heldAt) : '—') },
              { title: '结果', dataIndex: 'outcome', render: (o: string | null) => o ?? '—' },
              {
                title: '问责',
                render: (_, t) => {
                  const record = recordOf.get(t.id);
                  if (!record) return '—';
                  const status = ACCOUNTABILITY_STATUS[record.status];
                  return (
                    <Link to={`/accountability?formalTalkId=${t.id}`}>
                      <Tag color={status.color}>{status.text}</Tag>
                    </Link>
                  );
                },
              },
              {
                title: '操作',
                render: (_, t) =>
                  t.status !== 'held' && (
                    <Button size="small" onClick={() => setEditing(t)}>
                      {t.status === 'pending' ? '安排' : '记录'}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && <TalkDialog talk={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function TalkDialog({ talk, onClose }: { talk: Talk; onClose: () => void }) {
  const [form] = Form.useForm<TalkForm>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: TalkForm) => must(api.PATCH('/api/formal-talks/{id}', { params: { path: { id: talk.id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['formal-talks'] });
      onClose();
    },
  });
  const date = { pattern: /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$/, message: '如 2027-04-10 或 2027-04-10T09:00' };
  return (
    <Modal
      open
      title={talk.status === 'pending' ? '安排约谈' : '记录约谈'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
    >
      <Form form={form} layout="vertical">
        {talk.status === 'pending' ? (
          <Form.Item label="约谈时间" name="scheduledAt" rules={[{ required: true, message: '请填写时间' }, date]}>
            <Input placeholder="2027-04-10T09:00" />
          </Form.Item>
        ) : (
          <>
            <Form.Item label="实际约谈时间" name="heldAt" rules={[{ required: true, message: '请填写时间' }, date]}>
              <Input placeholder="2027-04-10T09:00" />
            </Form.Item>
            <Form.Item label="约谈结果" name="outcome" rules={[{ required: true, message: '请填写结果' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {save.error && <Typography.Text type="danger">{save.error.message}</Typography.Text>}
      </Form>
    </Modal>
  );
}
