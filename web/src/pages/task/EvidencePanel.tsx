import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, List, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, download, must, upload } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';

/** 佐证资料: files (photos, scans, signed forms) and notes attached to the task; uploads show their progress. */
export function EvidencePanel({ taskId, canAdd }: { taskId: string; canAdd: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const evidence = useQuery({
    queryKey: ['evidence', taskId],
    queryFn: () => must(api.GET('/api/tasks/{id}/evidence', { params: { path: { id: taskId } } })),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['evidence', taskId] });
  const addNote = useMutation({
    mutationFn: (text: string) =>
      must(api.POST('/api/tasks/{id}/evidence/notes', { params: { path: { id: taskId } }, body: { note: text } })),
    onSuccess: () => {
      setNote('');
      refresh();
    },
  });

  async function send(file: File) {
    setPercent(0);
    try {
      await upload('/api/tasks/{id}/evidence/files', { file }, setPercent, { id: taskId });
      void message.success(`已上传 ${file.name}`);
      refresh();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : '上传失败');
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canAdd && (
        <Space wrap>
          <input
            ref={input}
            type="file"
            hidden
            accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.csv"
            aria-label="选择佐证文件"
            data-testid="evidence-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={percent !== null}>
            上传佐证文件
          </Button>
          {percent !== null && <Progress percent={percent} size="small" style={{ width: 160 }} data-testid="evidence-progress" />}
          <Input
            aria-label="文字说明"
            placeholder="文字说明"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 240 }}
            maxLength={2000}
          />
          <Button disabled={!note.trim()} loading={addNote.isPending} onClick={() => addNote.mutate(note.trim())}>
            添加说明
          </Button>
        </Space>
      )}
      {addNote.error && <Typography.Text type="danger">{addNote.error.message}</Typography.Text>}
      <QueryState query={evidence}>
        {(items) => (
          <List
            dataSource={items}
            locale={{ emptyText: '尚无佐证资料' }}
            renderItem={(e) => (
              <List.Item data-testid="evidence-item">
                {e.kind === 'file' ? (
                  <Button
                    type="link"
                    icon={<PaperClipOutlined />}
                    onClick={() =>
                      void download(`/api/tasks/${taskId}/evidence/${e.id}/file`, e.fileName ?? 'file').catch((err: Error) =>
                        message.error(err.message),
                      )
                    }
                  >
                    {e.fileName}
                  </Button>
                ) : (
                  <Typography.Text>{e.note}</Typography.Text>
                )}
                <Typography.Text type="secondary">{formatDateTime(e.createdAt)}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Space>
  );
}
