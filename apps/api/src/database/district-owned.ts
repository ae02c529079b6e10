import { Account } from '../access/entities/account.entity';
import { AuditLog } from '../access/entities/audit-log.entity';
import { CreditRecord } from '../modules/credit/entities/credit-record.entity';
import { Delegation } from '../modules/delegations/entities/delegation.entity';
import { Notice } from '../modules/notices/entities/notice.entity';
import { NotificationCampaign } from '../modules/notifications/entities/notification-campaign.entity';
import { House } from '../modules/regions/entities/house.entity';
import { Owner } from '../modules/regions/entities/owner.entity';
import { OwnerOfficeHolder } from '../modules/regions/entities/owner-office-holder.entity';
import { OwnersCommittee } from '../modules/regions/entities/owners-committee.entity';
import { ProjectManager } from '../modules/regions/entities/project-manager.entity';
import { PropertyArea } from '../modules/regions/entities/property-area.entity';
import { Region } from '../modules/regions/entities/region.entity';
import { SafetyCheckTemplate } from '../modules/safety-inspections/entities/safety-check-template.entity';
import { SafetyInspection } from '../modules/safety-inspections/entities/safety-inspection.entity';
import { SafetyInspectionTarget } from '../modules/safety-inspections/entities/safety-inspection-target.entity';
import { BadRecord } from '../modules/service-evaluation/entities/bad-record.entity';
import { EvaluationScore } from '../modules/service-evaluation/entities/evaluation-score.entity';
import { GoodRecord } from '../modules/service-evaluation/entities/good-record.entity';
import { RiskListEntry } from '../modules/service-evaluation/entities/risk-list-entry.entity';
import { Objection } from '../modules/service-evaluation/objections/entities/objection.entity';
import { WorkflowCase } from '../modules/workflow/entities/workflow-case.entity';
import { Building } from '../modules/property-areas/entities/building.entity';
import { PropertyAreaProfile } from '../modules/property-areas/entities/property-area-profile.entity';
import { PropertyAreaCase } from '../modules/property-areas/changes/entities/property-area-case.entity';
import { Facility } from '../modules/property-areas/facilities/entities/facility.entity';
import { FacilityMaintenanceRecord } from '../modules/property-areas/facilities/entities/facility-maintenance-record.entity';
import { ParkingDisputeReport } from '../modules/parking/entities/parking-dispute-report.entity';
import { ParkingFiling } from '../modules/parking/entities/parking-filing.entity';
import { Practitioner } from '../modules/practitioners/entities/practitioner.entity';
import { PractitionerCertificate } from '../modules/practitioners/entities/practitioner-certificate.entity';
import { PractitionerRoster } from '../modules/practitioners/entities/practitioner-roster.entity';
import { CommonFundAccount } from '../modules/common-funds/entities/common-fund-account.entity';
import { CommonFundCase } from '../modules/common-funds/entities/common-fund-case.entity';
import { DisputeCase } from '../modules/disputes/entities/dispute-case.entity';
import { DisputeImportBatch } from '../modules/disputes/entities/dispute-import-batch.entity';

import { OwnerHouseBinding } from '../modules/owners/entities/owner-house-binding.entity';
import { EvaluationAreaMonth } from '../modules/owner-evaluations/entities/evaluation-area-month.entity';
import { EvaluationReasonMonth } from '../modules/owner-evaluations/entities/evaluation-reason-month.entity';
import { OwnerEvaluation } from '../modules/owner-evaluations/entities/owner-evaluation.entity';
import { RankStreak } from '../modules/owner-evaluations/entities/rank-streak.entity';
import { OwnerVote } from '../modules/owner-decisions/entities/owner-vote.entity';
/**
 * Every entity with a districtId column. Actor requests reach them through DistrictScope; the lint
 * rule szpm/no-raw-scoped-access (apps/api/eslint) reads this list and flags any other access
 * that does not carry a reason, and district-owned.spec.ts fails when an entity with a districtId
 * column is missing here.
 */
export const DISTRICT_OWNED_ENTITIES = [
  Account,
  AuditLog,
  CreditRecord,
  Delegation,
  Notice,
  NotificationCampaign,
  House,
  Owner,
  OwnerOfficeHolder,
  OwnersCommittee,
  ProjectManager,
  PropertyArea,
  Region,
  SafetyCheckTemplate,
  SafetyInspection,
  SafetyInspectionTarget,
  BadRecord,
  EvaluationScore,
  GoodRecord,
  RiskListEntry,
  Objection,
  WorkflowCase,
  PropertyAreaProfile,
  Building,
  PropertyAreaCase,
  Facility,
  FacilityMaintenanceRecord,
  ParkingFiling,
  ParkingDisputeReport,
  Practitioner,
  PractitionerCertificate,
  PractitionerRoster,
  CommonFundAccount,
  CommonFundCase,
  DisputeCase,
  DisputeImportBatch,
  OwnerHouseBinding,
  OwnerEvaluation,
  EvaluationAreaMonth,
  EvaluationReasonMonth,
  RankStreak,
  OwnerVote,
];
