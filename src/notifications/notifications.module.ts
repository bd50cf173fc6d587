import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelDeliveryService } from './channel-delivery.service';
import { NotificationDelivery, NotificationSettings } from './notification-settings.entity';
import { Notification } from './notification.entity';
import { NotificationQueue } from './notification-queue';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationSettings, NotificationDelivery])],
  controllers: [NotificationsController, TemplatesController],
  providers: [NotificationsService, NotificationQueue, ChannelDeliveryService, TemplatesService],
  exports: [NotificationsService, ChannelDeliveryService, NotificationQueue, TemplatesService],
})
export class NotificationsModule {}
