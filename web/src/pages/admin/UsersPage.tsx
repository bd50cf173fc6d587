import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { ApiItem } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { ROLE_LABELS } from '../../lib/labels';
import { useSearchState } from '../../lib/use-search-state';

type User = ApiItem<'/api/users', 'get'>;
interface UserForm {
  username: string;
  displayName: string;
  password: string;
  role: User['role'];
  unitId: string;
}

/** 用户: the accounts of my scope; an admin adds one, or turns one off (停用) after a confirmation. */
export default function UsersPage() {
  const { page, pageSize, set } = useSearchState([] as const);
  const [creating, setCreating] = useState(false);
  const [leaving, setLeaving] = useState<User | null>(null);
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ['users', page, pageSize],
    queryFn: () => must(api.GET('/api/users', { params: { query: { page, pageSize } } })),
    placeholderData: (previous) => previous,
  });
  const toggle = useMutation({
    mutationFn: (u: User) => must(api.PATCH('/api/users/{id}', { params: { path: { id: u.id } }, body: { active: !u.active } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        用户
      </Typography.Title>
      <Button type="primary" onClick={() => setCreating(true)} style={{ width: 'fit-content' }}>
        新增用户
      </Button>
      {toggle.error && <Alert type="error" message={toggle.error.message} />}
      <QueryState query={users}>
        {(data) => (
          <Table<User>
            rowKey="id"
            dataSource={data.items}
            pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
            columns={[
              { title: '用户名', dataIndex: 'username' },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '角色', render: (_, u) => ROLE_LABELS[u.role] ?? u.role },
              { title: '状态', render: (_, u) => (u.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
              {
                title: '操作',
                render: (_, u) => (
                  <Space>
                    <Button size="small" onClick={() => setLeaving(u)}>
                      移交任务
                    </Button>
                    <Button
                      size="small"
                      danger={u.active}
                      onClick={() =>
                        Modal.confirm({
                          title: u.active ? `停用 ${u.displayName}？` : `启用 ${u.displayName}？`,
                          content: u.active ? '停用后该用户无法登录；其任务请先移交。' : undefined,
                          okText: '确定',
                          cancelText: '取消',
                          onOk: () => toggle.mutateAsync(u),
                        })
                      }
                    >
                      {u.active ? '停用' : '启用'}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
      {leaving && <HandoverDialog from={leaving} onClose={() => setLeaving(null)} />}
    </Space>
  );
}

function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<UserForm>();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: UserForm) => must(api.POST('/api/users', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title="新增用户"
      okText="创建"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Form form={form} layout="vertical" initialValues={{ role: 'staff' }}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '必填' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '必填' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="初始密码" name="password" rules={[{ required: true, min: 8, message: '至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitPicker />
        </Form.Item>
        {create.error && <Alert type="error" message={create.error.message} />}
      </Form>
    </Modal>
  );
}

/** 工作移交: every open task assigned to a leaving person goes to a successor, with the per-task report. */
function HandoverDialog({ from, onClose }: { from: User; onClose: () => void }) {
  const [form] = Form.useForm<{ toUserId: string; reason: string }>();
  const candidates = useQuery({
    queryKey: ['users', 'successors', from.unitId],
    queryFn: () => must(api.GET('/api/users', { params: { query: { unitId: from.unitId, pageSize: 500 } } })),
  });
  const handover = useMutation({
    mutationFn: (body: { toUserId: string; reason: string }) =>
      must(api.POST('/api/users/{id}/handover', { params: { path: { id: from.id } }, body })),
  });
  const report = handover.data?.results;
  return (
    <Modal
      open
      title={`移交 ${from.displayName} 的未完成任务`}
      okText={report ? '关闭' : '确认移交'}
      cancelText="取消"
      confirmLoading={handover.isPending}
      onCancel={onClose}
      onOk={() => (report ? onClose() : void form.validateFields().then((v) => handover.mutate(v)))}
    >
      {report ? (
        <Alert
          type={report.every((r) => r.ok) ? 'success' : 'warning'}
          message={`已移交 ${report.filter((r) => r.ok).length} 项，未移交 ${report.filter((r) => !r.ok).length} 项`}
          description={report
            .filter((r) => !r.ok)
            .map((r) => `${r.taskId}：${r.error}`)
            .join('；')}
        />
      ) : (
        <Form form={form} layout="vertical">
          <Form.Item label="接手人（本单位）" name="toUserId" rules={[{ required: true, message: '请选择接手人' }]}>
            <Select
              loading={candidates.isPending}
              options={(candidates.data?.items ?? [])
                .filter((u) => u.active && u.id !== from.id)
                .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
          </Form.Item>
          <Form.Item label="理由" name="reason" rules={[{ required: true, message: '请填写理由' }]}>
            <Input placeholder="调离岗位" maxLength={2000} />
          </Form.Item>
          {handover.error && <Alert type="error" message={handover.error.message} />}
        </Form>
      )}
    </Modal>
  );
}
