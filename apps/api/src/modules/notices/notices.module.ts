import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../../access/entities/account.entity';
import { NotificationCampaign } from '../notifications/entities/notification-campaign.entity';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { NotificationUrge } from '../notifications/entities/notification-urge.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { Attachment } from '../workflow/attachments/attachment.entity';
import { WorkflowModule } from '../workflow/workflow.module';
import { NOTICE_ENTITIES } from './entities';
import { NoticeAttachmentsService } from './notice-attachments.service';
import { NoticeAudienceResolver } from './notice-audience.resolver';
import { NoticeTypesController } from './notice-types.controller';
import { NoticeTypesService } from './notice-types.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { ReceivedNoticesController } from './received-notices.controller';
import { ReceivedNoticesService } from './received-notices.service';

/**
 * Chapter 15, 通知发布: notices to project managers, committee chairs and (from the city) district
 * officers, on the notification pipeline; read statistics, 催办, and the recipients' side.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([...NOTICE_ENTITIES, Account, Attachment, NotificationCampaign, NotificationDelivery, NotificationUrge]),
    NotificationsModule,
    RegionsModule,
    WorkflowModule,
  ],
  // the fixed paths (received, types) before NoticesController's :id
  controllers: [ReceivedNoticesController, NoticeTypesController, NoticesController],
  providers: [NoticeTypesService, NoticeAudienceResolver, NoticeAttachmentsService, NoticesService, ReceivedNoticesService],
})
export class NoticesModule {}
