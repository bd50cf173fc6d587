import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';

/** A unit's name where an answer gives only its id (cached per unit, shared with the units page). */
export function UnitName({ id }: { id: string }) {
  const unit = useQuery({
    queryKey: ['unit', id],
    queryFn: () => must(api.GET('/api/units/{id}', { params: { path: { id } } })),
    staleTime: 600_000,
  });
  return <>{unit.data?.name ?? '…'}</>;
}
