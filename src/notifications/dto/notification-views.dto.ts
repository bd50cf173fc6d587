import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../notification.entity';

/** The facts of the item a notification is about, formatted for display. */
export class NotificationItemDataView {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() taskTitle: string;
  @ApiProperty() unitName: string;
  @ApiProperty() dueAt: string;
}

/** One message of the in-app inbox. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) recipientUserId: string;
  @ApiProperty({ description: 'What the notification is about, e.g. announcement:<id>:<user>; unique' }) businessKey: string;
  @ApiProperty({ description: 'e.g. reminder, escalation, announcement' }) kind: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel: NotificationChannel;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: NotificationItemDataView, nullable: true }) data: NotificationItemDataView | null;
  @ApiProperty({ type: Date, description: 'When it reached the inbox' }) createdAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'null: unread' }) readAt: Date | null;
}

export class UnreadCountView {
  @ApiProperty() unread: number;
}

export class MarkedCountView {
  @ApiProperty({ description: 'How many were unread and are read now' }) marked: number;
}
