import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, upload } from '../../api/client';
import { RowErrorsTable, type RowError } from '../../components/RowErrorsTable';
import { csvRows } from '../../lib/row-text';

/**
 * 批量上传识别结果 (CSV or XLSX, columns 身份证号, 识别结果, 疾病, 说明). The server takes the whole file
 * or nothing; a refused file's errors are listed with each row's own cells beside them (CSV).
 */
export function ResultsUpload({ taskId }: { taskId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [report, setReport] = useState<{ errors: RowError[]; errorCount: number; rows: Map<number, string[]>; message: string } | null>(
    null,
  );

  async function send(file: File) {
    setPercent(0);
    try {
      const answer = await upload<{ recorded: number }>('/api/tasks/{taskId}/items/results', { file }, setPercent, { taskId });
      void message.success(`已录入 ${answer.recorded} 人的识别结果`);
      void queryClient.invalidateQueries({ queryKey: ['items', taskId] });
      void queryClient.invalidateQueries({ queryKey: ['task', taskId] });
    } catch (error) {
      const body = error instanceof ApiError ? (error.body as { errors?: RowError[]; errorCount?: number } | null) : null;
      const rows = file.name.toLowerCase().endsWith('.csv') ? csvRows(await file.text()) : new Map<number, string[]>();
      setReport({
        errors: body?.errors ?? [],
        errorCount: body?.errorCount ?? 0,
        rows,
        message: error instanceof Error ? error.message : '上传失败',
      });
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx"
        hidden
        aria-label="选择识别结果文件"
        data-testid="results-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void send(file);
        }}
      />
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={percent !== null}>
        上传结果文件
      </Button>
      {percent !== null && <Progress percent={percent} size="small" style={{ width: 160 }} />}
      <Modal open={report !== null} title="文件未导入" footer={null} onCancel={() => setReport(null)} width={760}>
        {report && (
          <>
            <Typography.Paragraph type="danger" role="alert">
              {report.errorCount > 0 ? `发现 ${report.errorCount} 处错误，整个文件未导入，请改正后重新上传。` : report.message}
            </Typography.Paragraph>
            {report.errors.length > 0 && <RowErrorsTable errors={report.errors} rows={report.rows} />}
          </>
        )}
      </Modal>
    </>
  );
}
