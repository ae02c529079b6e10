import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  CampaignKind,
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationRecordStatus,
  EvaluationSubjectType,
  MESSAGE_LINKS,
  ModuleKey,
  OBJECTION_FORM_LABEL,
  OBJECTION_FORM_TYPE,
  OBJECTION_GROUNDS_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_TARGET_LABELS,
  ObjectionErrorCode,
  ObjectionOutcome,
  ObjectionTarget,
  Role,
  UnitCategory,
  WorkflowOrigin,
} from '@szpm/contract';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Actor } from '../../../access/actor';
import { AppException } from '../../../common/errors/app.exception';
import { NotificationsService } from '../../notifications/notifications.service';
import { ProjectManager } from '../../regions/entities/project-manager.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { WorkflowFormDefinition, WorkflowFormSummary, WorkflowHookContext } from '../../workflow/workflow-form';
import { WorkflowRegistry } from '../../workflow/workflow-registry';
import { CatalogueService } from '../catalogue/catalogue.service';
import { BadRecord } from '../entities/bad-record.entity';
import { EvaluationScore } from '../entities/evaluation-score.entity';
import { RiskListEntry } from '../entities/risk-list-entry.entity';
import { publicityPeriod, todayInShanghai } from '../records/publicity-period';
import { ScoreService } from '../scoring/score.service';
import { BasicInformationDraftDto, ObjectionPayload, RecordDraftDto } from './dto/objection.dto';
import { Objection } from './entities/objection.entity';
import { ObjectionKindsService } from './objection-kinds.service';
import { ObjectionException } from './objection.exception';

/** The accounts that file objections, and the subject each speaks for. */
export const OBJECTING_ROLES: readonly Role[] = [Role.PROPERTY_COMPANY, Role.PROJECT_MANAGER];

export function subjectOf(actor: Actor): { subjectType: EvaluationSubjectType; subjectId: number } | null {
  if (actor.unitId === null) return null;
  if (actor.role === Role.PROPERTY_COMPANY && actor.unitCategory === UnitCategory.PROPERTY_COMPANY) return { subjectType: EvaluationSubjectType.COMPANY, subjectId: actor.unitId };
  if (actor.role === Role.PROJECT_MANAGER && actor.unitCategory === UnitCategory.PROJECT_MANAGER) return { subjectType: EvaluationSubjectType.PROJECT_MANAGER, subjectId: actor.unitId };
  return null;
}

export function targetKeyOf(p: { target: ObjectionTarget; recordId?: number | null; cycleKey?: string | null; subjectType?: EvaluationSubjectType; subjectId?: number }): string {
  return p.target === ObjectionTarget.SCORE ? `SCORE:${p.subjectType}:${p.subjectId}:${p.cycleKey}` : `${p.target}:${p.recordId}`;
}

/** The basic-information fields each kind of subject has (what the basic score counts). */
const BASIC_FIELDS: Record<EvaluationSubjectType, ReadonlyArray<keyof BasicInformationDraftDto>> = {
  [EvaluationSubjectType.COMPANY]: ['legalRepresentative', 'contactPhone', 'address'],
  [EvaluationSubjectType.PROJECT_MANAGER]: ['phone', 'certificateNo'],
};

/** The fields of a record the draft may change; approval compares them with the record to see it is unchanged. */
const RECORD_FIELDS = ['itemId', 'circumstanceId', 'factDate', 'documentNo', 'description'] as const;

/** First day of a scoring cycle key ("2026", "2026-H1", "2026-H2"). */
export function cycleStart(cycleKey: string): string {
  return cycleKey.endsWith('-H2') ? `${cycleKey.slice(0, 4)}-07-01` : `${cycleKey.slice(0, 4)}-01-01`;
}

type Record_ = BadRecord | RiskListEntry;

function recordSnapshot(record: Record_): Record<string, unknown> {
  return {
    itemId: record.itemId,
    itemName: record.itemName,
    circumstanceId: record.circumstanceId,
    circumstanceDescription: record.circumstanceDescription,
    level: 'level' in record ? record.level : null,
    points: 'points' in record ? record.points : null,
    publicityMonths: record.publicityMonths,
    factDate: record.factDate,
    documentNo: record.documentNo,
    description: record.description,
    status: record.status,
    publicityStart: record.publicityStart,
    publicityEnd: record.publicityEnd,
  };
}

