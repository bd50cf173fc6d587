import { useSearchParams } from 'react-router';

/**
 * A list's filters and page in the address (?page=2&status=open), so the browser's back button and a
 * copied link bring the same list back. Setting a filter returns to page 1.
 */
export function useSearchState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  function set(changes: Partial<Record<K | 'page' | 'pageSize', string | number | undefined>>) {
    const next = new URLSearchParams(params);
    if (!('page' in changes)) next.delete('page');
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  }
  return { values, page, pageSize, set };
}
