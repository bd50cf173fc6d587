import { useQuery } from '@tanstack/react-query';
import { Empty } from 'antd';
import { api, must } from '../../api/client';
import type { ApiData } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { CasePanel } from './CasePanel';

/** The case a stage task (转诊, 入院, 救治) belongs to, also once the case has moved on: acting on the case moves the task. */
export function StageCasePanel({ task }: { task: ApiData<'/api/tasks/{id}', 'get'> }) {
  const found = useQuery({
    queryKey: ['treatment-cases', 'by-stage', task.id],
    queryFn: () =>
      must(
        api.GET('/api/treatment-rounds/{stepId}/cases', {
          params: { path: { stepId: task.stepId ?? '' }, query: { stageTaskId: task.id, pageSize: 1 } },
        }),
      ),
    enabled: Boolean(task.stepId),
  });
  return (
    <QueryState query={found}>
      {(page) => (page.items[0] ? <CasePanel caseId={page.items[0].id} /> : <Empty description="未找到该任务对应的病例" />)}
    </QueryState>
  );
}
