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
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
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
