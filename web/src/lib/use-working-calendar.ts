import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { buildWorkingDayCalendar, type HolidayCalendarYear, type WorkingDayCalendar } from '../../../src/domain/working-days';
import { api, must } from '../api/client';

/** The national working-day calendar the server holds, as the deadline engine uses it (Monday–Friday until loaded). */
export function useWorkingCalendar(): WorkingDayCalendar {
  const years = useQuery({ queryKey: ['calendars'], queryFn: () => must(api.GET('/api/calendars')), staleTime: 3_600_000 });
  return useMemo(() => buildWorkingDayCalendar((years.data ?? []) as HolidayCalendarYear[]), [years.data]);
}
