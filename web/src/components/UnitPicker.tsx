import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, must } from '../api/client';
import type { ApiQuery } from '../api/types';
import { UNIT_KIND_LABELS } from '../lib/labels';

type UnitKind = ApiQuery<'/api/units', 'get'>['kind'];

/** Picks a unit of the signed-in user's scope by name, searched on the server (`/api/units?q=`). */
export function UnitPicker({
  value,
  onChange,
  kind,
  id,
}: {
  value?: string;
  onChange?: (id: string) => void;
  kind?: UnitKind;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const units = useQuery({
    queryKey: ['unit-picker', q, kind],
    queryFn: () => must(api.GET('/api/units', { params: { query: { q: q || undefined, kind, pageSize: 30 } } })),
  });
  return (
    <Select
      id={id}
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      loading={units.isFetching}
      placeholder="输入名称搜索单位"
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${UNIT_KIND_LABELS[u.kind] ?? u.kind}）` }))}
    />
  );
}
