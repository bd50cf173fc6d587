import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Form, Grid, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { validateVisit } from '../../../../src/domain/follow-up';
import { localDateOf } from '../../../../src/domain/time-zone';
import { api, must } from '../../api/client';
import type { ApiItem } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { formatLocalDate } from '../../lib/dates';
import { useSearchState } from '../../lib/use-search-state';

type FollowUp = ApiItem<'/api/tasks/{taskId}/follow-ups', 'get'>;
interface VisitForm {
  visitDate: string;
  systolic?: number;
  diastolic?: number;
  glucose?: number;
  notes?: string;
}

/** 慢病随访: this period's follow-ups of the clinic; a visit is checked in the browser by the server's own rules. */
export function FollowUpsPanel({ taskId, canRecord }: { taskId: string; canRecord: boolean }) {
  const phone = !Grid.useBreakpoint().md;
  const { values, page, pageSize, set } = useSearchState(['state'] as const);
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const followUps = useQuery({
    queryKey: ['follow-ups', taskId, values.state, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/tasks/{taskId}/follow-ups', {
          params: { path: { taskId }, query: { page, pageSize, state: values.state as 'pending' | 'recorded' | undefined } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        aria-label="按随访状态筛选"
        allowClear
        placeholder="全部"
        value={values.state}
        onChange={(state?: string) => set({ state })}
        style={{ width: 140 }}
        options={[
          { value: 'pending', label: '未随访' },
          { value: 'recorded', label: '已随访' },
        ]}
      />
      <QueryState query={followUps}>
        {(data) => (
          <Table<FollowUp>
            rowKey="id"
            size="small"
            dataSource={data.items}
            scroll={{ x: phone ? 480 : undefined }}
            locale={{ emptyText: '没有随访' }}
            pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
            columns={[
              { title: '姓名', render: (_, f) => f.person.name },
              { title: '身份证号', render: (_, f) => f.person.idNumberMasked, responsive: ['md'] },
              { title: '病种', dataIndex: 'diseaseName' },
              {
                title: '随访',
                render: (_, f) => (f.visitDate ? <Tag color="green">{formatLocalDate(f.visitDate)}</Tag> : <Tag>未随访</Tag>),
              },
              ...(canRecord
                ? [
                    {
                      title: '操作',
                      render: (_: unknown, f: FollowUp) =>
                        !f.visitDate && (
                          <Button size="small" onClick={() => setEditing(f)} aria-label={`记录 ${f.person.name} 的随访`}>
                            记录
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {editing && <VisitDrawer taskId={taskId} followUp={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function VisitDrawer({ taskId, followUp, onClose }: { taskId: string; followUp: FollowUp; onClose: () => void }) {
  const phone = !Grid.useBreakpoint().md;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<VisitForm>();
  const record = useMutation({
    mutationFn: (body: VisitForm) =>
      must(api.PUT('/api/tasks/{taskId}/follow-ups/{id}', { params: { path: { taskId, id: followUp.id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['follow-ups', taskId] });
      void queryClient.invalidateQueries({ queryKey: ['task', taskId] });
      onClose();
    },
  });
  function onFinish(v: VisitForm) {
    const check = validateVisit(followUp.diseaseCode, v, { period: followUp.period, today: localDateOf(new Date()) });
    if (!check.ok) {
      form.setFields(
        check.errors.filter((e) => e.field !== 'diseaseCode').map((e) => ({ name: e.field as keyof VisitForm, errors: [e.message] })),
      );
      return;
    }
    record.mutate(v);
  }
  return (
    <Drawer
      open
      title={`随访：${followUp.person.name}（${followUp.diseaseName}）`}
      width={phone ? '100%' : 420}
      onClose={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        本期 {formatLocalDate(followUp.period.startsOn)} — {formatLocalDate(followUp.period.endsOn)}
      </Typography.Paragraph>
      <Form<VisitForm> form={form} layout="vertical" onFinish={onFinish} initialValues={{ visitDate: localDateOf(new Date()) }}>
        <Form.Item label="随访日期" name="visitDate" rules={[{ required: true, message: '请填写日期' }]}>
          <Input placeholder="2027-03-25" />
        </Form.Item>
        {followUp.measure === 'blood_pressure' && (
          <Space>
            <Form.Item label="收缩压（mmHg）" name="systolic">
              <InputNumber />
            </Form.Item>
            <Form.Item label="舒张压（mmHg）" name="diastolic">
              <InputNumber />
            </Form.Item>
          </Space>
        )}
        {followUp.measure === 'glucose' && (
          <Form.Item label="空腹血糖（mmol/L）" name="glucose">
            <InputNumber step={0.1} />
          </Form.Item>
        )}
        <Form.Item label={followUp.measure === 'notes' ? '随访情况' : '备注'} name="notes">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {record.error && (
          <Typography.Paragraph type="danger" role="alert">
            {record.error.message}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" block loading={record.isPending}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
