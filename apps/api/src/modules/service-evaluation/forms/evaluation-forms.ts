import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVALUATION_FORM_TYPE_LABELS, EvaluationFormType, EvaluationRecordStatus, ModuleKey, WorkflowCaseDetail, WorkflowOrigin } from '@szpm/contract';
import { Actor } from '../../../access/actor';
import { WorkflowFormDefinition } from '../../workflow/workflow-form';
import { WorkflowRegistry } from '../../workflow/workflow-registry';
import { WorkflowService } from '../../workflow/workflow.service';
import {
  BadRecordDeterminationPayload,
  FormStartOptions,
  GoodRecordDeterminationPayload,
  RiskListDeterminationPayload,
  WithdrawalPayload,
} from '../dto/forms.dto';
import { BadRecordsService } from '../records/bad-records.service';
import { GoodRecordsService } from '../records/good-records.service';
import { RiskListService } from '../records/risk-list.service';

type Common = Pick<WorkflowFormDefinition, 'module' | 'origin'>;
const COMMON: Common = { module: ModuleKey.SERVICE_EVALUATION, origin: WorkflowOrigin.OFFICER };

/** Bad records and risk-list entries are revoked and restored the same way; only the records differ. */
type WithdrawableRecords = Pick<BadRecordsService | RiskListService, 'prepareWithdrawal' | 'lock' | 'release' | 'applyWithdrawal'>;

function withdrawal(
  records: WithdrawableRecords,
  formType: EvaluationFormType.BAD_RECORD_REVOCATION | EvaluationFormType.BAD_RECORD_RESTORATION | EvaluationFormType.RISK_LIST_REVOCATION | EvaluationFormType.RISK_LIST_RESTORATION,
  businessNoPrefix: string,
  to: EvaluationRecordStatus.REVOKED | EvaluationRecordStatus.RESTORED,
): WorkflowFormDefinition<WithdrawalPayload> {
  return {
    ...COMMON,
    formType,
    label: EVALUATION_FORM_TYPE_LABELS[formType],
    businessNoPrefix,
    payloadClass: WithdrawalPayload,
    prepare: (manager, actor, payload) => records.prepareWithdrawal(manager, actor, payload),
    onCreated: (context, payload) => records.lock(context, payload),
    onApproved: (context, payload) => records.applyWithdrawal(context, payload, to),
    onRejected: (context) => records.release(context),
  };
}

/**
 * The business forms of chapter 7 as workflow definitions: entered by the district handler (录入初审),
 * decided by the district supervisor (认定审核). Nothing changes on the records before approval;
 * revocation and restoration hold their record while they run, so only one runs at a time.
 */
@Injectable()
export class EvaluationForms implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly workflow: WorkflowService,
    private readonly badRecords: BadRecordsService,
    private readonly goodRecords: GoodRecordsService,
    private readonly riskList: RiskListService,
  ) {}

  onModuleInit() {
    for (const definition of this.definitions()) this.registry.register(definition);
  }

  /** Starts a form for the module's own endpoints (payload and the engine's options split apart). */
  start(actor: Actor, formType: EvaluationFormType, payload: object, options: FormStartOptions): Promise<WorkflowCaseDetail> {
    return this.workflow.start(actor, formType, payload, {
      submit: options.submit ?? true,
      attachmentIds: options.attachmentIds,
      opinion: options.opinion,
      remark: options.remark,
    });
  }

  definitions(): WorkflowFormDefinition<object>[] {
    const badRecordDetermination: WorkflowFormDefinition<BadRecordDeterminationPayload> = {
      ...COMMON,
      formType: EvaluationFormType.BAD_RECORD_DETERMINATION,
      label: EVALUATION_FORM_TYPE_LABELS.BAD_RECORD_DETERMINATION,
      businessNoPrefix: 'BRD',
      payloadClass: BadRecordDeterminationPayload,
      prepare: (manager, actor, payload) => this.badRecords.prepareDetermination(manager, actor, payload),
      onApproved: async (context, payload) => {
        await this.badRecords.applyDetermination(context, payload);
      },
    };
    const goodRecordDetermination: WorkflowFormDefinition<GoodRecordDeterminationPayload> = {
      ...COMMON,
      formType: EvaluationFormType.GOOD_RECORD_DETERMINATION,
      label: EVALUATION_FORM_TYPE_LABELS.GOOD_RECORD_DETERMINATION,
      businessNoPrefix: 'GRD',
      payloadClass: GoodRecordDeterminationPayload,
      prepare: (manager, actor, payload) => this.goodRecords.prepareDetermination(manager, actor, payload),
      onApproved: async (context, payload) => {
        await this.goodRecords.applyDetermination(context, payload);
      },
    };
    const riskListDetermination: WorkflowFormDefinition<RiskListDeterminationPayload> = {
      ...COMMON,
      formType: EvaluationFormType.RISK_LIST_DETERMINATION,
      label: EVALUATION_FORM_TYPE_LABELS.RISK_LIST_DETERMINATION,
      businessNoPrefix: 'RLD',
      payloadClass: RiskListDeterminationPayload,
      prepare: (manager, actor, payload) => this.riskList.prepareDetermination(manager, actor, payload),
      onApproved: async (context, payload) => {
        await this.riskList.applyDetermination(context, payload);
      },
    };
    return [
      badRecordDetermination,
      withdrawal(this.badRecords, EvaluationFormType.BAD_RECORD_REVOCATION, 'BRV', EvaluationRecordStatus.REVOKED),
      withdrawal(this.badRecords, EvaluationFormType.BAD_RECORD_RESTORATION, 'BRS', EvaluationRecordStatus.RESTORED),
      goodRecordDetermination,
      riskListDetermination,
      withdrawal(this.riskList, EvaluationFormType.RISK_LIST_REVOCATION, 'RLV', EvaluationRecordStatus.REVOKED),
      withdrawal(this.riskList, EvaluationFormType.RISK_LIST_RESTORATION, 'RLS', EvaluationRecordStatus.RESTORED),
    ] as WorkflowFormDefinition<object>[];
  }
}
