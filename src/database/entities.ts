import { Campaign, CampaignStep } from '../campaigns/campaign.entity';
import { ReIdentificationItem } from '../campaigns/re-identification-item.entity';
import { ComparisonFlagRecord, ComparisonRun } from '../campaigns/comparison.entity';
import { DiseaseCatalogueVersion } from '../diseases/disease-catalogue.entity';
import { FollowUp, FollowUpPlan } from '../follow-ups/follow-up.entity';
import { Household } from '../population/household.entity';
import { Person } from '../population/person.entity';
import { RegisterImport, RegisterImportError } from '../population/register-import.entity';
import { Announcement } from '../announcements/announcement.entity';
import { HolidayCalendar } from '../calendar/holiday-calendar.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { NotificationDelivery, NotificationSettings } from '../notifications/notification-settings.entity';
import { NotificationTemplate } from '../notifications/notification-template.entity';
import { Notification } from '../notifications/notification.entity';
import { DeadlinePolicyRecord } from '../policies/deadline-policy.entity';
import { AccountabilityRecord, Problem, ProblemEvent } from '../problems/problem.entity';
import { SpotCheck, SpotCheckSample } from '../spot-checks/spot-check.entity';
import { RecurringTaskDefinition, RecurringTaskOccurrence } from '../recurring/recurring-task.entity';
import { DeadlineClockRecord, DeadlineMoment } from '../tasks/deadline-moment.entity';
import { Escalation, FormalTalk } from '../tasks/escalation.entity';
import { TaskEvidence } from '../tasks/task-evidence.entity';
import { TaskExtensionRequest } from '../tasks/task-extension-request.entity';
import { Task, TaskEvent } from '../tasks/task.entity';
import { TreatmentCase, TreatmentCaseEvent } from '../treatment/treatment-case.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  Unit,
  User,
  AuditEvent,
  Notification,
  NotificationSettings,
  NotificationDelivery,
  NotificationTemplate,
  Announcement,
  Task,
  TaskEvent,
  TaskExtensionRequest,
  Escalation,
  FormalTalk,
  DeadlineMoment,
  DeadlineClockRecord,
  TaskEvidence,
  RecurringTaskDefinition,
  RecurringTaskOccurrence,
  HolidayCalendar,
  DeadlinePolicyRecord,
  Household,
  Person,
  RegisterImport,
  RegisterImportError,
  DiseaseCatalogueVersion,
  Campaign,
  CampaignStep,
  ReIdentificationItem,
  ComparisonRun,
  ComparisonFlagRecord,
  TreatmentCase,
  TreatmentCaseEvent,
  FollowUpPlan,
  FollowUp,
  Problem,
  ProblemEvent,
  AccountabilityRecord,
  SpotCheck,
  SpotCheckSample,
];
