import { Account } from '../access/entities/account.entity';
import { AuditLog } from '../access/entities/audit-log.entity';
import { ModuleGrant } from '../access/entities/module-grant.entity';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity';
import { SmsVerification } from '../modules/identity/entities/sms-verification.entity';
import { WechatOauthToken } from '../modules/identity/entities/wechat-oauth-token.entity';
import { NotificationCampaign } from '../modules/notifications/entities/notification-campaign.entity';
import { NotificationDelivery } from '../modules/notifications/entities/notification-delivery.entity';
import { Developer } from '../modules/regions/entities/developer.entity';
import { House } from '../modules/regions/entities/house.entity';
import { OwnersCommittee } from '../modules/regions/entities/owners-committee.entity';
import { ProjectManager } from '../modules/regions/entities/project-manager.entity';
import { PropertyArea } from '../modules/regions/entities/property-area.entity';
import { PropertyCompany } from '../modules/regions/entities/property-company.entity';
import { Region } from '../modules/regions/entities/region.entity';
import { Attachment } from '../modules/workflow/attachments/attachment.entity';
import { WorkflowActionRecord } from '../modules/workflow/entities/workflow-action-record.entity';
import { WorkflowCase } from '../modules/workflow/entities/workflow-case.entity';
import { WorkflowSequence } from '../modules/workflow/entities/workflow-sequence.entity';
import { SERVICE_EVALUATION_ENTITIES } from '../modules/service-evaluation/entities';

/** Every entity of the schema; migrations are generated from exactly this list. */
export const ENTITIES = [
  Account,
  ModuleGrant,
  AuditLog,
  RefreshToken,
  SmsVerification,
  WechatOauthToken,
  NotificationCampaign,
  NotificationDelivery,
  Region,
  PropertyCompany,
  ProjectManager,
  Developer,
  OwnersCommittee,
  PropertyArea,
  House,
  WorkflowCase,
  WorkflowActionRecord,
  WorkflowSequence,
  Attachment,
  ...SERVICE_EVALUATION_ENTITIES,
];
