import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryProcessor } from './delivery.processor';
import { NotificationCampaign } from './entities/notification-campaign.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationCampaign, NotificationDelivery])],
  controllers: [InboxController],
  providers: [NotificationsService, DeliveryProcessor, InboxService],
  exports: [NotificationsService, InboxService],
})
export class NotificationsModule {}
