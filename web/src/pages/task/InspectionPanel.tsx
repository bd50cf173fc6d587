import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Grid, Input, List, Progress, Radio, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ITEM_RESULTS, type ItemResult } from '../../../../src/domain/cross-check';
import { api, must, upload } from '../../api/client';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';

type Item = ApiData<'/api/inspections/{taskId}/items', 'get'>[number];

const KIND_LABELS: Record<string, string> = { clinic: '村卫生室', doctor: '村医知识', household: '农户抽样' };
export const RESULT_LABELS: Record<ItemResult, { text: string; color: string }> = {
  pass: { text: '合格', color: 'green' },
  fail: { text: '不合格', color: 'red' },
  not_applicable: { text: '不适用', color: 'default' },
};

/**
 * 交叉排查 checklist on a phone: the items grouped by kind (households by sampled household), each
 * recorded pass / fail / not applicable with a note and photos; a failure files a problem of the inspected unit.
 */
export function InspectionPanel({ taskId, canRecord }: { taskId: string; canRecord: boolean }) {
  const items = useQuery({
    queryKey: ['inspection-items', taskId],
    queryFn: () => must(api.GET('/api/inspections/{taskId}/items', { params: { path: { taskId } } })),
  });
  const [open, setOpen] = useState<Item | null>(null);
  return (
    <QueryState query={items}>
      {(list) => {
        const left = list.filter((i) => i.result === null).length;
        const groups = Object.keys(KIND_LABELS).map((kind) => ({ kind, items: list.filter((i) => i.kind === kind) }));
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type={left ? 'warning' : 'success'} data-testid="inspection-left">
              {left ? `还有 ${left} 项未检查（全部检查后才能提交）` : `${list.length} 项已全部检查`}
            </Typography.Text>
            {groups
              .filter((g) => g.items.length > 0)
              .map((g) => (
                <List
                  key={g.kind}
                  size="small"
                  bordered
                  header={<Typography.Text strong>{KIND_LABELS[g.kind]}</Typography.Text>}
                  dataSource={g.items}
                  renderItem={(item) => (
                    <List.Item
                      data-testid="inspection-item"
                      onClick={() => canRecord && setOpen(item)}
                      style={{ cursor: canRecord ? 'pointer' : undefined }}
                      extra={
                        item.result ? (
                          <Tag color={RESULT_LABELS[item.result].color}>{RESULT_LABELS[item.result].text}</Tag>
                        ) : (
                          <Tag>未检查</Tag>
                        )
                      }
                    >
                      <List.Item.Meta
                        title={item.householdNumber ? `${item.householdNumber} 户：${item.text}` : item.text}
                        description={[
                          item.note,
                          item.evidenceIds.length ? `照片 ${item.evidenceIds.length} 张` : '',
                          item.problemId ? '已生成问题' : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      />
                    </List.Item>
                  )}
                />
              ))}
            {open && <RecordDrawer taskId={taskId} item={open} onClose={() => setOpen(null)} />}
          </Space>
        );
      }}
    </QueryState>
  );
}

function RecordDrawer({ taskId, item, onClose }: { taskId: string; item: Item; onClose: () => void }) {
  const phone = !Grid.useBreakpoint().md;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ result: ItemResult; note?: string }>();
  const [evidenceIds, setEvidenceIds] = useState(item.evidenceIds);
  const [percent, setPercent] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: (v: { result: ItemResult; note?: string }) =>
      must(
        api.PUT('/api/inspections/{taskId}/items/{itemId}', {
          params: { path: { taskId, itemId: item.id } },
          body: { result: v.result, note: v.note?.trim() || undefined, evidenceIds },
        }),
      ),
    onSuccess: (r) => {
      void message.success(r.problemId ? '已记录，不合格项已生成整改问题' : '已记录');
      void queryClient.invalidateQueries({ queryKey: ['inspection-items', taskId] });
      onClose();
    },
  });

  // Photos go to the task's evidence first; the item names them.
  async function send(file: File) {
    setPercent(0);
    try {
      const e = await upload<ApiData<'/api/tasks/{id}/evidence/files', 'post'>>('/api/tasks/{id}/evidence/files', { file }, setPercent, {
        id: taskId,
      });
      setEvidenceIds((ids) => [...ids, e.id]);
      void queryClient.invalidateQueries({ queryKey: ['evidence', taskId] });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : '上传失败');
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Drawer open title={item.text} onClose={onClose} width={phone ? '100%' : 480} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="inspection-item"
        initialValues={{ result: item.result ?? undefined, note: item.note ?? '' }}
        onFinish={(v) => save.mutate(v)}
      >
        {item.householdNumber && <Typography.Paragraph>抽样农户：{item.householdNumber}</Typography.Paragraph>}
        <Form.Item label="检查结果" name="result" rules={[{ required: true, message: '请选择检查结果' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={ITEM_RESULTS.map((r) => ({ value: r, label: RESULT_LABELS[r].text }))}
          />
        </Form.Item>
        <Form.Item
          label="情况说明"
          name="note"
          dependencies={['result']}
          rules={[({ getFieldValue }) => ({ required: getFieldValue('result') === 'fail', whitespace: true, message: '不合格须说明问题' })]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            style={{ display: 'none' }}
            aria-label="拍照或选择照片"
            data-testid="inspection-photo"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <Button icon={<CameraOutlined />} loading={percent !== null} onClick={() => input.current?.click()} block={phone}>
            拍照上传（已有 {evidenceIds.length} 张）
          </Button>
          {percent !== null && <Progress percent={percent} size="small" data-testid="inspection-progress" />}
        </Space>
        <ApiErrorAlert error={save.error} />
        <Button type="primary" htmlType="submit" loading={save.isPending} block disabled={percent !== null}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
