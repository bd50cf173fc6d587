import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Grid, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { OUTCOME_LABELS, RE_IDENTIFICATION_OUTCOMES, validateResult } from '../../../../src/domain/re-identification';
import { api, must } from '../../api/client';
import type { ApiData, ApiItem } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { useCampaignCatalogue } from '../../lib/use-catalogue';
import { useSearchState } from '../../lib/use-search-state';
import { ResultsUpload } from './ResultsUpload';

type Task = ApiData<'/api/tasks/{id}', 'get'>;
type Item = ApiItem<'/api/tasks/{taskId}/items', 'get'>;
interface ResultForm {
  outcome?: string;
  conditions?: string[];
  note?: string;
}

/** 识别人员: the task's persons (ID numbers masked), searched and filtered on the server; results one by one or by file. */
export function ItemsPanel({ task, canRecord }: { task: Task; canRecord: boolean }) {
  const phone = !Grid.useBreakpoint().md;
  const { values, page, pageSize, set } = useSearchState(['q', 'state', 'outcome'] as const);
  const [editing, setEditing] = useState<Item | null>(null);
  const items = useQuery({
    queryKey: ['items', task.id, values, page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/tasks/{taskId}/items', {
          params: {
            path: { taskId: task.id },
            query: {
              page,
              pageSize,
              q: values.q,
              state: values.state as 'pending' | 'recorded' | undefined,
              outcome: values.outcome as (typeof RE_IDENTIFICATION_OUTCOMES)[number] | undefined,
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          aria-label="按姓名或户编号搜索"
          placeholder="姓名或户编号"
          allowClear
          defaultValue={values.q}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Select
          aria-label="按录入状态筛选"
          allowClear
          placeholder="全部"
          value={values.state}
          onChange={(state?: string) => set({ state })}
          style={{ width: 120 }}
          options={[
            { value: 'pending', label: '未录入' },
            { value: 'recorded', label: '已录入' },
          ]}
        />
        <Select
          aria-label="按识别结果筛选"
          allowClear
          placeholder="识别结果"
          value={values.outcome}
          onChange={(outcome?: string) => set({ outcome })}
          style={{ width: 160 }}
          options={RE_IDENTIFICATION_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
        />
        {canRecord && <ResultsUpload taskId={task.id} />}
      </Space>
      <QueryState query={items}>
        {(data) => (
          <Table<Item>
            rowKey="id"
            size="small"
            dataSource={data.items}
            locale={{ emptyText: '没有符合条件的人员' }}
            scroll={{ x: phone ? 480 : undefined }}
            pagination={{
              current: page,
              pageSize,
              total: data.total,
              onChange: (p, s) => set({ page: p, pageSize: s }),
              showTotal: (t) => `共 ${t} 人`,
            }}
            columns={[
              { title: '姓名', render: (_, item) => item.person.name },
              { title: '身份证号', render: (_, item) => <span data-testid="masked-id">{item.person.idNumberMasked}</span> },
              { title: '户编号', render: (_, item) => item.household.number, responsive: ['lg'] },
              { title: '年龄', render: (_, item) => item.person.age, responsive: ['md'] },
              {
                title: '识别结果',
                render: (_, item) =>
                  item.outcome ? (
                    <span>
                      <Tag color={item.outcome === 'conditions' ? 'volcano' : 'green'}>{OUTCOME_LABELS[item.outcome] ?? item.outcome}</Tag>
                      {item.conditions.map((c) => c.name).join('、')}
                    </span>
                  ) : (
                    <Tag>未录入</Tag>
                  ),
              },
              ...(canRecord
                ? [
                    {
                      title: '操作',
                      render: (_: unknown, item: Item) => (
                        <Button size="small" onClick={() => setEditing(item)} aria-label={`录入 ${item.person.name} 的识别结果`}>
                          录入
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {editing && <RecordDrawer task={task} item={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

/** One person's result, checked in the browser by the same rules the server applies (src/domain/re-identification.ts). */
function RecordDrawer({ task, item, onClose }: { task: Task; item: Item; onClose: () => void }) {
  const catalogue = useCampaignCatalogue(task.campaignId);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<ResultForm>();
  const outcome = Form.useWatch('outcome', form);
  const record = useMutation({
    mutationFn: (v: ResultForm) =>
      must(
        api.PUT('/api/tasks/{taskId}/items/{itemId}', {
          params: { path: { taskId: task.id, itemId: item.id } },
          body: { outcome: v.outcome as (typeof RE_IDENTIFICATION_OUTCOMES)[number], conditions: v.conditions, note: v.note },
        }),
      ),
    onSuccess: () => {
      void message.success(`已录入 ${item.person.name}`);
      void queryClient.invalidateQueries({ queryKey: ['items', task.id] });
      void queryClient.invalidateQueries({ queryKey: ['task', task.id] });
      onClose();
    },
  });

  function onFinish(v: ResultForm) {
    const check = validateResult(
      { outcome: v.outcome, conditions: v.outcome === 'conditions' ? v.conditions : undefined, note: v.note },
      catalogue ?? [],
    );
    if (!check.ok) {
      form.setFields(check.errors.map((e) => ({ name: e.field as keyof ResultForm, errors: [e.message] })));
      return;
    }
    record.mutate({ ...v, conditions: v.outcome === 'conditions' ? v.conditions : undefined });
  }

  return (
    <Drawer open title={`录入识别结果：${item.person.name}`} onClose={onClose} width={phone ? '100%' : 480} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {item.person.idNumberMasked} · {item.person.sex} · {item.person.age} 岁 · {item.village.name}
      </Typography.Paragraph>
      <Form<ResultForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ outcome: item.outcome ?? undefined, conditions: item.conditions.map((c) => c.code), note: item.note || undefined }}
      >
        <Form.Item label="识别结果" name="outcome" rules={[{ required: true, message: '请选择识别结果' }]}>
          <Radio.Group>
            <Space direction="vertical">
              {RE_IDENTIFICATION_OUTCOMES.map((o) => (
                <Radio key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {outcome === 'conditions' && (
          <Form.Item label="疾病（目录内）" name="conditions" rules={[{ required: true, message: '请至少选择一种疾病' }]}>
            <Select
              mode="multiple"
              aria-label="疾病"
              loading={!catalogue}
              optionFilterProp="label"
              options={(catalogue ?? []).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item label="说明" name="note" extra="无法联系、已迁出、已死亡须填写原因">
          <Input.TextArea rows={2} maxLength={500} />
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
