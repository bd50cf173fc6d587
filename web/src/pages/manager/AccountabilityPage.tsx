import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PROBLEM_CATEGORIES } from '../../../../src/domain/rectification';
import { api, must } from '../../api/client';
import type { ApiItem, ApiQuery } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDateTime } from '../../lib/dates';
import { ACCOUNTABILITY_STATUS } from '../../lib/labels';
import { useSearchState } from '../../lib/use-search-state';
import { ProblemStatusTag } from '../problems/ProblemPanel';

type AccountabilityRecord = ApiItem<'/api/accountability', 'get'>;
type Query = ApiQuery<'/api/accountability', 'get'>;

const TALK_STATUS: Record<string, string> = { pending: '待安排', scheduled: '已安排', held: '已约谈' };

/** What bureaus write (seed 002 严格问责; the usual measures of 问责): offered, never imposed. */
const MEASURE_SUGGESTIONS = ['通报批评', '诫勉谈话', '约谈提醒', '责令书面检查', '取消年度评先评优资格', '调整岗位', '移交纪检监察机关'];

/**
 * 问责: the accountability records opened with the formal talk of an overdue problem's top escalation level,
 * pending first, in the caller's scope; filtered by status and area in the address (and, from a link, by a
 * problem or a formal talk); a pending one completed with the measure taken, after a confirmation.
 */
