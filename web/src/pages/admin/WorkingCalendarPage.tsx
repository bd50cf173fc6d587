import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { parseDayList } from '../../lib/admin-input';
import { formatLocalDate } from '../../lib/dates';

type Year = ApiData<'/api/calendars', 'get'>[number];
const days = (list: string[]) => (list.length ? list.map(formatLocalDate).join('、') : '无');

/**
 * 工作日历: the national holiday schedules the working-day countdowns use (shipped, or loaded by an admin of
 * a root unit each November), and a county's own days off and make-up workdays.
 */
export default function WorkingCalendarPage() {
  const [loading, setLoading] = useState(false);
  const years = useQuery({ queryKey: ['calendars'], queryFn: () => must(api.GET('/api/calendars')) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        工作日历
      </Typography.Title>
      <Card
        title="全国节假日安排"
        extra={
          <Button type="primary" onClick={() => setLoading(true)}>
            导入年度安排
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          按工作日计算的时限跳过周末和法定节假日，调休上班日计为工作日。未导入的年份按周一至周五计算。
        </Typography.Paragraph>
        <QueryState query={years}>
          {(data) => (
            <Table<Year>
              rowKey="year"
              dataSource={data}
              pagination={false}
              data-testid="calendar-years"
              expandable={{
                expandedRowRender: (y) => (
                  <Space direction="vertical">
                    <Typography.Text>放假：{days(y.holidays)}</Typography.Text>
                    <Typography.Text>调休上班：{days(y.makeUpWorkdays)}</Typography.Text>
                  </Space>
                ),
              }}
              columns={[
                { title: '年份', dataIndex: 'year' },
                {
                  title: '来源',
                  render: (_, y) => (y.origin === 'loaded' ? <Tag color="blue">已导入</Tag> : <Tag>系统内置</Tag>),
                },
                { title: '依据', dataIndex: 'source', render: (s?: string) => s || '—' },
                { title: '放假天数', render: (_, y) => y.holidays.length },
                { title: '调休上班天数', render: (_, y) => y.makeUpWorkdays.length },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <CountyDaysCard />
      {loading && <LoadYearDialog onClose={() => setLoading(false)} />}
    </Space>
  );
}

interface YearForm {
  year: number;
  format: 'csv' | 'json';
  content: string;
}

function LoadYearDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<YearForm>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const load = useMutation({
    mutationFn: ({ year, format, content }: YearForm) =>
      must(
        format === 'csv'
          ? api.PUT('/api/calendars/{year}', {
              params: { path: { year } },
              body: content,
              headers: { 'Content-Type': 'text/csv' },
              bodySerializer: (b) => b as string,
            })
          : api.PUT('/api/calendars/{year}', { params: { path: { year } }, body: JSON.parse(content) as unknown }),
      ),
    onSuccess: (y) => {
      void queryClient.invalidateQueries({ queryKey: ['calendars'] });
      void message.success(`已导入 ${y.year} 年节假日安排`);
      onClose();
    },
  });
  function submit(v: YearForm) {
    if (v.format === 'json') {
      try {
        JSON.parse(v.content);
      } catch (e) {
        setJsonProblem(`JSON 格式有误：${(e as Error).message}`);
        return;
      }
    }
    setJsonProblem(null);
    load.mutate(v);
  }
  const format = Form.useWatch('format', form);
  return (
    <Modal
      open
      title="导入年度节假日安排"
      okText="导入"
      cancelText="取消"
      width={640}
      onCancel={onClose}
      confirmLoading={load.isPending}
      onOk={() => void form.validateFields().then(submit)}
    >
      <Typography.Paragraph type="secondary">
        国务院办公厅每年发布次年放假安排后导入；同一年份再次导入将替换原有安排。任何一行有误则整份不导入。
      </Typography.Paragraph>
      <Form form={form} name="national-year" layout="vertical" initialValues={{ year: new Date().getFullYear() + 1, format: 'csv' }}>
        <Form.Item label="年份" name="year" rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item label="格式" name="format">
          <Radio.Group
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="内容"
          name="content"
          rules={[{ required: true, message: '请粘贴安排' }]}
          extra={
            format === 'json'
              ? '{"year":2027,"holidays":["2027-01-01",…],"makeUpWorkdays":[…],"source":"国办发明电〔2026〕…号"}'
              : '表头 date,type（或 日期,类型），每行一天：holiday/休 为放假，workday/班 为调休上班'
          }
        >
          <Input.TextArea
            rows={10}
            style={{ fontFamily: 'monospace' }}
            placeholder={format === 'json' ? '{"year":2027,"holidays":[],"makeUpWorkdays":[]}' : 'date,type\n2027-01-01,休'}
          />
        </Form.Item>
      </Form>
      {jsonProblem && <Alert type="error" showIcon role="alert" message={jsonProblem} />}
      <ApiErrorAlert error={load.error} />
    </Modal>
  );
}

interface CountyForm {
  unitId: string;
  year: number;
  holidays?: string;
  makeUpWorkdays?: string;
}

/** A county's own days (a local festival, a local make-up day); there is no list of them to read back, so the answer is shown. */
function CountyDaysCard() {
  const [form] = Form.useForm<CountyForm>();
  const save = useMutation({
    mutationFn: (v: CountyForm) =>
      must(
        api.PUT('/api/calendars/{year}/counties/{unitId}', {
          params: { path: { year: v.year, unitId: v.unitId } },
          body: { holidays: parseDayList(v.holidays ?? ''), makeUpWorkdays: parseDayList(v.makeUpWorkdays ?? '') },
        }),
      ),
  });
  return (
    <Card title="县区自定义日期">
      <Typography.Paragraph type="secondary">
        县区的地方性放假或补班，适用于该县区所有单位；保存后替换该县区该年度原有的自定义日期。
      </Typography.Paragraph>
      <Form
        form={form}
        name="county-days"
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ year: new Date().getFullYear() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item label="县区" name="unitId" rules={[{ required: true, message: '请选择县区' }]}>
          <UnitPicker kind="county" />
        </Form.Item>
        <Form.Item label="年份" name="year" rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item label="放假日期" name="holidays" extra="每行一个日期，如 2027-03-20">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="调休上班日期" name="makeUpWorkdays">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存县区日期
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        {save.data && (
          <Alert
            type="success"
            showIcon
            message={`已保存 ${save.data.year} 年县区日期`}
            description={`放假：${days(save.data.holidays)}；调休上班：${days(save.data.makeUpWorkdays)}`}
          />
        )}
        <ApiErrorAlert error={save.error} />
      </div>
    </Card>
  );
}
