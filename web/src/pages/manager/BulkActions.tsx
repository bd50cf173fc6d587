import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Table } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { api, must } from '../../api/client';
import { UnitPicker } from '../../components/UnitPicker';

type Action = 'reassign' | 'extend' | 'cancel';
const LABELS: Record<Action, string> = { reassign: '批量改派', extend: '批量延期', cancel: '批量取消' };
interface BulkForm {
  reason: string;
  newDueAt?: string;
  unitId?: string;
}

/**
 * Bulk reassign, extend or cancel of the selected tasks, each after a confirmation, with the server's
 * per-task report (which passed, which were refused and why).
 */
export function BulkActions({
  children,
}: {
  children: (selection: { selectedRowKeys: Key[]; onChange: (keys: Key[]) => void }) => ReactNode;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<BulkForm>();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (v: BulkForm) =>
      must(
        api.POST('/api/tasks/bulk', {
          body: { action: action!, taskIds: selected, reason: v.reason, newDueAt: v.newDueAt, unitId: v.unitId },
        }),
      ),
    onSuccess: () => {
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['unit-tasks'] });
    },
  });
  const close = () => {
    setAction(null);
    run.reset();
    form.resetFields();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {(Object.keys(LABELS) as Action[]).map((a) => (
          <Button key={a} disabled={selected.length === 0} danger={a === 'cancel'} onClick={() => setAction(a)}>
            {LABELS[a]}（{selected.length}）
          </Button>
        ))}
      </Space>
      {children({ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) })}
      <Modal
        open={action !== null}
        title={action ? `${LABELS[action]}：${selected.length} 项任务` : ''}
        okText={run.data ? '关闭' : '确认执行'}
        cancelText="取消"
        okButtonProps={{ danger: action === 'cancel' && !run.data }}
        confirmLoading={run.isPending}
        onCancel={close}
        onOk={() => (run.data ? close() : void form.validateFields().then((v) => run.mutate(v)))}
        width={640}
      >
        {run.data ? (
          <>
            <Alert
              type={run.data.results.every((r) => r.ok) ? 'success' : 'warning'}
              message={`成功 ${run.data.results.filter((r) => r.ok).length} 项，未执行 ${run.data.results.filter((r) => !r.ok).length} 项`}
            />
            <Table
              rowKey="taskId"
              size="small"
              pagination={false}
              dataSource={run.data.results.filter((r) => !r.ok)}
              columns={[
                { title: '任务', dataIndex: 'taskId' },
                { title: '原因', dataIndex: 'error' },
              ]}
            />
          </>
        ) : (
          <Form form={form} layout="vertical">
            {action === 'extend' && (
              <Form.Item
                label="延期至"
                name="newDueAt"
                rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}/, message: '请输入日期，如 2027-04-10' }]}
              >
                <Input placeholder="2027-04-10" />
              </Form.Item>
            )}
            {action === 'reassign' && (
              <Form.Item label="改派给单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
                <UnitPicker />
              </Form.Item>
            )}
            <Form.Item label="理由" name="reason" rules={[{ required: true, message: '请填写理由' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {run.error && <Alert type="error" message={run.error.message} />}
          </Form>
        )}
      </Modal>
    </Space>
  );
}
