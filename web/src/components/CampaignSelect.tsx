import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, must } from '../api/client';

/** Picks one of the campaigns the signed-in user can see (专项行动 filter of the manager views). */
export function CampaignSelect({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const campaigns = useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: () => must(api.GET('/api/campaigns', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <Select
      aria-label="按专项行动筛选"
      allowClear
      placeholder="全部专项行动"
      style={{ width: 240 }}
      loading={campaigns.isPending}
      value={value}
      onChange={(id?: string) => onChange(id)}
      options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
