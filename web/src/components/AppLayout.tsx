import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { api, must } from '../api/client';
import { useCurrentUser } from '../auth';
import { ROLE_LABELS } from '../lib/labels';
import { session } from '../session';

/** The menu a role sees; the API refuses anything outside it anyway (the menu only saves clicks). */
function menuFor(role: string): ItemType[] {
  const link = (to: string, label: string): ItemType => ({ key: to, label: <Link to={to}>{label}</Link> });
  const items: ItemType[] = [link('/tasks', '我的任务'), link('/inbox', '消息'), link('/settings/notifications', '通知设置')];
  // Staff see their unit's problems (and those their team found) in the list; managers from 督办.
  if (role === 'staff') items.push(link('/problems', '问题整改'));
  if (role === 'manager' || role === 'admin') {
    items.push({
      type: 'group',
      label: '督办',
      children: [
        link('/oversight', '逾期督办'),
        link('/approvals', '待审核'),
        link('/escalations', '升级提醒'),
        link('/formal-talks', '约谈'),
        link('/accountability', '问责'),
        link('/ranking', '逾期率通报'),
        link('/campaigns', '专项行动'),
        link('/comparisons', '数据比对'),
        link('/follow-ups', '慢病随访'),
        link('/qingling', '清零看板'),
        link('/problems', '问题清单'),
        link('/spot-checks', '抽查'),
      ],
    });
  }
  if (role === 'admin') {
    items.push({
      type: 'group',
      label: '系统管理',
      children: [
        link('/admin/units', '单位'),
        link('/admin/users', '用户'),
        link('/admin/register', '人口导入'),
        link('/admin/diseases', '疾病目录'),
        link('/admin/checklists', '排查清单'),
        link('/admin/calendar', '工作日历'),
        link('/admin/policies', '时限策略'),
        link('/admin/templates', '通知模板'),
        link('/admin/recurring-tasks', '周期任务'),
        link('/admin/announcements', '通知公告'),
      ],
    });
  }
  return items;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [collapsed, setCollapsed] = useState(true);
  const unread = useQuery({
    queryKey: ['unread-count'],
    queryFn: () => must(api.GET('/api/notifications/unread-count')),
    refetchInterval: 30_000,
  });
  const selected =
    '/' +
    location.pathname
      .split('/')
      .filter(Boolean)
      .slice(0, location.pathname.startsWith('/admin') ? 2 : 1)
      .join('/');
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={menuFor(user.role)}
      onClick={() => phone && setCollapsed(true)}
      aria-label="主菜单"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 16px', background: '#001529' }}>
        {phone && (
          <Button type="text" aria-label="菜单" style={{ color: '#fff' }} onClick={() => setCollapsed(!collapsed)}>
            ☰
          </Button>
        )}
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, flex: 1, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          健康扶贫工作平台
        </Typography.Text>
        <Space size="middle">
          <Link to="/inbox" aria-label={`消息，未读 ${unread.data?.unread ?? 0} 条`}>
            <Badge count={unread.data?.unread ?? 0} size="small">
              <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
            </Badge>
          </Link>
          {!phone && (
            <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
              {user.displayName}（{ROLE_LABELS[user.role] ?? user.role}）
            </Typography.Text>
          )}
          <Button type="text" icon={<LogoutOutlined />} style={{ color: '#fff' }} onClick={() => session.signOut()} aria-label="退出登录">
            {phone ? null : '退出'}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {phone ? (
          !collapsed && (
            <div style={{ position: 'absolute', top: 64, left: 0, right: 0, zIndex: 10, background: '#fff', boxShadow: '0 4px 8px #0002' }}>
              {menu}
            </div>
          )
        ) : (
          <Layout.Sider width={200} theme="light">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 8 : 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
