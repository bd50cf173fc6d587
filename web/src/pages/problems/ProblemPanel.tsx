import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  PROBLEM_CATEGORIES,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUS_LABELS,
  checkProblemTransition,
  type ProblemAction,
  type ProblemStatus,
} from '../../../../src/domain/rectification';
import { api, must } from '../../api/client';
import { useCurrentUser } from '../../auth';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DueCell } from '../../components/DueCell';
import { QueryState } from '../../components/QueryState';
import { UnitName } from '../../components/UnitName';
import { formatDateTime } from '../../lib/dates';
import { EvidencePanel } from '../task/EvidencePanel';

type ProblemDetail = ApiData<'/api/problems/{id}', 'get'>;

export const PROBLEM_STATUS_COLORS: Record<ProblemStatus, string> = {
  open: 'red',
  plan_submitted: 'orange',
  rectifying: 'blue',
  fix_reported: 'purple',
  cleared: 'green',
};

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  return (
    <Tag color={PROBLEM_STATUS_COLORS[status]} data-testid="problem-status">
      {PROBLEM_STATUS_LABELS[status]}
    </Tag>
  );
}

const EVENT_LABELS: Record<string, string> = {
  created: '发现问题',
  merged: '再次报告（合并）',
  submit_plan: '提交整改方案',
  start: '开始整改',
  report_fix: '报告整改完成',
  verify: '核实销号',
  refuse: '核实不通过',
  reopen: '重新打开（复发）',
  reopened: '再次发现（复发）',
};

/** Each action: its button, what its dialog asks for (none: done at once), and the body the API takes. */
const ACTIONS: {
  action: ProblemAction;
  path: 'plan' | 'start' | 'report-fix' | 'verify' | 'refuse' | 'reopen';
  label: string;
  field?: { name: 'plan' | 'note' | 'reason'; label: string; required: boolean };
  danger?: boolean;
}[] = [
  { action: 'submit_plan', path: 'plan', label: '提交整改方案', field: { name: 'plan', label: '整改方案', required: true } },
  { action: 'start', path: 'start', label: '开始整改' },
  { action: 'report_fix', path: 'report-fix', label: '报告整改完成', field: { name: 'note', label: '整改情况', required: true } },
  { action: 'verify', path: 'verify', label: '核实销号', field: { name: 'reason', label: '核实意见（可选）', required: false } },
  { action: 'refuse', path: 'refuse', label: '核实不通过', field: { name: 'reason', label: '不通过的理由', required: true }, danger: true },
  {
    action: 'reopen',
    path: 'reopen',
    label: '重新打开（复发）',
    field: { name: 'reason', label: '再次发现的情况', required: true },
    danger: true,
  },
];

/**
 * A problem's rectification: its state, the next actions its state allows (who may take them is the
 * server's rule: a refusal, e.g. a verification from inside the unit, is shown in its words), the fix's
 * evidence on its task, and its history.
 */
export function ProblemPanel({ id }: { id: string }) {
  const problem = useQuery({ queryKey: ['problem', id], queryFn: () => must(api.GET('/api/problems/{id}', { params: { path: { id } } })) });
  return <QueryState query={problem}>{(p) => <ProblemView problem={p} />}</QueryState>;
}

/** The same panel in a drawer over a list or the board; `id` undefined closes it. */
export function ProblemDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  return (
    <Drawer open={!!id} onClose={onClose} title="问题整改" width={640} destroyOnHidden>
      {id && <ProblemPanel id={id} />}
    </Drawer>
  );
}

