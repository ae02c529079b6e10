import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../../access/entities/account.entity';
import { SmsModule } from '../../integrations/sms/sms.module';
import { WechatMessagingModule } from '../../integrations/wechat/wechat-messaging.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { DeliveryProcessor } from './delivery.processor';
import { NotificationCampaign } from './entities/notification-campaign.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationUrge } from './entities/notification-urge.entity';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationCampaign, NotificationDelivery, NotificationUrge, Account]), WechatMessagingModule, SmsModule],
  controllers: [InboxController, CampaignsController],
  providers: [NotificationsService, DeliveryProcessor, InboxService, CampaignsService],
  exports: [NotificationsService, InboxService],
})
export class NotificationsModule {}
