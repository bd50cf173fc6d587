import { Alert, List } from 'antd';
import { ApiError } from '../api/client';
import { RowErrorsTable, type RowError } from './RowErrorsTable';

/**
 * What a refusal says: the server's message, and the problems it lists in `errors` — texts (a policy's
 * paths, a schedule's rows, a template's variables) or row errors of an upload — with their true count.
 */
export function refusalOf(error: unknown): {
  status: number;
  message: string;
  problems: string[];
  rowErrors: RowError[];
  errorCount: number;
} {
  const status = error instanceof ApiError ? error.status : 0;
  const body = error instanceof ApiError ? (error.body as { errors?: unknown; errorCount?: unknown } | null) : null;
  const listed = Array.isArray(body?.errors) ? (body.errors as unknown[]) : [];
  const rowErrors = listed.filter((e): e is RowError => typeof e === 'object' && e !== null && 'row' in e && 'message' in e);
  const problems = listed.filter((e) => typeof e === 'string');
  return {
    status,
    message: error instanceof Error ? error.message : '出错了',
    problems,
    rowErrors,
    errorCount: typeof body?.errorCount === 'number' ? body.errorCount : listed.length,
  };
}

/** A failed action's refusal, shown where it happened (a 403 says who may do it, in the server's words). */
export function ApiErrorAlert({ error, rows }: { error: unknown; rows?: Map<number, string[]> }) {
  if (!error) return null;
  const r = refusalOf(error);
  const title =
    r.status === 403 ? `无权操作：${r.message}` : r.rowErrors.length > 0 ? `发现 ${r.errorCount} 处错误，未导入：${r.message}` : r.message;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={title}
      description={
        r.rowErrors.length > 0 ? (
          <RowErrorsTable errors={r.rowErrors} rows={rows} />
        ) : r.problems.length > 0 ? (
          <List size="small" dataSource={r.problems} renderItem={(p) => <List.Item>{p}</List.Item>} data-testid="api-problems" />
        ) : undefined
      }
    />
  );
}
