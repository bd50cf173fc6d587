import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { ApiItem } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { UnitName } from '../../components/UnitName';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDateTime } from '../../lib/dates';
import { UNIT_KIND_LABELS } from '../../lib/labels';
import { useSearchState } from '../../lib/use-search-state';

type Definition = ApiItem<'/api/recurring-tasks', 'get'>;

/**
 * 周期任务: work that comes back on a calendar (每月按时录入). Each definition is a schedule that gives every
 * unit of a kind in its scope a task; it can be paused, resumed, run now, or deleted (its tasks stay).
 */
export default function RecurringTasksPage() {
  const { page, pageSize, set } = useSearchState([] as const);
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const definitions = useQuery({
    queryKey: ['recurring-tasks', page, pageSize],
    queryFn: () => must(api.GET('/api/recurring-tasks', { params: { query: { page, pageSize } } })),
    placeholderData: (previous) => previous,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['recurring-tasks'] });
  const path = (d: Definition) => ({ params: { path: { id: d.id } } });
  const act = useMutation({
    mutationFn: ({ d, action }: { d: Definition; action: 'pause' | 'resume' | 'trigger' | 'delete' }) =>
      must(
        action === 'pause'
          ? api.POST('/api/recurring-tasks/{id}/pause', path(d))
          : action === 'resume'
            ? api.POST('/api/recurring-tasks/{id}/resume', path(d))
            : action === 'trigger'
              ? api.POST('/api/recurring-tasks/{id}/trigger', path(d))
              : api.DELETE('/api/recurring-tasks/{id}', path(d)),
      ),
    onSuccess: (_, { action }) => {
      void message.success(
        { pause: '已暂停', resume: '已恢复', trigger: '已开始执行本期任务，稍后可在任务列表中看到', delete: '已删除' }[action],
      );
      refresh();
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        周期任务
      </Typography.Title>
      <Button type="primary" onClick={() => setCreating(true)} style={{ width: 'fit-content' }}>
        新建周期任务
      </Button>
      <ApiErrorAlert error={act.error} />
      <QueryState query={definitions}>
        {(data) => (
          <Table<Definition>
            rowKey="id"
            dataSource={data.items}
            locale={{ emptyText: '暂无周期任务' }}
            data-testid="recurring-tasks"
            pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
            columns={[
              { title: '标题', dataIndex: 'title' },
              {
                title: '承办单位',
                render: (_, d) => (
                  <>
                    <UnitName id={d.scopeUnitId} /> 各{UNIT_KIND_LABELS[d.unitKind] ?? d.unitKind}
                  </>
                ),
              },
              { title: '周期（cron）', render: (_, d) => <Typography.Text code>{d.cron}</Typography.Text> },
              { title: '时限', render: (_, d) => `${d.dueAfterDays} 天` },
              { title: '状态', render: (_, d) => (d.active ? <Tag color="green">运行中</Tag> : <Tag>已暂停</Tag>) },
              { title: '创建时间', render: (_, d) => formatDateTime(d.createdAt) },
              {
                title: '操作',
                render: (_, d) => (
                  <Space wrap>
                    <Button size="small" onClick={() => act.mutate({ d, action: d.active ? 'pause' : 'resume' })}>
                      {d.active ? '暂停' : '恢复'}
                    </Button>
                    <Button size="small" disabled={!d.active} onClick={() => act.mutate({ d, action: 'trigger' })}>
                      立即执行
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        void modal.confirm({
                          title: `删除周期任务「${d.title}」？`,
                          content: '删除后不再按周期生成任务；已生成的任务不受影响。此操作不可撤销。',
                          okText: '删除',
                          okButtonProps: { danger: true },
                          cancelText: '取消',
                          onOk: () => act.mutateAsync({ d, action: 'delete' }),
                        })
                      }
                    >
                      删除
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {creating && <CreateDialog onClose={() => setCreating(false)} />}
    </Space>
  );
}

interface DefinitionForm {
  title: string;
  kind: string;
  scopeUnitId: string;
  unitKind: Definition['unitKind'];
  cron: string;
  dueAfterDays: number;
  description?: string;
  policyId?: string;
}

function CreateDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<DefinitionForm>();
  const queryClient = useQueryClient();
  const policies = useQuery({ queryKey: ['policies'], queryFn: () => must(api.GET('/api/policies')) });
  const create = useMutation({
    mutationFn: ({ policyId, description, ...rest }: DefinitionForm) =>
      must(
        api.POST('/api/recurring-tasks', {
          body: {
            ...rest,
            description: description || undefined,
            // The definition keeps its own copy of the policy, as a task does.
            policy: policies.data?.find((p) => p.id === policyId)?.policy as Record<string, never> | undefined,
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['recurring-tasks'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title="新建周期任务"
      okText="创建"
      cancelText="取消"
      width={600}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Form
        form={form}
        name="recurring-task"
        layout="vertical"
        initialValues={{ kind: 'monthly_system_update', unitKind: 'health_centre', cron: '0 9 1 * *', dueAfterDays: 5 }}
      >
        <Form.Item
          label="标题"
          name="title"
          rules={[{ required: true, message: '必填' }]}
          extra="{{period}} 替换为每期的月份，如 2027年3月"
        >
          <Input placeholder="录入全国健康扶贫动态管理系统（{{period}}）" />
        </Form.Item>
        <Form.Item label="任务类型" name="kind" rules={[{ required: true, message: '必填' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="范围单位" name="scopeUnitId" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label="承办单位类型" name="unitKind" extra="范围内每个该类型的单位各得一项任务">
          <Select options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          label="周期（cron）"
          name="cron"
          rules={[{ required: true, message: '必填' }]}
          extra="分 时 日 月 星期（北京时间），如 0 9 1 * * 为每月1日9:00"
        >
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item label="完成时限（天）" name="dueAfterDays" rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item label="时限策略" name="policyId" extra="不选则使用默认策略">
          <Select allowClear loading={policies.isPending} options={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item label="说明" name="description">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={create.error} />
    </Modal>
  );
}
