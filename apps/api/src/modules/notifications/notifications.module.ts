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
import { RecipientResolver } from './reminders/recipient-resolver';
import { RemindersService } from './reminders/reminders.service';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { ProjectManager } from '../regions/entities/project-manager.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { Region } from '../regions/entities/region.entity';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationCampaign, NotificationDelivery, NotificationUrge, Account, OwnersCommittee, ProjectManager, PropertyArea, PropertyCompany, Region]), WechatMessagingModule, SmsModule],
  controllers: [InboxController, CampaignsController],
  providers: [NotificationsService, DeliveryProcessor, InboxService, CampaignsService, RecipientResolver, RemindersService],
  exports: [NotificationsService, InboxService, RecipientResolver, RemindersService],
})
export class NotificationsModule {}
