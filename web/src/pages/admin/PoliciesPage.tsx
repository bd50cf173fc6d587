import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_DEADLINE_POLICY } from '../../../../src/domain/deadline-policy';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { policySummary } from '../../lib/policy-text';

type NamedPolicy = ApiData<'/api/policies', 'get'>[number];
/** The document types a policy body as an open object: the server checks it, naming each problem's path. */
type PolicyJson = components['schemas']['CreatePolicyDto']['policy'];

/**
 * 时限策略: named deadline policies (reminders, quiet hours, escalation ladder). A task copies its policy
 * when created, so an edit reaches running tasks only when applied to them.
 */
export default function PoliciesPage() {
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<NamedPolicy | 'new' | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const policies = useQuery({ queryKey: ['policies'], queryFn: () => must(api.GET('/api/policies')) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['policies'] });
  const makeDefault = useMutation({
    mutationFn: (p: NamedPolicy) => must(api.POST('/api/policies/{id}/default', { params: { path: { id: p.id } } })),
    onSuccess: (p) => {
      void message.success(`「${p.name}」已设为默认策略`);
      refresh();
    },
  });
  const apply = useMutation({
    mutationFn: (p: NamedPolicy) => must(api.POST('/api/policies/{id}/apply-to-running', { params: { path: { id: p.id } } })),
  });
  const failed = makeDefault.error ?? apply.error;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        时限策略
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        新建任务时复制其策略；修改策略只影响之后新建的任务，如需改变进行中的任务，请“应用到进行中任务”。
      </Typography.Paragraph>
      <Button type="primary" onClick={() => setEditing('new')} style={{ width: 'fit-content' }}>
        新建策略
      </Button>
      {applied && <Alert type="success" showIcon message={applied} closable onClose={() => setApplied(null)} data-testid="apply-result" />}
      <ApiErrorAlert error={failed} />
      <QueryState query={policies}>
        {(data) => (
          <Table<NamedPolicy>
            rowKey="id"
            dataSource={data}
            pagination={false}
            locale={{ emptyText: '暂无命名策略（使用系统内置默认策略）' }}
            data-testid="policies"
            expandable={{
              expandedRowRender: (p) => <pre style={{ margin: 0, fontSize: 12 }}>{JSON.stringify(p.policy, null, 2)}</pre>,
            }}
            columns={[
              {
                title: '名称',
                render: (_, p) => (
                  <>
                    {p.name} {p.isDefault && <Tag color="blue">默认</Tag>}
                  </>
                ),
              },
              { title: '提醒', render: (_, p) => policySummary(p.policy).reminders },
              { title: '逾期升级', render: (_, p) => policySummary(p.policy).escalation },
              { title: '更新时间', render: (_, p) => formatDateTime(p.updatedAt) },
              {
                title: '操作',
                render: (_, p) => (
                  <Space wrap>
                    <Button size="small" onClick={() => setEditing(p)}>
                      编辑
                    </Button>
                    {!p.isDefault && (
                      <Button size="small" loading={makeDefault.isPending} onClick={() => makeDefault.mutate(p)}>
                        设为默认
                      </Button>
                    )}
                    <Button
                      size="small"
                      onClick={() =>
                        void modal.confirm({
                          title: `将「${p.name}」应用到进行中的任务？`,
                          content:
                            '您管辖范围内由此策略创建、尚未完成的任务将改用当前版本，并重新安排提醒和升级；截止时间和已达到的升级级别不变。',
                          okText: '应用',
                          cancelText: '取消',
                          onOk: async () => {
                            const { updated } = await apply.mutateAsync(p);
                            setApplied(`「${p.name}」已应用到 ${updated} 个进行中的任务`);
                          },
                        })
                      }
                    >
                      应用到进行中任务
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && <PolicyDialog policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

interface PolicyForm {
  name: string;
  json: string;
  isDefault?: boolean;
}

/** Creates or edits a named policy; the JSON is checked by the server, which names the path of every problem. */
function PolicyDialog({ policy, onClose }: { policy: NamedPolicy | null; onClose: () => void }) {
  const [form] = Form.useForm<PolicyForm>();
  const queryClient = useQueryClient();
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: ({ name, json, isDefault }: PolicyForm) => {
      const body = { name, policy: JSON.parse(json) as PolicyJson, isDefault };
      return must(
        policy
          ? api.PUT('/api/policies/{id}', { params: { path: { id: policy.id } }, body })
          : api.POST('/api/policies', { body: { ...body, isDefault: isDefault || undefined } }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['policies'] });
      onClose();
    },
  });
  function submit(v: PolicyForm) {
    try {
      JSON.parse(v.json);
    } catch (e) {
      setJsonProblem(`JSON 格式有误：${(e as Error).message}`);
      return;
    }
    setJsonProblem(null);
    save.mutate(v);
  }
  return (
    <Modal
      open
      title={policy ? `编辑策略：${policy.name}` : '新建策略'}
      okText="保存"
      cancelText="取消"
      width={680}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then(submit)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: policy?.name,
          json: JSON.stringify(policy?.policy ?? DEFAULT_DEADLINE_POLICY, null, 2),
          isDefault: policy?.isDefault ?? false,
        }}
      >
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '必填' }]}>
          <Input placeholder="再识别核查（5个工作日）" />
        </Form.Item>
        <Form.Item
          label="策略（JSON）"
          name="json"
          rules={[{ required: true, message: '必填' }]}
          extra="remindersBefore 到期前提醒；quietHours 免打扰时段；escalation 逾期升级；digestWindow 汇总方式（day 或 none）。时长：calendar_days、working_days、hours，或 due_day_at 加 time。"
        >
          <Input.TextArea rows={16} style={{ fontFamily: 'monospace', fontSize: 12 }} spellCheck={false} />
        </Form.Item>
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox>设为默认策略（未指定策略的新任务使用它）</Checkbox>
        </Form.Item>
      </Form>
      {jsonProblem && <Alert type="error" showIcon role="alert" message={jsonProblem} />}
      <ApiErrorAlert error={save.error} />
    </Modal>
  );
}
