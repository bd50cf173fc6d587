import { isInScope, overlapsSubtree, scopeOf } from '../../src/domain/scope';

describe(scopeOf.name, () => {
  const county = { id: 'd', path: '/c/d/' };
  const township = { id: 't1', path: '/c/d/t1/' };
  const village = { id: 'v1', path: '/c/d/t1/v1/' };
  const otherTownship = { id: 't2', path: '/c/d/t2/' };
  const otherVillage = { id: 'v2', path: '/c/d/t2/v2/' };

  it('confines staff to their own unit', () => {
    const scope = scopeOf('staff', village);
    expect(isInScope(scope, village)).toBe(true);
    expect(isInScope(scope, township)).toBe(false);
    expect(isInScope(scope, otherVillage)).toBe(false);
  });

  it('gives managers the subtree of their unit', () => {
    const scope = scopeOf('manager', township);
    expect([township, village].every((u) => isInScope(scope, u))).toBe(true);
    expect([county, otherTownship, otherVillage].some((u) => isInScope(scope, u))).toBe(false);
  });

  it('adds the subtrees a responsible leader answers for, without overlaps', () => {
    const bureau = { id: 'b', path: '/c/d/b/' };
    const scope = scopeOf('manager', bureau, [otherTownship, otherVillage]);
    expect(scope).toEqual({ kind: 'subtrees', paths: ['/c/d/b/', '/c/d/t2/'] });
    expect(isInScope(scope, otherVillage)).toBe(true);
    expect(isInScope(scope, village)).toBe(false);
  });

  it('does not mistake a sibling whose id starts the same for a descendant', () => {
    const scope = scopeOf('admin', { id: 't1', path: '/c/d/t1/' });
    expect(isInScope(scope, { id: 't10', path: '/c/d/t10/' })).toBe(false);
  });
});

describe(overlapsSubtree.name, () => {
  const county = '/c/d/';
  it('holds for an area over the subtree, inside it, and not beside it', () => {
    expect(overlapsSubtree({ kind: 'subtrees', paths: ['/c/'] }, '/c/', county)).toBe(true);
    expect(overlapsSubtree({ kind: 'subtrees', paths: ['/c/d/t1/'] }, '/c/d/t1/', county)).toBe(true);
    expect(overlapsSubtree({ kind: 'subtrees', paths: ['/c/e/'] }, '/c/e/', county)).toBe(false);
  });

  it('places staff by their own unit', () => {
    expect(overlapsSubtree({ kind: 'own-unit', unitId: 'v1c' }, '/c/d/t1/v1/v1c/', county)).toBe(true);
    expect(overlapsSubtree({ kind: 'own-unit', unitId: 'x' }, '/c/e/x/', county)).toBe(false);
  });
});
