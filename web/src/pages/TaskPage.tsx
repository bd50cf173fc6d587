import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { ApiData } from '../api/types';
import { useCurrentUser } from '../auth';
import { DueCell } from '../components/DueCell';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../lib/dates';
import { TASK_STATUS_LABELS } from '../lib/labels';
import { EvidencePanel } from './task/EvidencePanel';
import { FollowUpsPanel } from './task/FollowUpsPanel';
import { InspectionPanel } from './task/InspectionPanel';
import { ItemsPanel } from './task/ItemsPanel';
import { ProblemPanel } from './problems/ProblemPanel';
import { StageCasePanel } from './treatment/StageCasePanel';

type TaskDetail = ApiData<'/api/tasks/{id}', 'get'>;

/** The tab a kind of task brings: its persons, its follow-ups, or the treatment case it is a stage of. */
const STAGE_TAB = { key: 'case', label: '救治病例', render: (task: TaskDetail) => <StageCasePanel task={task} /> };
const OWN_TAB: Record<string, { key: string; label: string; render: (task: TaskDetail, canRecord: boolean) => ReactNode } | undefined> = {
  re_identification: { key: 'items', label: '识别人员', render: (task, canRecord) => <ItemsPanel task={task} canRecord={canRecord} /> },
  follow_up: { key: 'follow-ups', label: '随访', render: (task, canRecord) => <FollowUpsPanel taskId={task.id} canRecord={canRecord} /> },
  case_referral: STAGE_TAB,
  case_admission: STAGE_TAB,
  case_treatment: STAGE_TAB,
  cross_check_inspection: {
    key: 'checklist',
    label: '检查清单',
    render: (task, canRecord) => <InspectionPanel taskId={task.id} canRecord={canRecord} />,
  },
  rectification: { key: 'problem', label: '整改问题', render: (task) => <TaskProblem task={task} /> },
};
/** Tasks that finish with what they follow (a case's stage, the last follow-up), never by a submission. */
const NOT_SUBMITTED = ['case_referral', 'case_admission', 'case_treatment', 'follow_up', 'rectification'];

/** A rectification task names its problem in its creation (a reopened problem's earlier tasks too). */
function TaskProblem({ task }: { task: TaskDetail }) {
  const problemId = task.history.find((e) => e.action === 'created' && typeof e.details.problemId === 'string')?.details.problemId;
  return typeof problemId === 'string' ? <ProblemPanel id={problemId} /> : <Alert type="warning" message="未找到此任务的问题" />;
}

const ACTION_LABELS: Record<string, string> = {
  created: '创建',
  started: '开始',
  submitted: '提交',
  approved: '审核通过',
  returned: '退回',
  cancelled: '取消',
  reassigned: '改派',
  extended: '延期',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_rejected: '不同意延期',
  reminded: '提醒',
  escalated: '升级',
};

