import { useQuery } from '@tanstack/react-query';
import { Spin, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { api, must } from '../api/client';
import type { ApiData } from '../api/types';
import { useCurrentUser } from '../auth';
import { UNIT_KIND_LABELS } from '../lib/labels';

type Unit = ApiData<'/api/units/{id}/subtree', 'get'>[number];

function nodesOf(units: Unit[], rootIds: string[]): DataNode[] {
  const children = new Map<string | null, Unit[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const build = (u: Unit): DataNode => ({
    key: u.id,
    title: `${u.name}（${UNIT_KIND_LABELS[u.kind] ?? u.kind}）`,
    children: (children.get(u.id) ?? []).map(build),
    isLeaf: u.kind === 'village_clinic' || u.kind === 'health_centre' || u.kind === 'designated_hospital' || u.kind === 'bureau_section',
  });
  return units.filter((u) => rootIds.includes(u.id)).map(build);
}

/**
 * The units of the signed-in user's scope as a tree (their own unit and those they answer for as
 * responsible leader), two levels at first and deeper levels as they are opened.
 */
export function UnitTree({ selected, onSelect }: { selected?: string; onSelect: (unitId: string | undefined) => void }) {
  const user = useCurrentUser();
  const roots = useMemo(() => [user.unitId, ...user.responsibleUnitIds], [user]);
  const [loaded, setLoaded] = useState<Unit[]>([]);
  const initial = useQuery({
    queryKey: ['unit-tree', roots],
    queryFn: async () =>
      (
        await Promise.all(roots.map((id) => must(api.GET('/api/units/{id}/subtree', { params: { path: { id }, query: { maxDepth: 2 } } }))))
      ).flat(),
  });
  const units = useMemo(() => {
    const byId = new Map<string, Unit>();
    for (const u of [...(initial.data ?? []), ...loaded]) byId.set(u.id, u);
    return [...byId.values()];
  }, [initial.data, loaded]);
  if (initial.isPending) return <Spin />;
  return (
    <Tree
      aria-label="单位"
      treeData={nodesOf(units, roots)}
      defaultExpandedKeys={roots}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => onSelect(keys[0] as string | undefined)}
      loadData={async (node) => {
        if ((node.children ?? []).length > 0) return;
        const more = await must(api.GET('/api/units/{id}/subtree', { params: { path: { id: String(node.key) }, query: { maxDepth: 1 } } }));
        setLoaded((prev) => [...prev, ...more]);
      }}
    />
  );
}
