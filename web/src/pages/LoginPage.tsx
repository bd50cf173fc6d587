import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, must } from '../api/client';
import { session } from '../session';

interface Credentials {
  username: string;
  password: string;
}

/** 登录: after an expiry it says so, and returns to the page the user was on (`next`). */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = params.get('next');
  const signIn = useMutation({
    mutationFn: (body: Credentials) => must(api.POST('/api/auth/login', { body })),
    onSuccess: (answer) => {
      session.signIn(answer.accessToken);
      // Only a path of this console: never an address elsewhere (open redirect).
      void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/tasks', { replace: true });
    },
  });
  const error = signIn.error;
  const message =
    error instanceof ApiError && error.status === 401
      ? '用户名或密码错误'
      : error instanceof ApiError
        ? error.message
        : error
          ? '无法连接服务器'
          : null;

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          健康扶贫工作平台
        </Typography.Title>
        {session.wasExpired() && !signIn.isPending && !error && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="登录已过期，请重新登录，登录后回到原页面。" />
        )}
        {message && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={message} role="alert" />}
        <Form<Credentials> layout="vertical" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
