import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { FOLLOW_UPS_PER_YEAR } from '../../../../src/domain/follow-up';
import { api, download, must } from '../../api/client';
import type { ApiData, ApiItem } from '../../api/types';
import { Chart } from '../../components/Chart';
import { useCurrentUser } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { formatLocalDate } from '../../lib/dates';
import { useSearchState } from '../../lib/use-search-state';

type Plan = ApiItem<'/api/follow-up-plans', 'get'>;

/** 慢病签约随访: the follow-up rate (随访率) of my area, the contracted patients' plans, and plans made from results. */
export default function FollowUpsPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { page, pageSize, set } = useSearchState([] as const);
  const [creating, setCreating] = useState(false);
  const rates = useQuery({ queryKey: ['follow-up-rates'], queryFn: () => must(api.GET('/api/follow-ups/rates')) });
  const series = useQuery({
    queryKey: ['follow-up-rates-series'],
    queryFn: () => must(api.GET('/api/follow-ups/rates/series', { params: { query: { every: 'week' } } })),
  });
  const plans = useQuery({
    queryKey: ['follow-up-plans', page, pageSize],
    queryFn: () => must(api.GET('/api/follow-up-plans', { params: { query: { page, pageSize, active: 'true' } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        慢病签约随访
      </Typography.Title>
      <Card
        title="随访率"
        size="small"
        extra={
          <Button
            onClick={() =>
              void download(`/api/follow-ups/rates.xlsx${rates.data ? `?asOf=${rates.data.asOf}` : ''}`, '随访率.xlsx').catch((e: Error) =>
                message.error(e.message),
              )
            }
          >
            下载随访率表
          </Button>
        }
      >
        <QueryState query={rates}>
          {(r) => (
            <>
              <Typography.Paragraph>
                截至 {formatLocalDate(r.asOf)}，{r.unit.name}：应随访 {r.total.due} 人次，已随访 {r.total.done} 人次，随访率{' '}
                {r.total.rate ?? '—'}%
              </Typography.Paragraph>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={r.rows}
                columns={[
                  { title: '地区', dataIndex: 'label' },
                  { title: '应随访', dataIndex: 'due' },
                  { title: '已随访', dataIndex: 'done' },
                  { title: '随访率（%）', render: (_, row) => row.rate ?? '—' },
                ]}
              />
            </>
          )}
        </QueryState>
      </Card>
      <Card title="随访率变化（今年以来，每周）" size="small">
        <QueryState query={series}>{(data) => <RateSeries series={data} />}</QueryState>
      </Card>
      <Card
        title="签约随访计划"
        size="small"
        extra={
          user.role !== 'staff' && (
            <Button type="primary" onClick={() => setCreating(true)}>
              从识别结果生成
            </Button>
          )
        }
      >
        <QueryState query={plans}>
          {(data) => (
            <Table<Plan>
              rowKey="id"
              size="small"
              dataSource={data.items}
              locale={{ emptyText: '暂无随访计划' }}
              pagination={{ current: page, pageSize, total: data.total, onChange: (p, s) => set({ page: p, pageSize: s }) }}
              columns={[
                { title: '患者', render: (_, p) => `${p.person.name}（${p.person.idNumberMasked}）` },
                { title: '病种', dataIndex: 'diseaseName' },
                { title: '每年随访', render: (_, p) => `${p.perYear} 次` },
                { title: '家庭医生', render: (_, p) => p.person.familyDoctor },
                { title: '村卫生室', render: (_, p) => p.unit.name },
                { title: '来源', render: (_, p) => <Tag>{p.origin === 'results' ? '识别结果' : '手工添加'}</Tag> },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {creating && <PlansFromResultsDialog onClose={() => setCreating(false)} />}
    </Space>
  );
}

type Series = ApiData<'/api/follow-ups/rates/series', 'get'>;

/** The total's rate through the year as a line, the figures of every point beside it (the chart is no table). */
function RateSeries({ series }: { series: Series }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['随访率'], top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: series.points.map((p) => formatLocalDate(p.date)) },
      yAxis: { type: 'value', name: '%', max: 100 },
      series: [{ name: '随访率', type: 'line', data: series.points.map((p) => p.total.rate) }],
    }),
    [series],
  );
  if (series.points.length === 0) return <Typography.Text type="secondary">暂无数据</Typography.Text>;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Chart option={option} label="随访率随时间变化折线图" />
      </Col>
      <Col xs={24} lg={10}>
        <Table
          rowKey="date"
          size="small"
          data-testid="follow-up-series-table"
          dataSource={[...series.points].reverse()}
          pagination={{ pageSize: 8, size: 'small' }}
          columns={[
            { title: '截至', render: (_, p) => formatLocalDate(p.date) },
            { title: '应随访', render: (_, p) => p.total.due },
            { title: '已随访', render: (_, p) => p.total.done },
            { title: '随访率（%）', render: (_, p) => p.total.rate ?? '—' },
          ]}
        />
      </Col>
    </Row>
  );
}

function PlansFromResultsDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ scopeUnitId: string; perYear: (typeof FOLLOW_UPS_PER_YEAR)[number] }>();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: { scopeUnitId: string; perYear: (typeof FOLLOW_UPS_PER_YEAR)[number] }) =>
      must(api.POST('/api/follow-up-plans/from-results', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['follow-up-plans'] }),
  });
  return (
    <Modal
      open
      title="从识别结果生成签约随访计划"
      okText={create.data ? '关闭' : '生成'}
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => (create.data ? onClose() : void form.validateFields().then((v) => create.mutate(v)))}
    >
      {create.data ? (
        <Alert
          type="success"
          message={`符合条件 ${create.data.eligible} 人，新建计划 ${create.data.created} 个`}
          description={create.data.withoutClinic ? `${create.data.withoutClinic} 人所在村没有在用的村卫生室，未建计划。` : undefined}
        />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ perYear: 4 }}>
          <Form.Item label="范围（县区、乡镇或村）" name="scopeUnitId" rules={[{ required: true, message: '请选择范围' }]}>
            <UnitPicker />
          </Form.Item>
          <Form.Item label="每年随访次数" name="perYear">
            <Select options={FOLLOW_UPS_PER_YEAR.map((n) => ({ value: n, label: `${n} 次` }))} />
          </Form.Item>
          {create.error && <Alert type="error" message={create.error.message} />}
        </Form>
      )}
    </Modal>
  );
}
