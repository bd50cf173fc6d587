import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Space, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';

type Template = ApiData<'/api/notification-templates', 'get'>[number];
const KIND_LABELS: Record<string, string> = { reminder: '任务提醒', escalation: '逾期督办', digest: '待办汇总', announcement: '通知公告' };

/**
 * 通知模板: the title and body of each kind of message. Every admin reads and previews them; only an admin
 * of a root unit saves or resets (the server says so otherwise). Saved edits apply to the next message sent.
 */
export default function NotificationTemplatesPage() {
  const [params, setParams] = useSearchParams();
  const templates = useQuery({ queryKey: ['notification-templates'], queryFn: () => must(api.GET('/api/notification-templates')) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        通知模板
      </Typography.Title>
      <QueryState query={templates}>
        {(data) => (
          <Tabs
            activeKey={params.get('kind') ?? data[0]?.kind}
            onChange={(kind) => setParams({ kind })}
            items={data.map((t) => ({
              key: t.kind,
              label: KIND_LABELS[t.kind] ?? t.kind,
              // Keyed by the saved version, so a save or reset shows what the server now holds.
              children: <TemplateEditor key={`${t.kind}-${t.updatedAt ?? 'default'}`} template={t} />,
            }))}
          />
        )}
      </QueryState>
    </Space>
  );
}

interface TemplateForm {
  title: string;
  body: string;
}

function TemplateEditor({ template }: { template: Template }) {
  const [form] = Form.useForm<TemplateForm>();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const kind = template.kind;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notification-templates'] });
  const preview = useMutation({
    mutationFn: (body: TemplateForm) => must(api.POST('/api/notification-templates/{kind}/preview', { params: { path: { kind } }, body })),
  });
  const save = useMutation({
    mutationFn: (body: TemplateForm) => must(api.PUT('/api/notification-templates/{kind}', { params: { path: { kind } }, body })),
    onSuccess: () => {
      void message.success('模板已保存，之后发送的消息将使用新模板');
      refresh();
    },
  });
  const reset = useMutation({
    mutationFn: () => must(api.DELETE('/api/notification-templates/{kind}', { params: { path: { kind } } })),
    onSuccess: () => {
      void message.success('已恢复系统默认模板');
      refresh();
    },
  });
  const failed = save.error ?? reset.error ?? preview.error;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid={`template-${kind}`}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="状态">
          {template.customised ? <Tag color="blue">已自定义</Tag> : <Tag>系统默认</Tag>}
          {template.updatedAt && formatDateTime(template.updatedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="可用变量">
          <Space wrap size={4}>
            {template.variables.map((v) => (
              <Typography.Text code key={v}>{`{{${v}}}`}</Typography.Text>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        name={`template-${kind}`}
        layout="vertical"
        initialValues={{ title: template.title, body: template.body }}
        style={{ maxWidth: 760 }}
      >
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '必填' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="正文" name="body" rules={[{ required: true, message: '必填' }]} extra="{{#items}}…{{/items}} 对列表中每一项重复">
          <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space wrap>
          <Button onClick={() => void form.validateFields().then((v) => preview.mutate(v))} loading={preview.isPending}>
            预览
          </Button>
          <Button type="primary" onClick={() => void form.validateFields().then((v) => save.mutate(v))} loading={save.isPending}>
            保存
          </Button>
          {template.customised && (
            <Button
              danger
              loading={reset.isPending}
              onClick={() =>
                void modal.confirm({
                  title: `将「${KIND_LABELS[kind] ?? kind}」恢复为系统默认模板？`,
                  content: '自定义的标题和正文将被删除，之后发送的消息使用系统默认模板。',
                  okText: '恢复默认',
                  okButtonProps: { danger: true },
                  cancelText: '取消',
                  onOk: () => reset.mutateAsync(),
                })
              }
            >
              恢复默认
            </Button>
          )}
        </Space>
      </Form>
      <ApiErrorAlert error={failed} />
      {preview.data && (
        <Card size="small" title="预览（示例数据）" data-testid="template-preview" style={{ maxWidth: 760 }}>
          <Typography.Paragraph strong>{preview.data.title}</Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{preview.data.body}</Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}
