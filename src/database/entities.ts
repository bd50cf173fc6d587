import { Announcement } from '../announcements/announcement.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Notification } from '../notifications/notification.entity';
import { Escalation, FormalTalk } from '../tasks/escalation.entity';
import { TaskExtensionRequest } from '../tasks/task-extension-request.entity';
import { Task, TaskEvent } from '../tasks/task.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [Unit, User, AuditEvent, Notification, Announcement, Task, TaskEvent, TaskExtensionRequest, Escalation, FormalTalk];