export default function AccountabilityPage() {
  const { values, page, pageSize, set } = useSearchState(['status', 'unitId', 'problemId', 'formalTalkId'] as const);
  const [completing, setCompleting] = useState<AccountabilityRecord | null>(null);
  const query: Query = {
    status: values.status as Query['status'],
    unitId: values.unitId,
    problemId: values.problemId,
    formalTalkId: values.formalTalkId ? [values.formalTalkId] : undefined,
    page,
    pageSize,
  };
  const records = useQuery({
    queryKey: ['accountability', query],
    queryFn: () => must(api.GET('/api/accountability', { params: { query } })),
    placeholderData: (previous) => previous,
  });
  const narrowed = values.problemId || values.formalTalkId;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          问责
        </Typography.Title>
        <Select
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={values.status}
          onChange={(status?: string) => set({ status })}
          options={Object.entries(ACCOUNTABILITY_STATUS).map(([value, s]) => ({ value, label: s.text }))}
        />
        <div style={{ width: 240 }} aria-label="按单位筛选">
          <UnitPicker value={values.unitId} onChange={(unitId) => set({ unitId })} />
        </div>
        {values.unitId && <Button onClick={() => set({ unitId: undefined })}>全部单位</Button>}
        {narrowed && (
          <Tag closable onClose={() => set({ problemId: undefined, formalTalkId: undefined })}>
            {values.problemId ? '仅此问题的问责' : '仅此约谈的问责'}
          </Tag>
        )}
      </Space>
      <QueryState query={records}>
        {(data) => (
          <Table<AccountabilityRecord>
            rowKey="id"
            dataSource={data.items}
            data-testid="accountability-table"
            locale={{ emptyText: '暂无问责记录' }}
            scroll={{ x: 960 }}
            pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
            columns={[
              {
                title: '状态',
                width: 90,
                render: (_, r) => <Tag color={ACCOUNTABILITY_STATUS[r.status].color}>{ACCOUNTABILITY_STATUS[r.status].text}</Tag>,
              },
              { title: '责任单位', dataIndex: 'unitName', width: 140 },
              {
                title: '问题',
                render: (_, r) => (
                  <Space direction="vertical" size={2}>
                    <Link to={`/problems?problem=${r.problemId}`}>{r.problemDescription}</Link>
                    <Space size={4} wrap>
                      <Tag>{PROBLEM_CATEGORIES[r.problemCategory].label}</Tag>
                      <ProblemStatusTag status={r.problemStatus} />
                    </Space>
                  </Space>
                ),
              },
              {
                title: '约谈',
                width: 190,
                render: (_, r) => (
                  <Space direction="vertical" size={2}>
                    <Link to="/formal-talks">
                      第 {r.talkLevel} 级约谈 · {TALK_STATUS[r.talkStatus] ?? r.talkStatus}
                    </Link>
                    {r.talkHeldAt ? (
                      <Typography.Text type="secondary">约谈于 {formatDateTime(r.talkHeldAt)}</Typography.Text>
                    ) : r.talkScheduledAt ? (
                      <Typography.Text type="secondary">安排于 {formatDateTime(r.talkScheduledAt)}</Typography.Text>
                    ) : null}
                  </Space>
                ),
              },
              { title: '启动时间', width: 150, render: (_, r) => formatDateTime(r.createdAt) },
              {
                title: '问责措施',
                width: 200,
                render: (_, r) =>
                  r.status === 'completed' ? (
                    <Space direction="vertical" size={2}>
                      <span data-testid="accountability-measure">{r.measure}</span>
                      <Typography.Text type="secondary">
                        {r.completedByName ?? ''} {r.completedAt ? formatDateTime(r.completedAt) : ''}
                      </Typography.Text>
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '操作',
                width: 110,
                fixed: 'right',
                render: (_, r) =>
                  r.status === 'pending' && (
                    <Button size="small" type="primary" onClick={() => setCompleting(r)}>
                      记录问责
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      {completing && <CompleteDialog record={completing} onClose={() => setCompleting(null)} />}
    </Space>
  );
}

/** The measure in the manager's words (suggestions offered), then a confirmation: a completed record is final. */
function CompleteDialog({ record, onClose }: { record: AccountabilityRecord; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ measure: string }>();
  const [measure, setMeasure] = useState<string | null>(null);
  const complete = useMutation({
    mutationFn: (text: string) =>
      must(api.POST('/api/accountability/{id}/complete', { params: { path: { id: record.id } }, body: { measure: text } })),
    onSuccess: () => {
      void message.success('问责已记录');
      void queryClient.invalidateQueries({ queryKey: ['accountability'] });
      onClose();
    },
    // Completed meanwhile (409) or gone: the list behind the dialog shows it as it now stands.
    onError: () => void queryClient.invalidateQueries({ queryKey: ['accountability'] }),
  });
  return (
    <Modal
      open
      title={measure === null ? `记录问责：${record.unitName}` : '确认记录问责'}
      okText={measure === null ? '下一步' : '确认记录'}
      cancelText={measure === null ? '取消' : '返回修改'}
      okButtonProps={{ danger: measure !== null }}
      confirmLoading={complete.isPending}
      onCancel={() => {
        if (measure === null) onClose();
        else {
          complete.reset();
          setMeasure(null);
        }
      }}
      onOk={() => (measure === null ? void form.validateFields().then((v) => setMeasure(v.measure.trim())) : complete.mutate(measure))}
    >
      <Typography.Paragraph type="secondary">问题：{record.problemDescription}</Typography.Paragraph>
      <Form form={form} layout="vertical" style={{ display: measure === null ? undefined : 'none' }}>
        <Form.Item
          label="问责措施"
          name="measure"
          rules={[
            { required: true, whitespace: true, message: '请填写问责措施' },
            { max: 5000, message: '不超过 5000 字' },
          ]}
        >
          <AutoComplete
            aria-label="问责措施"
            options={MEASURE_SUGGESTIONS.map((value) => ({ value }))}
            placeholder="如：通报批评、诫勉谈话，或写明具体措施"
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
          />
        </Form.Item>
      </Form>
      {measure !== null && (
        <Alert
          type="warning"
          showIcon
          message={`对 ${record.unitName} 记录问责措施「${measure}」？`}
          description="记录后该问责即为已完成，不能再修改。"
        />
      )}
      <ApiErrorAlert error={complete.error} />
    </Modal>
  );
}
