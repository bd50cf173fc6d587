import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, download, must, upload } from '../../api/client';
import { IMPORT_STATUS_LABELS } from '../../lib/labels';

/**
 * 建档立卡人口导入: the register file uploads (with its progress), then the workers import it in steps;
 * the bar follows the rows processed (of the rows a CSV holds), and a refused file's error report downloads.
 */
export default function RegisterImportPage() {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [params, setParams] = useSearchParams();
  const importId = params.get('importId');
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [expectedRows, setExpectedRows] = useState<number | null>(null);
  const job = useQuery({
    queryKey: ['register-import', importId],
    queryFn: () => must(api.GET('/api/population/imports/{id}', { params: { path: { id: importId! } } })),
    enabled: Boolean(importId),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'succeeded' || q.state.data.status === 'failed') ? false : 1_000),
  });

  async function send(file: File) {
    setUploadPercent(0);
    if (file.name.toLowerCase().endsWith('.csv'))
      setExpectedRows(Math.max(0, (await file.text()).split('\n').filter((l) => l.trim()).length - 1));
    else setExpectedRows(null);
    try {
      const created = await upload<{ id: string }>('/api/population/imports', { file }, setUploadPercent);
      setParams({ importId: created.id });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : '上传失败');
    } finally {
      setUploadPercent(null);
      if (input.current) input.current.value = '';
    }
  }

  const data = job.data;
  const finished = data?.status === 'succeeded' || data?.status === 'failed';
  const percent = !data ? 0 : finished ? 100 : expectedRows ? Math.min(99, Math.floor((data.rowsProcessed / expectedRows) * 100)) : 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        建档立卡人口导入
      </Typography.Title>
      <Card>
        <Typography.Paragraph>上传贫困人口名册（CSV 或 XLSX）。同一人再次导入时按身份证号更新，不会重复。</Typography.Paragraph>
        <Space wrap>
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx"
            hidden
            aria-label="选择名册文件"
            data-testid="register-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <Button type="primary" icon={<UploadOutlined />} loading={uploadPercent !== null} onClick={() => input.current?.click()}>
            上传名册
          </Button>
          <Button
            onClick={() =>
              void download('/api/population/imports/template.xlsx', '名册模板.xlsx').catch((e: Error) => message.error(e.message))
            }
          >
            下载模板
          </Button>
        </Space>
        {uploadPercent !== null && <Progress percent={uploadPercent} status="active" />}
      </Card>
      {data && (
        <Card title={`导入：${data.fileName}`}>
          <Progress
            percent={percent}
            status={data.status === 'failed' ? 'exception' : finished ? 'success' : 'active'}
            data-testid="import-progress"
            format={(p) => (finished ? IMPORT_STATUS_LABELS[data.status] : `${p}%`)}
          />
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
            <Descriptions.Item label="状态">
              <span data-testid="import-status">{IMPORT_STATUS_LABELS[data.status] ?? data.status}</span>
            </Descriptions.Item>
            <Descriptions.Item label="已处理行">{data.rowsProcessed}</Descriptions.Item>
            <Descriptions.Item label="新增人员">{data.personsCreated}</Descriptions.Item>
            <Descriptions.Item label="更新人员">{data.personsUpdated}</Descriptions.Item>
            <Descriptions.Item label="新增户">{data.householdsCreated}</Descriptions.Item>
            <Descriptions.Item label="错误">{data.errorCount}</Descriptions.Item>
          </Descriptions>
          {data.message && (
            <Typography.Paragraph type={data.status === 'failed' ? 'danger' : undefined}>{data.message}</Typography.Paragraph>
          )}
          {data.errorCount > 0 && (
            <Button
              onClick={() =>
                void download(`/api/population/imports/${data.id}/errors.csv`, '导入错误.csv').catch((e: Error) => message.error(e.message))
              }
            >
              下载错误报告
            </Button>
          )}
        </Card>
      )}
    </Space>
  );
}