/** 任务详情: the task, its deadline schedule, its persons and evidence, and what the signed-in user may do with it. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const task = useQuery({ queryKey: ['task', id], queryFn: () => must(api.GET('/api/tasks/{id}', { params: { path: { id } } })) });
  return <QueryState query={task}>{(data) => <TaskView task={data} />}</QueryState>;
}

function TaskView({ task }: { task: TaskDetail }) {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const status = TASK_STATUS_LABELS[task.status] ?? { text: task.status, color: 'default' };
  const finished = task.status === 'approved' || task.status === 'cancelled';
  const isWorker = user.unitId === task.unitId && user.role === 'staff';
  const ownTab = OWN_TAB[task.kind];
  const tab = params.get('tab') ?? ownTab?.key ?? 'evidence';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {task.title}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={status.color} data-testid="task-status">
            {status.text}
          </Tag>
          {task.escalationLevel > 0 && <Tag color="red">已升级至第 {task.escalationLevel} 级</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="截止时间">
            <DueCell dueAt={task.dueAt} finished={finished} />
          </Descriptions.Item>
          <Descriptions.Item label="下次提醒">
            {task.schedule.nextReminder ? formatDateTime(task.schedule.nextReminder.at) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="下次升级">
            {task.schedule.nextEscalation
              ? `${formatDateTime(task.schedule.nextEscalation.at)}（第 ${task.schedule.nextEscalation.level} 级）`
              : '—'}
          </Descriptions.Item>
          {task.description && <Descriptions.Item label="说明">{task.description}</Descriptions.Item>}
        </Descriptions>
        <TaskActions task={task} isWorker={isWorker} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            ...(ownTab
              ? [
                  {
                    key: ownTab.key,
                    label: ownTab.label,
                    children: ownTab.render(task, isWorker && (task.status === 'open' || task.status === 'in_progress')),
                  },
                ]
              : []),
            { key: 'evidence', label: '佐证资料', children: <EvidencePanel taskId={task.id} canAdd={isWorker && !finished} /> },
            {
              key: 'history',
              label: '办理记录',
              children: (
                <Timeline
                  items={task.history.map((e) => ({
                    key: e.id,
                    children: (
                      <span>
                        {formatDateTime(e.at)} {ACTION_LABELS[e.action] ?? e.action}
                        {e.reason ? `：${e.reason}` : ''}
                      </span>
                    ),
                  }))}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

const DIALOG_TITLES = { return: '退回任务', extension: '申请延期', refuse: '不同意延期' } as const;

/** Submit (the unit's staff), approve or return (a manager above), ask for more time and decide on it. */
function TaskActions({ task, isWorker }: { task: TaskDetail; isWorker: boolean }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'return' | 'extension' | 'refuse' | null>(null);
  const [form] = Form.useForm<{ reason: string; newDueAt?: string }>();
  const done = (text: string) => {
    void message.success(text);
    setDialog(null);
    form.resetFields();
    void queryClient.invalidateQueries({ queryKey: ['task', task.id] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
  const path = { params: { path: { id: task.id } } };
  const submit = useMutation({
    mutationFn: () => must(api.POST('/api/tasks/{id}/submit', path)),
    onSuccess: () => done('已提交，等待审核'),
  });
  const approve = useMutation({ mutationFn: () => must(api.POST('/api/tasks/{id}/approve', path)), onSuccess: () => done('已审核通过') });
  const giveBack = useMutation({
    mutationFn: (reason: string) => must(api.POST('/api/tasks/{id}/return', { ...path, body: { reason } })),
    onSuccess: () => done('已退回'),
  });
  const extension = useMutation({
    mutationFn: (v: { reason: string; newDueAt?: string }) =>
      must(api.POST('/api/tasks/{id}/extension-requests', { ...path, body: { reason: v.reason, newDueAt: v.newDueAt ?? '' } })),
    onSuccess: () => done('延期申请已提交'),
  });
  const decide = useMutation({
    mutationFn: (v: { approve: boolean; reason?: string }) =>
      must(
        api.POST('/api/tasks/{id}/extension-requests/{requestId}/decision', {
          params: { path: { id: task.id, requestId: task.pendingExtension!.id } },
          body: v,
        }),
      ),
    onSuccess: (_, v) => done(v.approve ? '已同意延期' : '已不同意延期'),
  });
  const error = [submit, approve, giveBack, extension, decide].find((m) => m.isError)?.error;
  const canReview = user.role !== 'staff' && task.status === 'submitted';
  const open = task.status === 'open' || task.status === 'in_progress';

  return (
    <div style={{ marginTop: 12 }}>
      {error && (
        <Typography.Paragraph type="danger" role="alert" data-testid="action-error">
          {error.message}
        </Typography.Paragraph>
      )}
      {task.pendingExtension && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={`延期申请：延至 ${formatDateTime(task.pendingExtension.requestedDueAt)}`}
          description={`理由：${task.pendingExtension.reason}`}
          data-testid="pending-extension"
          action={
            user.role !== 'staff' && (
              <Space direction="vertical">
                <Button size="small" type="primary" loading={decide.isPending} onClick={() => decide.mutate({ approve: true })}>
                  同意
                </Button>
                <Button size="small" danger onClick={() => setDialog('refuse')}>
                  不同意
                </Button>
              </Space>
            )
          }
        />
      )}
      <Space wrap>
        {isWorker && open && !NOT_SUBMITTED.includes(task.kind) && (
          <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>
            提交审核
          </Button>
        )}
        {isWorker && open && !task.pendingExtension && <Button onClick={() => setDialog('extension')}>申请延期</Button>}
        {canReview && (
          <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
            审核通过
          </Button>
        )}
        {canReview && (
          <Button danger onClick={() => setDialog('return')}>
            退回
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={DIALOG_TITLES[dialog ?? 'return']}
        okText="确定"
        cancelText="取消"
        confirmLoading={giveBack.isPending || extension.isPending || decide.isPending}
        onCancel={() => setDialog(null)}
        onOk={() => void form.validateFields().then((v) => (dialog === 'return' ? giveBack.mutate(v.reason) : extension.mutate(v)))}
      >
        <Form form={form} layout="vertical">
          {dialog === 'extension' && (
            <Form.Item
              label="延期至（日期）"
              name="newDueAt"
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请输入日期，如 2027-04-10' }]}
            >
              <Input placeholder="2027-04-10" />
            </Form.Item>
          )}
          <Form.Item label="理由" name="reason" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
