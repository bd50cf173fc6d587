import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDateTime } from '../../lib/dates';

interface AnnouncementForm {
  title: string;
  body: string;
  scopeUnitId: string;
}

/**
 * 通知公告: a notice to every user at or below a unit, delivered in the background (inbox and each
 * recipient's own channels); the page then follows its delivery (?id= keeps it across a reload).
 */
export default function AnnouncementsPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [form] = Form.useForm<AnnouncementForm>();
  const publish = useMutation({
    mutationFn: (body: AnnouncementForm) => must(api.POST('/api/announcements', { body })),
    onSuccess: (a) => {
      form.resetFields();
      setParams({ id: a.id });
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        通知公告
      </Typography.Title>
      <Card title="发布通知">
        <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => publish.mutate(v)}>
          <Form.Item label="标题" name="title" rules={[{ required: true, message: '必填' }]}>
            <Input placeholder="关于开展疾病再识别工作的通知" />
          </Form.Item>
          <Form.Item label="正文" name="body" rules={[{ required: true, message: '必填' }]}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item
            label="发送范围"
            name="scopeUnitId"
            rules={[{ required: true, message: '请选择单位' }]}
            extra="该单位及其下级所有单位的在岗用户都会收到"
          >
            <UnitPicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending}>
            发布
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          <ApiErrorAlert error={publish.error} />
        </div>
      </Card>
      {id && <DeliveryStatus id={id} />}
    </Space>
  );
}

function DeliveryStatus({ id }: { id: string }) {
  const announcement = useQuery({
    queryKey: ['announcement', id],
    queryFn: () => must(api.GET('/api/announcements/{id}', { params: { path: { id } } })),
    // Follow the fan-out until it has reached everyone.
    refetchInterval: (q) => (q.state.data?.status === 'sent' ? false : 2_000),
  });
  return (
    <QueryState query={announcement}>
      {(a) => (
        <Card title={`发送情况：${a.title}`}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="状态">
              {a.status === 'sent' ? (
                <Tag color="green" data-testid="announcement-status">
                  已发送
                </Tag>
              ) : (
                <Tag color="processing" data-testid="announcement-status">
                  发送中
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="接收人数">
              <span data-testid="announcement-recipients">{a.recipientCount ?? '统计中'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="发布时间">{formatDateTime(a.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="正文">
              <span style={{ whiteSpace: 'pre-wrap' }}>{a.body}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </QueryState>
  );
}
