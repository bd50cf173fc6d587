import { Announcement } from '../announcements/announcement.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Notification } from '../notifications/notification.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [Unit, User, AuditEvent, Notification, Announcement];
