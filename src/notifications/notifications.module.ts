import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelDeliveryService } from './channel-delivery.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationDelivery, NotificationSettings } from './notification-settings.entity';
import { Notification } from './notification.entity';
import { NotificationQueue } from './notification-queue';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationSettings, NotificationDelivery])],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationQueue, NotificationDeliveryService, ChannelDeliveryService],
  exports: [NotificationsService, NotificationDeliveryService, ChannelDeliveryService, NotificationQueue],
})
export class NotificationsModule {}
