import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  CASE_STATUS_LABELS,
  CLOSE_REASON_LABELS,
  CLOSE_REASONS,
  HANDLING_CATEGORY_LABELS,
  type CaseStatus,
} from '../../../../src/domain/treatment-round';
import { api, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { useCurrentUser } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDateTime } from '../../lib/dates';

type Case = ApiData<'/api/treatment-cases/{id}', 'get'>;
type Action = 'refer' | 'admit' | 'treat' | 'close' | 'reopen' | 'hospital';

const ACTION_LABELS: Record<Action, string> = {
  refer: '转诊',
  admit: '入院',
  treat: '救治完成',
  close: '关闭病例',
  reopen: '重新开启',
  hospital: '改派医院',
};
const OUTCOME_LABELS: Record<string, string> = { discharged: '已出院', maintenance: '维持治疗' };
export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  identified: 'blue',
  referred: 'gold',
  admitted: 'orange',
  treated: 'green',
  closed: 'default',
};

/** What a case's status allows next; the server decides who may (referring centre, hospital, managers). */
function actionsFor(status: string, role: string): Action[] {
  const next: Record<string, Action[]> = {
    identified: ['refer', 'close'],
    referred: ['admit', 'close'],
    admitted: ['treat', 'close'],
    treated: [],
    closed: role === 'staff' ? [] : ['reopen'],
  };
  return [...(next[status] ?? []), ...(role !== 'staff' && status !== 'treated' && status !== 'closed' ? (['hospital'] as const) : [])];
}

/** 救治病例: one case of a treatment round, its stages so far, and the next step, each with the server's refusal shown. */
export function CasePanel({ caseId }: { caseId: string }) {
  const found = useQuery({
    queryKey: ['treatment-case', caseId],
    queryFn: () => must(api.GET('/api/treatment-cases/{id}', { params: { path: { id: caseId } } })),
  });
  return <QueryState query={found}>{(c) => <CaseView treatmentCase={c} />}</QueryState>;
}

function CaseView({ treatmentCase: c }: { treatmentCase: Case }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<{ reason?: string; outcome?: string; closeReason?: string; hospitalUnitId?: string }>();
  const act = useMutation({
    mutationFn: (v: { reason?: string; outcome?: string; closeReason?: string; hospitalUnitId?: string }) => {
      const path = { params: { path: { id: c.id } } };
      switch (action) {
        case 'refer':
          return must(api.POST('/api/treatment-cases/{id}/refer', { ...path, body: { reason: v.reason } }));
        case 'admit':
          return must(api.POST('/api/treatment-cases/{id}/admit', { ...path, body: { reason: v.reason } }));
        case 'treat':
          return must(
            api.POST('/api/treatment-cases/{id}/treat', {
              ...path,
              body: { reason: v.reason, outcome: v.outcome as 'discharged' | 'maintenance' },
            }),
          );
        case 'close':
          return must(
            api.POST('/api/treatment-cases/{id}/close', {
              ...path,
              body: { closeReason: v.closeReason as (typeof CLOSE_REASONS)[number], reason: v.reason ?? '' },
            }),
          );
        case 'reopen':
          return must(api.POST('/api/treatment-cases/{id}/reopen', { ...path, body: { reason: v.reason ?? '' } }));
        default:
          return must(
            api.POST('/api/treatment-cases/{id}/hospital', {
              ...path,
              body: { hospitalUnitId: v.hospitalUnitId ?? '', reason: v.reason ?? '' },
            }),
          );
      }
    },
    onSuccess: () => {
      setAction(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['treatment-case', c.id] });
      void queryClient.invalidateQueries({ queryKey: ['treatment-cases'] });
      void queryClient.invalidateQueries({ queryKey: ['task'] });
    },
  });
  const reasonRequired = action === 'close' || action === 'reopen' || action === 'hospital';

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="患者">
          {c.personName}（{c.idNumberMasked}，{c.age} 岁）
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={CASE_STATUS_COLORS[c.status]} data-testid="case-status">
            {CASE_STATUS_LABELS[c.status]}
          </Tag>
          {c.outcome && OUTCOME_LABELS[c.outcome]}
          {c.closeReason && CLOSE_REASON_LABELS[c.closeReason]}
        </Descriptions.Item>
        <Descriptions.Item label="病种">
          {c.diseaseCode} {c.diseaseName}
        </Descriptions.Item>
        <Descriptions.Item label="类别">{HANDLING_CATEGORY_LABELS[c.handling] ?? c.handling}</Descriptions.Item>
        <Descriptions.Item label="村">{c.villageName}</Descriptions.Item>
        <Descriptions.Item label="定点医院">{c.hospitalName ?? '—'}</Descriptions.Item>
        {c.stageTaskId && (
          <Descriptions.Item label="本阶段任务">
            <Link to={`/tasks/${c.stageTaskId}`}>截止 {c.stageDueAt ? formatDateTime(c.stageDueAt) : '—'}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap>
        {actionsFor(c.status, user.role).map((a) => (
          <Button
            key={a}
            type={a === 'close' || a === 'reopen' || a === 'hospital' ? 'default' : 'primary'}
            danger={a === 'close'}
            onClick={() => setAction(a)}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
      </Space>
      <Typography.Text strong>办理记录</Typography.Text>
      <Timeline
        items={c.events.map((e) => ({
          key: e.id,
          children: `${formatDateTime(e.createdAt)} ${CASE_STATUS_LABELS[e.toStatus]}${e.reason ? `：${e.reason}` : ''}`,
        }))}
      />
      <Modal
        open={action !== null}
        title={action ? `${ACTION_LABELS[action]}：${c.personName}` : ''}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ danger: action === 'close' }}
        confirmLoading={act.isPending}
        onCancel={() => {
          setAction(null);
          act.reset();
        }}
        onOk={() => void form.validateFields().then((v) => act.mutate(v))}
      >
        <Form form={form} layout="vertical">
          {action === 'treat' && (
            <Form.Item label="救治结果" name="outcome" rules={[{ required: true, message: '请选择救治结果' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          )}
          {action === 'close' && (
            <>
              <Alert type="warning" style={{ marginBottom: 12 }} message="本人拒绝的，须先在本阶段任务上传签字材料。" />
              <Form.Item label="关闭原因" name="closeReason" rules={[{ required: true, message: '请选择关闭原因' }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={CLOSE_REASONS.map((r) => ({ value: r, label: CLOSE_REASON_LABELS[r] }))}
                />
              </Form.Item>
            </>
          )}
          {action === 'hospital' && (
            <Form.Item label="定点医院" name="hospitalUnitId" rules={[{ required: true, message: '请选择医院' }]}>
              <UnitPicker kind="designated_hospital" />
            </Form.Item>
          )}
          <Form.Item
            label={reasonRequired ? '理由' : '说明（可选）'}
            name="reason"
            rules={reasonRequired ? [{ required: true, message: '请填写理由' }] : []}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {act.error && <Alert type="error" message={act.error.message} />}
        </Form>
      </Modal>
    </Space>
  );
}
