import { Account } from '../access/entities/account.entity';
import { AuditLog } from '../access/entities/audit-log.entity';
import { ModuleGrant } from '../access/entities/module-grant.entity';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity';
import { SmsVerification } from '../modules/identity/entities/sms-verification.entity';
import { IdentityLookupFailure } from '../modules/identity/entities/identity-lookup-failure.entity';
import { WechatOauthToken } from '../modules/identity/entities/wechat-oauth-token.entity';
import { NotificationCampaign } from '../modules/notifications/entities/notification-campaign.entity';
import { NotificationDelivery } from '../modules/notifications/entities/notification-delivery.entity';
import { NotificationUrge } from '../modules/notifications/entities/notification-urge.entity';
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
import { Delegation } from '../modules/delegations/entities/delegation.entity';
import { CreditRecord } from '../modules/credit/entities/credit-record.entity';
import { Objection } from '../modules/service-evaluation/objections/entities/objection.entity';
import { ObjectionKind } from '../modules/service-evaluation/objections/entities/objection-kind.entity';
import { Owner } from '../modules/regions/entities/owner.entity';
import { OwnerOfficeHolder } from '../modules/regions/entities/owner-office-holder.entity';
import { NOTICE_ENTITIES } from '../modules/notices/entities';
import { SAFETY_INSPECTION_ENTITIES } from '../modules/safety-inspections/entities';
import { TEXT_SEARCH_ENTITIES } from '../common/search/text-search.entities';
import { PROPERTY_AREA_ENTITIES } from '../modules/property-areas/entities';
import { AREA_CHANGE_ENTITIES } from '../modules/property-areas/changes/entities';

import { FACILITY_ENTITIES } from '../modules/property-areas/facilities/entities';
import { PARKING_ENTITIES } from '../modules/parking/entities';
import { PRACTITIONER_ENTITIES } from '../modules/practitioners/entities';
import { COMMON_FUND_ENTITIES } from '../modules/common-funds/entities';
import { DISPUTE_ENTITIES } from '../modules/disputes/entities';
import { OWNER_ENTITIES } from '../modules/owners/entities';
import { OWNER_EVALUATION_ENTITIES } from '../modules/owner-evaluations/entities';
import { OWNER_DECISION_ENTITIES } from '../modules/owner-decisions/entities';
import { DOWNLOADS_ENTITIES } from '../modules/downloads/entities';
/** Every entity of the schema; migrations are generated from exactly this list. */
export const ENTITIES = [
  Account,
  ModuleGrant,
  AuditLog,
  RefreshToken,
  SmsVerification,
  WechatOauthToken,
  IdentityLookupFailure,
  NotificationCampaign,
  NotificationDelivery,
  NotificationUrge,
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
  Delegation,
  Owner,
  OwnerOfficeHolder,
  CreditRecord,
  ObjectionKind,
  Objection,
  ...NOTICE_ENTITIES,
  ...SAFETY_INSPECTION_ENTITIES,
  ...TEXT_SEARCH_ENTITIES,
  ...PROPERTY_AREA_ENTITIES,
  ...AREA_CHANGE_ENTITIES,
  ...FACILITY_ENTITIES,
  ...PARKING_ENTITIES,
  ...PRACTITIONER_ENTITIES,
  ...COMMON_FUND_ENTITIES,
  ...DISPUTE_ENTITIES,
  ...OWNER_ENTITIES,
  ...OWNER_EVALUATION_ENTITIES,
  ...OWNER_DECISION_ENTITIES,
  ...DOWNLOADS_ENTITIES,
];