function draftOf(record: Record_): RecordDraftDto {
  return {
    itemId: record.itemId,
    circumstanceId: record.circumstanceId,
    factDate: record.factDate,
    documentNo: record.documentNo,
    description: record.description,
    revoke: false,
    itemName: record.itemName,
    circumstanceDescription: record.circumstanceDescription,
    level: 'level' in record ? record.level : null,
    points: 'points' in record ? record.points : null,
    publicityMonths: record.publicityMonths,
  };
}

/** The record as the draft was made from it: same content, still effective, no other form on it. */
function unchangedSince(record: Record_, original: Record<string, unknown>): boolean {
  return record.status === EvaluationRecordStatus.EFFECTIVE && record.pendingCaseId === null && original.status === record.status && RECORD_FIELDS.every((f) => original[f] === record[f]);
}

type Prepared = { payload: ObjectionPayload; districtId: number; summary: WorkflowFormSummary };

/**
 * 异议处理 as a workflow form (subject form: 待受理 → 确认受理 → 初查 → 认定审核).
 *
 * Who may change what: the applicant states target, kind and grounds once (fixed afterwards) and the
 * text (also when supplementing); the handler and the supervisor change only the draft, a copy of
 * the record (or of the subject's basic information) that stays in the form. Approval makes the
 * draft the record and recomputes the scores; rejection touches nothing but the objection itself.
 * Either way the applicant is told through the notification queue.
 */
