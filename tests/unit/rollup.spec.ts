import fc from 'fast-check';
import { Counts, disagreements, rollUp, TreeNode } from '../../src/domain/rollup';

/** county → townships → villages, with the villages holding the counts. */
const tree: TreeNode[] = [
  { id: 'county', parentId: 'city', depth: 1 },
  { id: 't1', parentId: 'county', depth: 2 },
  { id: 't2', parentId: 'county', depth: 2 },
  { id: 'v1', parentId: 't1', depth: 3 },
  { id: 'v2', parentId: 't1', depth: 3 },
  { id: 'v3', parentId: 't2', depth: 3 },
];
const villages = ['v1', 'v2', 'v3'];

describe(rollUp.name, () => {
  it('sums villages into townships and townships into the county', () => {
    const own = new Map<string, Counts>([
      ['v1', { persons: 3, recorded: 1 }],
      ['v2', { persons: 4, recorded: 4 }],
      ['v3', { persons: 5 }],
    ]);
    const totals = rollUp(tree, own, 'county');
    expect(totals.get('t1')).toEqual({ persons: 7, recorded: 5 });
    expect(totals.get('t2')).toEqual({ persons: 5 });
    expect(totals.get('county')).toEqual({ persons: 12, recorded: 5 });
    expect(own.get('v1')).toEqual({ persons: 3, recorded: 1 });
  });

  it('always gives parents exactly the sum of their children', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 3, maxLength: 3 }), (persons) => {
        const own = new Map<string, Counts>(villages.map((v, i) => [v, { persons: persons[i] }]));
        const totals = rollUp(tree, own, 'county');
        expect(disagreements(tree, totals)).toEqual([]);
        expect(totals.get('county')!.persons).toBe(persons.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe(disagreements.name, () => {
  it('names the parent and the field whose own figure differs from its children', () => {
    const figures = new Map<string, Counts>([
      ['v1', { persons: 3 }],
      ['v2', { persons: 4 }],
      ['t1', { persons: 8 }],
    ]);
    expect(disagreements(tree, figures)).toEqual([{ id: 't1', key: 'persons', own: 8, childrenSum: 7 }]);
  });
});
