import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DISEASE_CATEGORY_LABELS } from '../../../../src/domain/disease-catalogue';
import { api, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { QueryState } from '../../components/QueryState';
import { parseDiseaseLines } from '../../lib/admin-input';
import { formatDateTime } from '../../lib/dates';

type Version = ApiData<'/api/disease-catalogue', 'get'>[number];
type Disease = Version['diseases'][number];
const CATEGORY_COLORS: Record<string, string> = { major: 'red', chronic: 'blue', severe: 'purple' };

/** 疾病目录: the catalogue's versions (never edited, so campaigns keep the list they pinned) and a new version. */
export default function DiseaseCataloguePage() {
  const [params, setParams] = useSearchParams();
  const version = params.get('version');
  const [adding, setAdding] = useState(false);
  // The same key as the campaigns' catalogue lookup, so a new version reaches them too.
  const versions = useQuery({ queryKey: ['disease-catalogue'], queryFn: () => must(api.GET('/api/disease-catalogue')) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        疾病目录
      </Typography.Title>
      <Button type="primary" onClick={() => setAdding(true)} style={{ width: 'fit-content' }}>
        新增目录版本
      </Button>
      <QueryState query={versions}>
        {(data) => (
          <Table<Version>
            rowKey="id"
            dataSource={[...data].sort((a, b) => b.version - a.version)}
            locale={{ emptyText: '暂无目录版本' }}
            pagination={false}
            data-testid="catalogue-versions"
            columns={[
              { title: '版本', dataIndex: 'version', width: 70 },
              { title: '名称', dataIndex: 'name' },
              { title: '说明', dataIndex: 'notes', render: (n: string) => n || '—' },
              { title: '病种数', render: (_, v) => v.diseases.length, width: 80 },
              { title: '发布时间', render: (_, v) => formatDateTime(v.createdAt) },
              {
                title: '操作',
                render: (_, v) => (
                  <Button size="small" onClick={() => setParams({ version: String(v.version) })}>
                    查看病种
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {version && <VersionDiseases version={Number(version)} />}
      {adding && (
        <AddVersionDialog
          onClose={() => setAdding(false)}
          onAdded={(v) => {
            setAdding(false);
            setParams({ version: String(v) });
          }}
        />
      )}
    </Space>
  );
}

function VersionDiseases({ version }: { version: number }) {
  const one = useQuery({
    queryKey: ['disease-catalogue', version],
    queryFn: () => must(api.GET('/api/disease-catalogue/{version}', { params: { path: { version } } })),
  });
  return (
    <QueryState query={one}>
      {(v) => (
        <Card title={`第 ${v.version} 版：${v.name}`}>
          <Table<Disease>
            rowKey="code"
            size="small"
            dataSource={v.diseases}
            pagination={{ pageSize: 20 }}
            data-testid="catalogue-diseases"
            columns={[
              { title: '编码', dataIndex: 'code', width: 90 },
              { title: '名称', dataIndex: 'name' },
              {
                title: '类别',
                width: 90,
                filters: Object.entries(DISEASE_CATEGORY_LABELS).map(([value, text]) => ({ value, text })),
                onFilter: (value, d) => d.category === value,
                render: (_, d) => <Tag color={CATEGORY_COLORS[d.category]}>{DISEASE_CATEGORY_LABELS[d.category]}</Tag>,
              },
            ]}
          />
        </Card>
      )}
    </QueryState>
  );
}

interface VersionForm {
  name: string;
  notes?: string;
  lines: string;
}

function AddVersionDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (version: number) => void }) {
  const [form] = Form.useForm<VersionForm>();
  const [problems, setProblems] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: { name: string; notes?: string; diseases: Disease[] }) => must(api.POST('/api/disease-catalogue', { body })),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['disease-catalogue'] });
      onAdded(created.version);
    },
  });
  function submit(v: VersionForm) {
    const parsed = parseDiseaseLines(v.lines);
    setProblems(parsed.problems);
    if (parsed.problems.length === 0) create.mutate({ name: v.name, notes: v.notes || undefined, diseases: parsed.diseases });
  }
  return (
    <Modal
      open
      title="新增目录版本"
      okText="发布"
      cancelText="取消"
      width={640}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then(submit)}
    >
      <Typography.Paragraph type="secondary">
        新版本须列出全部病种；已发布的版本不再修改，已启动的专项行动继续使用其固定的版本。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="版本名称" name="name" rules={[{ required: true, message: '必填' }]}>
          <Input placeholder="健康扶贫疾病目录（第二版）" />
        </Form.Item>
        <Form.Item label="说明" name="notes">
          <Input />
        </Form.Item>
        <Form.Item
          label="病种（每行：编码,名称,类别）"
          name="lines"
          rules={[{ required: true, message: '请粘贴病种' }]}
          extra="类别为 大病、慢病 或 重病，例如：M01,食管癌,大病"
        >
          <Input.TextArea rows={10} placeholder={'M01,食管癌,大病\nC01,原发性高血压,慢病'} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message="病种格式有误"
          description={problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
      <ApiErrorAlert error={create.error} />
    </Modal>
  );
}
