import { Tag, Tooltip, Typography } from 'antd';
import { dueCountdown } from '../lib/countdown';
import { formatDateTime } from '../lib/dates';
import { useWorkingCalendar } from '../lib/use-working-calendar';

/** A due time with its working-day countdown; overdue in red. Finished tasks show the date only. */
export function DueCell({ dueAt, finished }: { dueAt: string; finished: boolean }) {
  const calendar = useWorkingCalendar();
  const countdown = dueCountdown(new Date(dueAt), new Date(), calendar);
  return (
    <span>
      <Typography.Text>{formatDateTime(dueAt)}</Typography.Text>{' '}
      {!finished && (
        <Tooltip title={countdown.calendarKnown ? '按工作日计算' : '该年度节假日安排未导入，按周一至周五估算'}>
          <Tag color={countdown.overdue ? 'red' : countdown.workingDays <= 2 ? 'orange' : 'default'} data-testid="countdown">
            {countdown.label}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
