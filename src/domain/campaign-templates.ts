import type { UnitKind } from './hierarchy';

/**
 * Campaign templates and the kinds of step they are made of. A template lists its steps in order, each
 * with its start rule (`step-start-rules.ts`): the campaign workflow starts a step when its rule holds,
 * so steps may overlap (seed 002's second cross-check starts in May while the first round's
 * rectification runs on).
 */
export const STEP_KINDS = [
  're_identification', // 疾病再识别
  'treatment_round', // 大病集中救治: a case per eligible person, tracked to treated
  'cross_check', // 村与村交叉排查: a team's inspection task per unit it inspects, failed items become problems
  'rectification', // 整改销号: the problems of the cross-check round before it, until every one is cleared
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'launching', 'running', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type StepStatus = 'pending' | 'launching' | 'running' | 'completed' | 'cancelled';

export interface StepTemplate {
  kind: StepKind;
  /** Title of the step and of each unit's task; the unit's name is appended for the task. */
  title: string;
  /**
   * Unit kinds a step of this kind may be assigned to (a treatment round: the units that refer its cases;
   * a rectification: the kind of unit whose problems it tracks, informational), the first the default.
   */
  responsibleUnitKinds: readonly UnitKind[];
  /**
   * The default start rule: the ordinal of the earlier step whose completion starts this one; null (the
   * first step) starts at launch. A campaign may add a date and name another earlier step, or none.
   */
  startAfter: number | null;
}

export interface CampaignTemplate {
  key: string;
  name: string;
  steps: readonly StepTemplate[];
}

const CLINICS_AND_CENTRES: readonly UnitKind[] = ['village_clinic', 'health_centre', 'community_health_centre'];
const RE_IDENTIFICATION_STEP = { kind: 're_identification', title: '疾病再识别', responsibleUnitKinds: CLINICS_AND_CENTRES } as const;
const INSPECTING_TEAMS: readonly UnitKind[] = ['village_clinic', 'health_centre'];

export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  {
    key: 're_identification',
    name: '建档立卡贫困人口疾病再识别',
    steps: [{ ...RE_IDENTIFICATION_STEP, startAfter: null }],
  },
  {
    key: 'treatment_round',
    name: '农村贫困人口大病集中救治',
    steps: [
      {
        kind: 'treatment_round',
        title: '大病集中救治',
        responsibleUnitKinds: ['health_centre', 'community_health_centre'],
        startAfter: null,
      },
    ],
  },
  {
    // Seed 002: village teams (or township teams) inspect one another twice, the second round repeating
    // no pair of the first; the second starts when the first completes.
    key: 'cross_check',
    name: '村与村交叉排查',
    steps: [
      { kind: 'cross_check', title: '第一轮交叉排查', responsibleUnitKinds: INSPECTING_TEAMS, startAfter: null },
      { kind: 'cross_check', title: '第二轮交叉排查', responsibleUnitKinds: INSPECTING_TEAMS, startAfter: 0 },
    ],
  },
  {
    // Seed 002's year (朝天区 2020): re-identification by 25 March; village-to-village checks from late March
    // to early April; a second check in mid to late May (its date given at creation); every problem of
    // both rounds rectified and cleared by the end of June (清零), the campaign closing only then.
    key: 'qingling_year',
    name: '健康扶贫问题清零行动',
    steps: [
      { ...RE_IDENTIFICATION_STEP, startAfter: null },
      { kind: 'cross_check', title: '第一轮村与村交叉排查', responsibleUnitKinds: INSPECTING_TEAMS, startAfter: 0 },
      { kind: 'rectification', title: '第一轮问题整改销号', responsibleUnitKinds: INSPECTING_TEAMS, startAfter: 1 },
      { kind: 'cross_check', title: '第二轮交叉排查', responsibleUnitKinds: INSPECTING_TEAMS, startAfter: 1 },
      { kind: 'rectification', title: '第二轮问题整改销号', responsibleUnitKinds: INSPECTING_TEAMS, startAfter: 3 },
    ],
  },
  {
    // Seed 004: a treatment batch over the persons this campaign's re-identification found.
    key: 're_identification_treatment',
    name: '疾病再识别与大病集中救治',
    steps: [
      { ...RE_IDENTIFICATION_STEP, startAfter: null },
      {
        kind: 'treatment_round',
        title: '大病集中救治',
        responsibleUnitKinds: ['health_centre', 'community_health_centre'],
        startAfter: 0,
      },
    ],
  },
];

export function findTemplate(key: string): CampaignTemplate | undefined {
  return CAMPAIGN_TEMPLATES.find((t) => t.key === key);
}

/** Which campaign states allow which operations (409 names the current state otherwise). */
export function canLaunch(status: CampaignStatus): boolean {
  return status === 'draft';
}

export function canCancel(status: CampaignStatus): boolean {
  return status === 'draft' || status === 'launching' || status === 'running';
}

/** The natural key of a step's task for one unit: a launch that runs twice creates it once. */
export function stepTaskKey(stepId: string, unitId: string): string {
  return `step:${stepId}:${unitId}`;
}
