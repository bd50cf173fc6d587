/**
 * Roll-up of counts over the unit tree (区、乡、村数据一致): every parent's figures are the sum of
 * its children's, by construction. Pure, so the consistency check can recompute and compare.
 */
export interface TreeNode {
  id: string;
  parentId: string | null;
  depth: number;
}

export type Counts = Record<string, number>;

/** Sums `own` (counts held directly by a node, e.g. a village's persons) up to `rootId`. */
export function rollUp(nodes: readonly TreeNode[], own: ReadonlyMap<string, Counts>, rootId: string): Map<string, Counts> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const totals = new Map<string, Counts>(nodes.map((n) => [n.id, { ...(own.get(n.id) ?? {}) }]));
  const deepestFirst = [...nodes].sort((a, b) => b.depth - a.depth);
  for (const node of deepestFirst) {
    if (node.id === rootId || !node.parentId || !byId.has(node.parentId)) continue;
    addInto(totals.get(node.parentId)!, totals.get(node.id)!);
  }
  return totals;
}

export function addInto(into: Counts, from: Counts): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

/** Nodes whose figure differs from the sum of their children's (for figures reported per level). */
export function disagreements(
  nodes: readonly TreeNode[],
  figures: ReadonlyMap<string, Counts>,
): { id: string; key: string; own: number; childrenSum: number }[] {
  const children = new Map<string, TreeNode[]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const found: { id: string; key: string; own: number; childrenSum: number }[] = [];
  for (const [parentId, kids] of children) {
    const own = figures.get(parentId);
    if (!own) continue;
    const sum: Counts = {};
    for (const kid of kids) addInto(sum, figures.get(kid.id) ?? {});
    for (const key of new Set([...Object.keys(own), ...Object.keys(sum)])) {
      if ((own[key] ?? 0) !== (sum[key] ?? 0)) found.push({ id: parentId, key, own: own[key] ?? 0, childrenSum: sum[key] ?? 0 });
    }
  }
  return found;
}
