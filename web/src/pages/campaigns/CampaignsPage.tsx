import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import type { ApiItem } from '../../api/types';
import { useCurrentUser } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { formatLocalDate } from '../../lib/dates';
import { CAMPAIGN_STATUS_LABELS } from '../../lib/labels';
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

interface CampaignForm {
  name: string;
  template: 're_identification' | 'treatment_round';
  scopeUnitId: string;
  startsOn: string;
  endsOn: string;
  dueAt: string;
  responsibleUnitKind: 'village_clinic' | 'health_centre' | 'community_health_centre';
  round?: string;
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式如 2027-03-25' };

function CreateCampaignDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CampaignForm>();
  const navigate = useNavigate();
  const template = Form.useWatch('template', form);
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
            steps: [
              {
                dueAt: v.dueAt,
                responsibleUnitKind: v.responsibleUnitKind,
                ...(v.template === 'treatment_round' && v.round ? { round: JSON.parse(v.round) as Record<string, unknown> } : {}),
              },
            ],
          },
        }),
      ),
    onSuccess: (campaign) => void navigate(`/campaigns/${campaign.id}`),
  });
  return (
    <Modal
      open
      title="新建专项行动"
      okText="创建"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ template: 're_identification', responsibleUnitKind: 'village_clinic' }}>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="2027年疾病再识别" />
        </Form.Item>
        <Form.Item label="模板" name="template">
          <Select
            showSearch
            optionFilterProp="label"
            options={[
              { value: 're_identification', label: '疾病再识别' },
              { value: 'treatment_round', label: '大病集中救治' },
            ]}
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
          <Form.Item label="完成时限" name="dueAt" rules={[{ required: true, message: '必填' }, DATE]}>
            <Input placeholder="2027-03-25" />
          </Form.Item>
        </Space>
        <Form.Item label="责任单位" name="responsibleUnitKind">
          <Select
            showSearch
            optionFilterProp="label"
            options={[
              { value: 'village_clinic', label: '村卫生室' },
              { value: 'health_centre', label: '乡镇卫生院' },
              { value: 'community_health_centre', label: '社区卫生服务中心' },
            ]}
          />
        </Form.Item>
        {template === 'treatment_round' && (
          <Form.Item
            label="救治批次定义（JSON）"
            name="round"
            rules={[
              { required: true, message: '请填写批次定义' },
              {
                validator: (_, value: string) => {
                  try {
                    JSON.parse(value);
                    return Promise.resolve();
                  } catch {
                    return Promise.reject(new Error('不是有效的 JSON'));
                  }
                },
              },
            ]}
            extra="病种、定点医院、目标救治率等，格式见 README「大病集中救治」"
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        )}
        {create.error && <Alert type="error" message={create.error.message} />}
      </Form>
    </Modal>
  );
}