function ProblemView({ problem }: { problem: ProblemDetail }) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<(typeof ACTIONS)[number] | null>(null);
  const [form] = Form.useForm<Record<string, string>>();
  const act = useMutation({
    mutationFn: ({ path, body }: { path: (typeof ACTIONS)[number]['path']; body: Record<string, string> }) =>
      // One call for six routes of the same shape; the body is the dialog's field, checked by the server.
      must(
        api.POST(`/api/problems/{id}/${path}` as '/api/problems/{id}/plan', { params: { path: { id: problem.id } }, body: body as never }),
      ),
    onSuccess: (_, v) => {
      void message.success(`${ACTIONS.find((a) => a.path === v.path)?.label ?? ''}：已完成`);
      setDialog(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['problem', problem.id] });
      void queryClient.invalidateQueries({ queryKey: ['problems'] });
      void queryClient.invalidateQueries({ queryKey: ['problem-board'] });
    },
  });
  // 问责 is for managers and admins (staff are refused the list): its records of this problem, if any.
  const accountability = useQuery({
    queryKey: ['accountability', 'of-problem', problem.id],
    queryFn: () => must(api.GET('/api/accountability', { params: { query: { problemId: problem.id } } })),
    enabled: user.role !== 'staff',
  });
  // What the state allows; the unit's side and the verifier's are both offered, the server decides who.
  const next = ACTIONS.filter((a) => checkProblemTransition(a.action, problem.status, ['unit', 'supervisor', 'verifier']).ok);
  const run = (a: (typeof ACTIONS)[number]) => {
    act.reset();
    if (a.field) setDialog(a);
    else act.mutate({ path: a.path, body: {} });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <ProblemStatusTag status={problem.status} />
        {problem.recurrences > 0 && <Tag color="volcano">复发 {problem.recurrences} 次</Tag>}
        {problem.refusals > 0 && <Tag>核实不通过 {problem.refusals} 次</Tag>}
        {problem.reports > 1 && <Tag>报告 {problem.reports} 次</Tag>}
      </Space>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="问题">{problem.description}</Descriptions.Item>
        <Descriptions.Item label="责任单位">
          <UnitName id={problem.unitId} />
        </Descriptions.Item>
        <Descriptions.Item label="来源">{PROBLEM_SOURCE_LABELS[problem.source]}</Descriptions.Item>
        <Descriptions.Item label="类别">{PROBLEM_CATEGORIES[problem.category].label}</Descriptions.Item>
        {problem.inspectingUnitId && (
          <Descriptions.Item label="检查单位">
            <UnitName id={problem.inspectingUnitId} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="整改时限">
          <DueCell dueAt={problem.dueAt} finished={problem.status === 'cleared'} />
        </Descriptions.Item>
        {problem.evidence && <Descriptions.Item label="发现时佐证">{problem.evidence}</Descriptions.Item>}
        {problem.plan && <Descriptions.Item label="整改方案">{problem.plan}</Descriptions.Item>}
        {problem.fixNote && <Descriptions.Item label="整改情况">{problem.fixNote}</Descriptions.Item>}
        {problem.clearedAt && <Descriptions.Item label="销号时间">{formatDateTime(problem.clearedAt)}</Descriptions.Item>}
        {problem.taskId && (
          <Descriptions.Item label="整改任务">
            <Link to={`/tasks/${problem.taskId}`}>打开任务</Link>
          </Descriptions.Item>
        )}
        {accountability.data && accountability.data.total > 0 && (
          <Descriptions.Item label="问责">
            <Link to={`/accountability?problemId=${problem.id}`} data-testid="problem-accountability">
              {accountability.data.items.some((r) => r.status === 'pending') ? '待问责' : '已问责'}（{accountability.data.total} 条记录）
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {problem.status === 'fix_reported' && !problem.mayVerify && (
        <Alert type="info" showIcon message="核实销号须由责任单位以外的人员（检查组、乡镇或县局）进行。" />
      )}
      <Space wrap>
        {next.map((a) => (
          <Button
            key={a.path}
            type={a.danger ? 'default' : 'primary'}
            danger={a.danger}
            loading={act.isPending && !dialog}
            onClick={() => run(a)}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      {!dialog && <ApiErrorAlert error={act.error} />}
      {problem.taskId && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            整改佐证
          </Typography.Title>
          <EvidencePanel
            taskId={problem.taskId}
            canAdd={problem.status === 'rectifying' || problem.status === 'open' || problem.status === 'plan_submitted'}
          />
        </>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        整改记录
      </Typography.Title>
      <Timeline
        data-testid="problem-history"
        items={problem.events.map((e) => ({
          key: e.id,
          color: e.action === 'refuse' ? 'red' : e.toStatus === 'cleared' ? 'green' : 'blue',
          children: (
            <span>
              {formatDateTime(e.createdAt)} {EVENT_LABELS[e.action] ?? e.action} → {PROBLEM_STATUS_LABELS[e.toStatus]}
              {e.reason ? `：${e.reason}` : ''}
            </span>
          ),
        }))}
      />
      <Modal
        open={dialog !== null}
        title={dialog?.label}
        okText="确定"
        cancelText="取消"
        confirmLoading={act.isPending}
        onCancel={() => setDialog(null)}
        onOk={() => void form.validateFields().then((v) => dialog && act.mutate({ path: dialog.path, body: trimmed(v) }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.field && (
            <Form.Item
              label={dialog.field.label}
              name={dialog.field.name}
              rules={dialog.field.required ? [{ required: true, whitespace: true, message: '必填' }] : []}
            >
              <Input.TextArea rows={3} maxLength={dialog.field.name === 'reason' ? 2000 : 5000} />
            </Form.Item>
          )}
        </Form>
        {dialog && <ApiErrorAlert error={act.error} />}
      </Modal>
    </Space>
  );
}

/** Optional fields left empty are not sent (the API refuses an empty reason). */
function trimmed(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : [])));
}