@Injectable()
export class ObjectionForm implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly kinds: ObjectionKindsService,
    private readonly catalogue: CatalogueService,
    private readonly scores: ScoreService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit() {
    this.registry.register(this.definition());
  }

  definition(): WorkflowFormDefinition<ObjectionPayload> {
    return {
      formType: OBJECTION_FORM_TYPE,
      label: OBJECTION_FORM_LABEL,
      module: ModuleKey.SERVICE_EVALUATION,
      origin: WorkflowOrigin.SUBJECT,
      filingRoles: [...OBJECTING_ROLES],
      businessNoPrefix: 'OBJ',
      payloadClass: ObjectionPayload,
      prepare: (manager, actor, payload, current) => this.prepare(manager, actor, payload, current?.payload),
      onCreated: (context, payload) => this.record(context, payload),
      onApproved: (context, payload) => this.uphold(context, payload),
      onRejected: (context, payload) => this.dismiss(context, payload),
      onReturnedForSupplement: (context, payload, opinion) => this.askForSupplement(context, payload, opinion),
    };
  }

  async prepare(manager: EntityManager, actor: Actor, input: ObjectionPayload, previous?: ObjectionPayload): Promise<Prepared> {
    const applicant = OBJECTING_ROLES.includes(actor.role);
    let statement: ObjectionPayload;
    let kindName: string;
    if (!previous) {
      const subject = subjectOf(actor);
      if (!subject) throw new ObjectionException(ObjectionErrorCode.NOT_A_SUBJECT);
      statement = { target: input.target, recordId: input.recordId, cycleKey: input.cycleKey, kindId: input.kindId, grounds: input.grounds, text: input.text.trim(), ...subject };
      kindName = (await this.kinds.usable(manager, input.kindId, input.target)).name;
    } else {
      const fixed = { target: previous.target, recordId: previous.recordId, cycleKey: previous.cycleKey, kindId: previous.kindId, grounds: previous.grounds, subjectType: previous.subjectType, subjectId: previous.subjectId };
      if (applicant) {
        for (const field of ['target', 'recordId', 'cycleKey', 'kindId', 'grounds'] as const) {
          if ((input[field] ?? null) !== (fixed[field] ?? null)) throw new ObjectionException(ObjectionErrorCode.STATEMENT_FIXED, { field: `payload.${field}` });
        }
      }
      // officers never rewrite the applicant's statement: what they send for it is replaced
      statement = { ...fixed, text: applicant ? input.text.trim() : previous.text };
      kindName = previous.kindName!;
    }
    const subjectType = statement.subjectType!;
    const subjectId = statement.subjectId!;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- duplicate check on the filing unit's own target (the statement's subject is the actor's own)
    if (!previous && (await manager.exists(Objection, { where: { targetKey: targetKeyOf(statement), grounds: statement.grounds } }))) {
      throw new ObjectionException(ObjectionErrorCode.DUPLICATE, { field: 'grounds' });
    }
    const officerEdit = previous !== undefined && !applicant;

    if (statement.target === ObjectionTarget.SCORE) {
      if (officerEdit && input.draft) throw new ObjectionException(ObjectionErrorCode.DRAFT_NOT_APPLICABLE, { field: 'payload.draft' });
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the score of the objecting unit itself (subject from the actor, or fixed by the filed statement)
      const score = await manager.findOne(EvaluationScore, { where: { subjectType, subjectId, cycleKey: statement.cycleKey } });
      if (!score) throw new ObjectionException(ObjectionErrorCode.TARGET_NOT_FOUND, { field: 'cycleKey' });
      const basic = await this.basicInformation(manager, subjectType, subjectId);
      const basicDraft = !previous ? { ...basic } : officerEdit && input.basicDraft ? this.checkBasicDraft(subjectType, input.basicDraft) : (previous.basicDraft ?? null);
      return {
        payload: {
          ...statement,
          kindName,
          subjectName: score.subjectName,
          original: !previous || officerEdit ? { ...basic, basicScore: score.basicScore, total: score.total, grade: score.grade } : previous.original!,
          draft: null,
          basicDraft,
        },
        districtId: score.districtId,
        summary: this.summary(statement, kindName, score.subjectName, `${statement.cycleKey}年度得分`),
      };
    }

    if (officerEdit && input.basicDraft) throw new ObjectionException(ObjectionErrorCode.DRAFT_NOT_APPLICABLE, { field: 'payload.basicDraft' });
    const entity = statement.target === ObjectionTarget.BAD_RECORD ? BadRecord : RiskListEntry;
    const record: Record_ | null = await manager.findOne(entity as typeof BadRecord, { where: { id: statement.recordId } });
    if (!record || record.subjectType !== subjectType || record.subjectId !== subjectId) throw new ObjectionException(ObjectionErrorCode.TARGET_NOT_FOUND, { field: 'recordId' });
    if (!previous && (record.status !== EvaluationRecordStatus.EFFECTIVE || record.pendingCaseId !== null)) throw new ObjectionException(ObjectionErrorCode.TARGET_NOT_OBJECTABLE);
    const draft = !previous ? draftOf(record) : officerEdit && input.draft ? await this.completeDraft(manager, statement.target, subjectType, input.draft) : (previous.draft ?? null);
    return {
      payload: { ...statement, kindName, subjectName: record.subjectName, original: !previous || officerEdit ? recordSnapshot(record) : previous.original!, draft, basicDraft: null },
      districtId: record.districtId,
      summary: this.summary(statement, kindName, record.subjectName, `${record.itemName}（${record.factDate}）`),
    };
  }

  /** Level, points and publicity months follow from the chosen item and circumstance, as on entry. */
  private async completeDraft(manager: EntityManager, target: ObjectionTarget, subjectType: EvaluationSubjectType, draft: RecordDraftDto): Promise<RecordDraftDto> {
    if (draft.factDate > todayInShanghai()) throw AppException.invalidField('payload.draft.factDate', '事实发生日期不能晚于今天');
    const base = { itemId: draft.itemId, circumstanceId: draft.circumstanceId, factDate: draft.factDate, documentNo: draft.documentNo.trim(), description: draft.description.trim(), revoke: draft.revoke };
    if (target === ObjectionTarget.BAD_RECORD) {
      const { item, circumstance } = await this.catalogue.usableBadRecordEntry(manager, draft.itemId, draft.circumstanceId, subjectType);
      return { ...base, itemName: item.name, circumstanceDescription: circumstance.description, level: circumstance.level, points: circumstance.points, publicityMonths: circumstance.publicityMonths };
    }
    const { item, circumstance } = await this.catalogue.usableRiskListEntry(manager, draft.itemId, draft.circumstanceId, subjectType);
    return { ...base, itemName: item.name, circumstanceDescription: circumstance.description, level: null, points: null, publicityMonths: circumstance.publicityMonths };
  }

  private checkBasicDraft(subjectType: EvaluationSubjectType, draft: BasicInformationDraftDto): BasicInformationDraftDto {
    const allowed = BASIC_FIELDS[subjectType];
    const checked: BasicInformationDraftDto = {};
    for (const [key, value] of Object.entries(draft) as Array<[keyof BasicInformationDraftDto, string | undefined]>) {
      if (value === undefined) continue;
      if (!allowed.includes(key)) throw new ObjectionException(ObjectionErrorCode.DRAFT_NOT_APPLICABLE, { field: `payload.basicDraft.${key}` });
      checked[key] = value.trim();
    }
    return checked;
  }

  private async basicInformation(manager: EntityManager, subjectType: EvaluationSubjectType, subjectId: number): Promise<BasicInformationDraftDto> {
    if (subjectType === EvaluationSubjectType.COMPANY) {
      const c = await manager.findOneOrFail(PropertyCompany, { where: { id: subjectId } });
      return { legalRepresentative: c.legalRepresentative, contactPhone: c.contactPhone, address: c.address };
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- basic information of the objecting unit itself (subject fixed by the statement)
    const m = await manager.findOneOrFail(ProjectManager, { where: { id: subjectId } });
    return { phone: m.phone, certificateNo: m.certificateNo };
  }

  private summary(statement: ObjectionPayload, kindName: string, subjectName: string, about: string): WorkflowFormSummary {
    return { title: `${kindName}：${about}`, subjectType: statement.subjectType!, subjectId: statement.subjectId!, subjectName };
  }

  /** onCreated: the objection row; its unique key refuses a duplicate filed at the same moment. */
  private async record(context: WorkflowHookContext, p: ObjectionPayload): Promise<void> {
    try {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onCreated hook: the objection row of the case the engine has just created for the actor
      await context.manager.insert(Objection, {
        caseId: context.caseId,
        businessNo: context.businessNo,
        target: p.target,
        recordId: p.recordId ?? null,
        cycleKey: p.cycleKey ?? null,
        targetKey: targetKeyOf(p),
        subjectType: p.subjectType!,
        subjectId: p.subjectId!,
        subjectName: p.subjectName!,
        districtId: context.districtId,
        kindId: p.kindId,
        kindName: p.kindName!,
        grounds: p.grounds,
        filedById: context.actor.accountId,
        outcome: null,
        decidedAt: null,
      });
    } catch (error) {
      if (error instanceof QueryFailedError && /duplicate|unique/i.test(error.message)) throw new ObjectionException(ObjectionErrorCode.DUPLICATE, { field: 'grounds' });
      throw error;
    }
  }

  /** Approved (异议通过): the draft replaces the record, then the scores follow. */
  private async uphold(context: WorkflowHookContext, p: ObjectionPayload): Promise<void> {
    const { manager } = context;
    const subjectType = p.subjectType!;
    const subjectId = p.subjectId!;
    if (p.target === ObjectionTarget.SCORE) {
      const basic = await this.basicInformation(manager, subjectType, subjectId);
      const original = p.original ?? {};
      if (BASIC_FIELDS[subjectType].some((f) => original[f] !== basic[f])) throw new ObjectionException(ObjectionErrorCode.RECORD_CHANGED);
      const changes = Object.fromEntries(BASIC_FIELDS[subjectType].filter((f) => p.basicDraft?.[f] !== undefined).map((f) => [f, p.basicDraft![f]]));
      if (Object.keys(changes).length) await manager.update(subjectType === EvaluationSubjectType.COMPANY ? PropertyCompany : ProjectManager, { id: subjectId }, changes);
      await this.scores.recomputeSubject(manager, subjectType, subjectId, cycleStart(p.cycleKey!));
    } else {
      const entity = p.target === ObjectionTarget.BAD_RECORD ? BadRecord : RiskListEntry;
      const record: Record_ | null = await manager.findOne(entity as typeof BadRecord, { where: { id: p.recordId } });
      if (!record || !p.draft || !unchangedSince(record, p.original ?? {})) throw new ObjectionException(ObjectionErrorCode.RECORD_CHANGED);
      const draft = p.draft;
      if (draft.revoke) {
        await manager.update(entity as typeof BadRecord, { id: record.id }, {
          status: EvaluationRecordStatus.REVOKED,
          published: false,
          revocationCaseId: context.caseId,
          revocationReason: `异议成立（${context.businessNo}，${OBJECTION_GROUNDS_LABELS[p.grounds]}）`,
          revokedAt: new Date(),
        });
      } else {
        const period = publicityPeriod(record.publicityStart, draft.publicityMonths!);
        const itemChanged = draft.itemId !== record.itemId;
        const common = {
          itemId: draft.itemId,
          itemName: draft.itemName!,
          circumstanceId: draft.circumstanceId,
          circumstanceDescription: draft.circumstanceDescription!,
          publicityMonths: draft.publicityMonths!,
          factDate: draft.factDate,
          documentNo: draft.documentNo,
          description: draft.description,
          publicityEnd: period.end,
          published: period.end >= todayInShanghai(),
        };
        if (p.target === ObjectionTarget.BAD_RECORD) {
          const item = itemChanged ? await this.catalogue.usableBadRecordEntry(manager, draft.itemId, draft.circumstanceId, subjectType) : null;
          // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: the engine checked the reviewer may decide this case; corrects the record the objection is about
          await manager.update(BadRecord, { id: record.id }, {
            ...common,
            level: draft.level!,
            points: draft.points!,
            // a record of another item no longer belongs to its count-once group
            ...(item ? { countOncePerYear: item.item.countOncePerYear, countOnceGroupId: null, linkedRecordIds: [] } : {}),
          });
        } else {
          // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: the engine checked the reviewer may decide this case; corrects the entry the objection is about
          await manager.update(RiskListEntry, { id: record.id }, common);
        }
      }
      if (p.target === ObjectionTarget.BAD_RECORD) {
        await this.scores.recomputeSubject(manager, subjectType, subjectId, record.factDate);
        if (!draft.revoke && draft.factDate !== record.factDate) await this.scores.recomputeSubject(manager, subjectType, subjectId, draft.factDate);
      }
    }
    await this.decide(context, p, ObjectionOutcome.UPHELD);
  }

  /** Rejected (异议不通过): the record is not touched at all. */
  private async dismiss(context: WorkflowHookContext, p: ObjectionPayload): Promise<void> {
    await this.decide(context, p, ObjectionOutcome.DISMISSED);
  }

  /** 退回补录: the applicant learns what to add, and finds the objection under 我的异议 to resubmit. */
  private async askForSupplement(context: WorkflowHookContext, p: ObjectionPayload, opinion: string): Promise<void> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow hook: the objection of the case the engine is acting on, after its access check
    const objection = await context.manager.findOneOrFail(Objection, { where: { caseId: context.caseId } });
    await this.notifications.createCampaign(context.manager, {
      kind: CampaignKind.WORKFLOW_SUPPLEMENT,
      sender: { id: context.actor.accountId, name: context.actor.name },
      districtId: context.districtId,
      title: '异议需补充材料',
      content: `您提出的${p.kindName}（业务单号 ${context.businessNo}）被退回补录：${opinion}。请补充后重新提交。`,
      link: MESSAGE_LINKS.objectionDetail(objection.id),
      subject: { type: 'objection', id: objection.id },
      recipientIds: [objection.filedById],
    });
  }

  private async decide(context: WorkflowHookContext, p: ObjectionPayload, outcome: ObjectionOutcome): Promise<void> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow hook: the objection of the case the engine is acting on, after its access check
    const objection = await context.manager.findOneOrFail(Objection, { where: { caseId: context.caseId } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow hook: records the decision on the case the engine is acting on
    await context.manager.update(Objection, { id: objection.id }, { outcome, decidedAt: new Date() });
    const about = p.target === ObjectionTarget.SCORE ? `${p.cycleKey}年度得分` : `${OBJECTION_TARGET_LABELS[p.target]}「${String(p.original?.itemName ?? '')}」`;
    await this.notifications.createCampaign(context.manager, {
      kind: CampaignKind.WORKFLOW_OUTCOME,
      sender: { id: context.actor.accountId, name: context.actor.name },
      districtId: context.districtId,
      title: `异议处理结果：${OBJECTION_OUTCOME_LABELS[outcome]}`,
      content:
        `您就${EVALUATION_SUBJECT_TYPE_LABELS[p.subjectType!]}${p.subjectName}的${about}提出的${p.kindName}（业务单号 ${context.businessNo}，理由：${OBJECTION_GROUNDS_LABELS[p.grounds]}）已办结，` +
        (outcome === ObjectionOutcome.UPHELD ? '异议通过，相关信息已按审核结果更正。' : '异议不通过，原信息维持不变。'),
      link: MESSAGE_LINKS.objectionDetail(objection.id),
      subject: { type: 'objection', id: objection.id },
      recipientIds: [objection.filedById],
    });
  }
}
