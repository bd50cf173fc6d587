import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { api, must } from '../api/client';
import type { ApiData } from '../api/types';
import { QueryState } from '../components/QueryState';

type Settings = ApiData<'/api/notifications/settings', 'get'>;
interface SettingsForm {
  channels: Settings['channels'];
  email?: string;
  webhookUrl?: string;
  webhookSecret?: string;
}

/** 通知设置: besides the in-app inbox (always on), e-mail and a webhook of one's own. */
export default function NotificationSettingsPage() {
  const settings = useQuery({ queryKey: ['notification-settings'], queryFn: () => must(api.GET('/api/notifications/settings')) });
  return <QueryState query={settings}>{(data) => <SettingsFormCard settings={data} />}</QueryState>;
}

function SettingsFormCard({ settings }: { settings: Settings }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: SettingsForm) =>
      must(
        api.PUT('/api/notifications/settings', {
          body: {
            channels: v.channels,
            email: v.email || undefined,
            webhookUrl: v.webhookUrl || undefined,
            webhookSecret: v.webhookSecret || undefined,
          },
        }),
      ),
    onSuccess: () => {
      void message.success('已保存');
      void queryClient.invalidateQueries({ queryKey: ['notification-settings'] });
    },
  });
  return (
    <Card title="通知设置" style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">站内消息始终开启；可另选邮件或 Webhook 接收提醒与督办通知。</Typography.Paragraph>
      <Form<SettingsForm>
        layout="vertical"
        initialValues={{ channels: settings.channels, email: settings.email ?? undefined, webhookUrl: settings.webhookUrl ?? undefined }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item label="其他渠道" name="channels">
          <Checkbox.Group
            options={[
              { value: 'email', label: '邮件' },
              { value: 'webhook', label: 'Webhook' },
            ]}
          />
        </Form.Item>
        <Form.Item label="邮箱" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item label="Webhook 地址" name="webhookUrl">
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item label="Webhook 签名密钥（16 位以上，保存后不再显示）" name="webhookSecret">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {save.error && (
          <Typography.Paragraph type="danger" role="alert">
            {save.error.message}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
