import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import type { paths } from '../../api/schema';
import type { ApiData, ApiItem } from '../../api/types';
import { useCurrentUser } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { formatLocalDate } from '../../lib/dates';
import { CAMPAIGN_STATUS_LABELS, UNIT_KIND_LABELS } from '../../lib/labels';
import { startRuleText } from '../../lib/step-rules';
import { useSearchState } from '../../lib/use-search-state';

type Campaign = ApiItem<'/api/campaigns', 'get'>;

/** 专项行动: the campaigns of my area; admins create one from a template here. */
export default function CampaignsPage() {
  const user = useCurrentUser();
  const { values, page, pageSize, set } = useSearchState(['status'] as const);
  const [creating, setCreating] = useState(false);
  const campaigns = useQuery({
    queryKey: ['campaigns', values, page, pageSize],
    queryFn: () =>
      must(api.GET('/api/campaigns', { params: { query: { page, pageSize, status: values.status as Campaign['status'] | undefined } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        专项行动
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          value={values.status}
          onChange={(status?: string) => set({ status })}
          style={{ width: 160 }}
          options={Object.entries(CAMPAIGN_STATUS_LABELS).map(([value, { text }]) => ({ value, label: text }))}
        />
        {user.role === 'admin' && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建专项行动
          </Button>
        )}
      </Space>
      <QueryState query={campaigns}>
        {(data) => (
          <Table<Campaign>
            rowKey="id"
            dataSource={data.items}
            locale={{ emptyText: '暂无专项行动' }}
            pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
            columns={[
              { title: '名称', render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
              {
                title: '状态',
                render: (_, c) => (
                  <Tag color={CAMPAIGN_STATUS_LABELS[c.status]?.color}>{CAMPAIGN_STATUS_LABELS[c.status]?.text ?? c.status}</Tag>
                ),
              },
              { title: '起止', render: (_, c) => `${formatLocalDate(c.startsOn)} — ${formatLocalDate(c.endsOn)}` },
            ]}
          />
        )}
      </QueryState>
      {creating && <CreateCampaignDialog onClose={() => setCreating(false)} />}
    </Space>
  );
}

type Template = ApiData<'/api/campaign-templates', 'get'>[number];
type CreateBody = NonNullable<paths['/api/campaigns']['post']['requestBody']>['content']['application/json'];

/** Short names for the template picker (the server's full name shows beneath it). */
const TEMPLATE_LABELS: Record<string, string> = {
  re_identification: '疾病再识别',
  treatment_round: '大病集中救治',
  cross_check: '村与村交叉排查',
  qingling_year: '问题清零行动（再识别·两轮交叉排查·整改销号）',
  re_identification_treatment: '再识别后大病救治',
};

interface StepForm {
  dueAt: string;
  responsibleUnitKind: CreateBody['steps'][number]['responsibleUnitKind'];
  startsAt?: string;
  round?: string;
}

interface CampaignForm {
  name: string;
  template: CreateBody['template'];
  scopeUnitId: string;
  startsOn: string;
  endsOn: string;
  steps: StepForm[];
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式如 2027-03-25' };
const MOMENT = { pattern: /^\d{4}-\d{2}-\d{2}(T.+)?$/, message: '日期如 2027-03-25，或带时刻如 2027-05-15T09:00+08:00' };
const JSON_TEXT = {
  validator: (_: unknown, value: string) => {
    try {
      JSON.parse(value);
      return Promise.resolve();
    } catch {
      return Promise.reject(new Error('不是有效的 JSON'));
    }
  },
};

function CreateCampaignDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CampaignForm>();
  const navigate = useNavigate();
  const templates = useQuery({ queryKey: ['campaign-templates'], queryFn: () => must(api.GET('/api/campaign-templates')) });
  const key = Form.useWatch('template', form) ?? 're_identification';
  const template = templates.data?.find((t) => t.key === key);
  const create = useMutation({
    mutationFn: (v: CampaignForm) =>
      must(
        api.POST('/api/campaigns', {
          body: {
            name: v.name,
            template: v.template,
            scopeUnitId: v.scopeUnitId,
            startsOn: v.startsOn,
            endsOn: v.endsOn,
            steps: v.steps.map((st) => ({
              dueAt: st.dueAt,
              responsibleUnitKind: st.responsibleUnitKind,
              ...(st.startsAt ? { startsAt: st.startsAt } : {}),
              ...(st.round ? { round: JSON.parse(st.round) as Record<string, unknown> } : {}),
            })),
          },
        }),
      ),
    onSuccess: (campaign) => void navigate(`/campaigns/${campaign.id}`),
  });
  const chooseTemplate = (next: string) => {
    const chosen = templates.data?.find((t) => t.key === next);
    form.setFieldsValue({ steps: chosen?.steps.map((st) => ({ responsibleUnitKind: st.responsibleUnitKinds[0] })) ?? [] });
  };
  return (
    <Modal
      open
      title="新建专项行动"
      okText="创建"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ template: 're_identification', steps: [{ responsibleUnitKind: 'village_clinic' }] }}
      >
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="2027年疾病再识别" />
        </Form.Item>
        <Form.Item label="模板" name="template" extra={template?.name}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={templates.isLoading}
            onChange={chooseTemplate}
            options={(templates.data ?? []).map((t) => ({ value: t.key, label: TEMPLATE_LABELS[t.key] ?? t.name }))}
          />
        </Form.Item>
        <Form.Item label="范围（市、县区或乡镇）" name="scopeUnitId" rules={[{ required: true, message: '请选择范围' }]}>
          <UnitPicker />
        </Form.Item>
        <Space wrap>
          <Form.Item label="开始日期" name="startsOn" rules={[{ required: true, message: '必填' }, DATE]}>
            <Input placeholder="2027-03-01" />
          </Form.Item>
          <Form.Item label="结束日期" name="endsOn" rules={[{ required: true, message: '必填' }, DATE]}>
            <Input placeholder="2027-03-31" />
          </Form.Item>
        </Space>
        {template?.steps.map((st, i) => (
          <StepFields key={`${template.key}-${i}`} step={st} index={i} steps={template.steps} />
        ))}
        {templates.error && <Alert type="error" message={templates.error.message} />}
        {create.error && <Alert type="error" message={create.error.message} />}
      </Form>
    </Modal>
  );
}

/**
 * One step's fields. A one-step template asks plainly (完成时限, 责任单位); a longer one names each step and
 * offers a start date (不早于) beside the template's rule (after the step before).
 */
function StepFields({ step, index, steps }: { step: Template['steps'][number]; index: number; steps: Template['steps'] }) {
  const single = steps.length === 1;
  const label = (what: string) => (single ? what : `${step.title}${what}`);
  const fields = (
    <>
      <Space wrap>
        <Form.Item label={label('完成时限')} name={['steps', index, 'dueAt']} rules={[{ required: true, message: '必填' }, MOMENT]}>
          <Input placeholder="2027-03-25" />
        </Form.Item>
        {!single && index > 0 && (
          <Form.Item label={label('不早于')} name={['steps', index, 'startsAt']} rules={[MOMENT]}>
            <Input placeholder="可选，如 2027-05-15" />
          </Form.Item>
        )}
      </Space>
      <Form.Item label={label('责任单位')} name={['steps', index, 'responsibleUnitKind']} hidden={step.responsibleUnitKinds.length < 2}>
        <Select
          showSearch
          optionFilterProp="label"
          options={step.responsibleUnitKinds.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] ?? k }))}
        />
      </Form.Item>
      {step.kind === 'treatment_round' && (
        <Form.Item
          label={label('救治批次定义（JSON）')}
          name={['steps', index, 'round']}
          rules={[{ required: true, message: '请填写批次定义' }, JSON_TEXT]}
          extra="病种、定点医院、目标救治率等，格式见 README「大病集中救治」"
        >
          <Input.TextArea rows={5} />
        </Form.Item>
      )}
    </>
  );
  if (single) return fields;
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}>
      <legend style={{ width: 'auto', fontSize: 14, padding: '0 4px', margin: 0, border: 0 }}>
        第{index + 1}步 {step.title}
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {startRuleText({ startAfter: step.startAfter, startsAt: null }, steps)}
        </Typography.Text>
      </legend>
      {fields}
    </fieldset>
  );
}
