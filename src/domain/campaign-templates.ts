import type { UnitKind } from './hierarchy';

/**
 * Campaign templates and the kinds of step they are made of. A template lists its steps in order;
 * later step kinds (treatment rounds, cross-village checks, rectification) join STEP_KINDS and a
 * template, and the campaign workflow runs them one after another.
 */
export const STEP_KINDS = [
  're_identification', // 疾病再识别
  'treatment_round', // 大病集中救治: a case per eligible person, tracked to treated
  'cross_check', // 村与村交叉排查: a team's inspection task per unit it inspects, failed items become problems
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'launching', 'running', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type StepStatus = 'pending' | 'launching' | 'running' | 'completed' | 'cancelled';

export interface StepTemplate {
  kind: StepKind;
  /** Title of the step and of each unit's task; the unit's name is appended for the task. */
  title: string;
  /** Unit kinds a step of this kind may be assigned to (a treatment round: the units that refer its cases). */
  responsibleUnitKinds: readonly UnitKind[];
}

export interface CampaignTemplate {
  key: string;
  name: string;
  steps: readonly StepTemplate[];
}

export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  {
    key: 're_identification',
    name: '建档立卡贫困人口疾病再识别',
    steps: [
      {
        kind: 're_identification',
        title: '疾病再识别',
        responsibleUnitKinds: ['village_clinic', 'health_centre', 'community_health_centre'],
      },
    ],
  },
  {
    key: 'treatment_round',
    name: '农村贫困人口大病集中救治',
    steps: [
      {
        kind: 'treatment_round',
        title: '大病集中救治',
        responsibleUnitKinds: ['health_centre', 'community_health_centre'],
      },
    ],
  },
  {
    // Seed 002: village teams (or township teams) inspect one another twice, the second round repeating
    // no pair of the first; the second starts when the first completes.
    key: 'cross_check',
    name: '村与村交叉排查',
    steps: [
      { kind: 'cross_check', title: '第一轮交叉排查', responsibleUnitKinds: ['village_clinic', 'health_centre'] },
      { kind: 'cross_check', title: '第二轮交叉排查', responsibleUnitKinds: ['village_clinic', 'health_centre'] },
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
