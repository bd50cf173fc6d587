import { Alert, Button, Result, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';

/** Loading, refusal and error states of a page's main query; the page itself once the data is there. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  const message = error instanceof Error ? error.message : '出错了';
  if (status === 403)
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`${message}。此内容不在您的管辖范围内。`}
        extra={
          <Link to="/tasks">
            <Button type="primary">返回我的任务</Button>
          </Link>
        }
      />
    );
  if (status === 404) return <Result status="404" title="未找到" subTitle={message} extra={<Link to="/tasks">返回我的任务</Link>} />;
  return (
    <Alert
      type="error"
      showIcon
      message="加载失败"
      description={message}
      action={onRetry && <Button onClick={onRetry}>重试</Button>}
      role="alert"
    />
  );
}
