import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROBLEM_CATEGORY_KEYS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  ProblemCategory,
  ProblemSource,
  ProblemStatus,
} from '../../domain/rectification';

const nullableId = { type: String, format: 'uuid', nullable: true } as const;
const nullableText = { type: String, nullable: true } as const;
const nullableTime = { type: String, format: 'date-time', nullable: true } as const;

/** A problem (问题清单 row) as the API answers it. */
export class ProblemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'the responsible unit (责任单位)' }) unitId: string;
  @ApiProperty({ enum: PROBLEM_SOURCES }) source: ProblemSource;
  @ApiProperty({ enum: PROBLEM_CATEGORY_KEYS }) category: ProblemCategory;
  @ApiProperty(nullableText) itemKey: string | null;
  @ApiProperty() duplicateKey: string;
  @ApiProperty() description: string;
  @ApiProperty() evidence: string;
  @ApiProperty({ ...nullableId, description: "the inspecting team's unit" }) inspectingUnitId: string | null;
  @ApiProperty(nullableId) campaignId: string | null;
  @ApiProperty(nullableId) stepId: string | null;
  @ApiProperty({ enum: PROBLEM_STATUSES }) status: ProblemStatus;
  @ApiProperty({ ...nullableId, description: 'the rectification task of the deadline engine' }) taskId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time', description: 'the time limit (整改时限)' }) dueAt: Date;
  @ApiProperty(nullableText) plan: string | null;
  @ApiProperty(nullableText) fixNote: string | null;
  @ApiProperty({ description: 'times reported (duplicates merged)' }) reports: number;
  @ApiProperty({ description: 'verifications refused' }) refusals: number;
  @ApiProperty({ description: 'times found again after 销号' }) recurrences: number;
  @ApiProperty(nullableId) verifiedByUserId: string | null;
  @ApiProperty(nullableTime) clearedAt: Date | null;
  @ApiProperty({ format: 'date-time', description: 'found, or found again' }) openedAt: Date;
  @ApiProperty(nullableId) createdByUserId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class ProblemListItemView extends ProblemView {
  @ApiProperty() unitName: string;
  @ApiProperty({ description: 'not cleared and past its due time' }) overdue: boolean;
}

export class ProblemEventView {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ example: 'refuse' }) action: string;
  @ApiProperty({ enum: PROBLEM_STATUSES, nullable: true }) fromStatus: ProblemStatus | null;
  @ApiProperty({ enum: PROBLEM_STATUSES }) toStatus: ProblemStatus;
  @ApiProperty(nullableId) actorUserId: string | null;
  @ApiProperty(nullableText) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class ProblemDetailView extends ProblemView {
  @ApiProperty({ type: [ProblemEventView] }) events: ProblemEventView[];
  @ApiProperty({ description: 'the caller may verify or refuse its fix (outside the unit)' }) mayVerify: boolean;
}

export class FiledProblemView {
  @ApiProperty({ enum: ['created', 'merged', 'reopened'] }) filedAs: 'created' | 'merged' | 'reopened';
  @ApiProperty({ type: ProblemView }) problem: ProblemView;
}

export class ProblemImportView {
  @ApiProperty() created: number;
  @ApiProperty() merged: number;
  @ApiProperty() reopened: number;
}

export class AccountabilityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ format: 'uuid' }) formalTalkId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ enum: ['pending', 'completed'] }) status: 'pending' | 'completed';
  @ApiProperty(nullableText) measure: string | null;
  @ApiProperty(nullableId) completedByUserId: string | null;
  @ApiProperty(nullableTime) completedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** A record of the list, with what a manager needs beside it: the unit, the problem and the formal talk. */
export class AccountabilityListItemView extends AccountabilityView {
  @ApiProperty({ description: 'the responsible unit' }) unitName: string;
  @ApiProperty() problemDescription: string;
  @ApiProperty({ enum: PROBLEM_CATEGORY_KEYS }) problemCategory: ProblemCategory;
  @ApiProperty({ enum: PROBLEM_STATUSES }) problemStatus: ProblemStatus;
  @ApiProperty({ description: 'the escalation level that opened the formal talk' }) talkLevel: number;
  @ApiProperty({ enum: ['pending', 'scheduled', 'held'] }) talkStatus: string;
  @ApiProperty(nullableTime) talkScheduledAt: Date | null;
  @ApiProperty(nullableTime) talkHeldAt: Date | null;
  @ApiProperty(nullableText) talkOutcome: string | null;
  @ApiProperty({ ...nullableText, description: 'who completed it' }) completedByName: string | null;
}

class BoardCountView {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
}

class BoardUnitView extends BoardCountView {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() oldestDays: number;
}

class BoardSourceView extends BoardCountView {
  @ApiProperty({ enum: PROBLEM_SOURCES }) source: ProblemSource;
  @ApiProperty() label: string;
}

class BoardCategoryView extends BoardCountView {
  @ApiProperty({ enum: PROBLEM_CATEGORY_KEYS }) category: ProblemCategory;
  @ApiProperty() label: string;
}

class BoardAgeView extends BoardCountView {
  @ApiProperty({ example: '8-30' }) bucket: string;
}

class BurnDownDayView {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty() open: number;
}

class BoardRootView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** The 清零 board of an area. */
export class ProblemBoardView extends BoardCountView {
  @ApiProperty({ type: BoardRootView }) root: BoardRootView;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [BoardUnitView] }) byUnit: BoardUnitView[];
  @ApiProperty({ type: [BoardSourceView] }) bySource: BoardSourceView[];
  @ApiProperty({ type: [BoardCategoryView] }) byCategory: BoardCategoryView[];
  @ApiProperty({ type: [BoardAgeView] }) byAge: BoardAgeView[];
  @ApiPropertyOptional({ type: [BurnDownDayView] }) burnDown: BurnDownDayView[];
}
