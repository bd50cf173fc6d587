import { useQuery } from '@tanstack/react-query';
import type { CatalogueDisease } from '../../../src/domain/disease-catalogue';
import { api, must } from '../api/client';

/** The disease catalogue version a campaign pinned (its results are recorded against that list only). */
export function useCampaignCatalogue(campaignId: string | null | undefined): CatalogueDisease[] | undefined {
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: () => must(api.GET('/api/campaigns/{id}', { params: { path: { id: campaignId! } } })),
    enabled: Boolean(campaignId),
  });
  const versions = useQuery({
    queryKey: ['disease-catalogue'],
    queryFn: () => must(api.GET('/api/disease-catalogue')),
    staleTime: 3_600_000,
  });
  const pinned = versions.data?.find((v) => v.id === campaign.data?.catalogueVersionId);
  return pinned?.diseases;
}
