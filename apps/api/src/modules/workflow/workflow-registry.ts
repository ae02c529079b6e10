import { Injectable } from '@nestjs/common';
import { GrantAction, ModuleKey, Role, UNIT_ROLES, WORKFLOW_STATUS_LABELS, WorkflowErrorCode, WorkflowFormTypeInfo, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';
import { Actor, hasGrant } from '../../access/actor';
import { WorkflowFormDefinition } from './workflow-form';
import { defaultSteps, StepParty, stepProblems, WorkflowStep } from './workflow-transitions';
import { WorkflowException } from './workflow.exception';

/** A definition as the engine uses it: defaults resolved. */
export interface RegisteredForm<P extends object = object> {
  definition: WorkflowFormDefinition<P>;
  formType: string;
  label: string;
  module: ModuleKey;
  origin: WorkflowOrigin;
  steps: readonly WorkflowStep[];
  entryRoles: readonly Role[];
  reviewRoles: readonly Role[];
  streetRoles: readonly Role[];
  filingRoles: readonly Role[];
  businessNoPrefix: string;
  statusLabel(status: WorkflowStatus): string;
}

const FORM_TYPE = /^[A-Z][A-Z0-9_]{2,63}$/;
const PREFIX = /^[A-Z]{1,6}$/;

/** BAD_RECORD_DETERMINATION → BRD */
export function defaultBusinessNoPrefix(formType: string): string {
  return formType
    .split('_')
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('')
    .slice(0, 6);
}

/**
 * The form types the engine knows. Each module registers its definitions in its `onModuleInit`:
 *
 *   constructor(private readonly registry: WorkflowRegistry) {}
 *   onModuleInit() { this.registry.register(badRecordDetermination); }
 *
 * A type is registered once per application; registering the same formType twice is a programming
 * error and throws.
 */
@Injectable()
export class WorkflowRegistry {
  private readonly forms = new Map<string, RegisteredForm>();

  register<P extends object>(definition: WorkflowFormDefinition<P>): RegisteredForm<P> {
    if (!FORM_TYPE.test(definition.formType)) throw new Error(`workflow form type "${definition.formType}" must match ${FORM_TYPE}`);
    if (this.forms.has(definition.formType)) throw new Error(`workflow form type ${definition.formType} is registered twice`);
    const businessNoPrefix = definition.businessNoPrefix ?? defaultBusinessNoPrefix(definition.formType);
    if (!PREFIX.test(businessNoPrefix)) throw new Error(`business number prefix "${businessNoPrefix}" of ${definition.formType} must match ${PREFIX}`);
    const steps = definition.steps ?? defaultSteps(definition.origin);
    const problems = stepProblems(definition.origin, steps);
    if (problems.length) throw new Error(`workflow steps of ${definition.formType}: ${problems.join('; ')}`);
    const statusLabels = { ...WORKFLOW_STATUS_LABELS, ...definition.statusLabels };
    const registered: RegisteredForm<P> = {
      definition,
      formType: definition.formType,
      label: definition.label,
      module: definition.module,
      origin: definition.origin,
      steps,
      entryRoles: definition.entryRoles ?? [Role.DISTRICT_HANDLER],
      reviewRoles: definition.reviewRoles ?? [Role.DISTRICT_SUPERVISOR],
      streetRoles: definition.streetRoles ?? [Role.STREET_OFFICER],
      filingRoles: definition.origin === WorkflowOrigin.SUBJECT ? (definition.filingRoles ?? UNIT_ROLES) : [],
      businessNoPrefix,
      statusLabel: (status) => statusLabels[status],
    };
    this.forms.set(definition.formType, registered as unknown as RegisteredForm);
    return registered;
  }

  /** The registered form type, or WORKFLOW_FORM_TYPE_UNKNOWN (400 naming formType). */
  get(formType: string): RegisteredForm {
    const form = this.forms.get(formType);
    if (!form) throw new WorkflowException(WorkflowErrorCode.FORM_TYPE_UNKNOWN, {
        message: `业务类型${formType}不存在`,
        details: [{ field: 'formType', message: `业务类型${formType}不存在`, constraint: 'registered' }],
      });
    return form;
  }

  find(formType: string): RegisteredForm | undefined {
    return this.forms.get(formType);
  }

  all(): RegisteredForm[] {
    return [...this.forms.values()];
  }

  /** Form types whose module the actor holds `action` on. */
  grantedTo(actor: Actor, action: GrantAction): RegisteredForm[] {
    return this.all().filter((form) => hasGrant(actor, form.module, action));
  }

  /**
   * The officer parties (entry, review, street) whose steps of this form type the actor's role and
   * operate grant allow, before district, street, assignment and separation of duties are checked.
   */
  officerPartiesOf(actor: Actor, form: RegisteredForm): StepParty[] {
    if (!hasGrant(actor, form.module, GrantAction.OPERATE)) return [];
    const roles: Array<[StepParty, readonly Role[]]> = [
      ['ENTRY', form.entryRoles],
      ['REVIEW', form.reviewRoles],
      ['STREET', form.streetRoles],
    ];
    return roles.filter(([, partyRoles]) => partyRoles.includes(actor.role)).map(([party]) => party);
  }

  info(form: RegisteredForm): WorkflowFormTypeInfo {
    return { formType: form.formType, label: form.label, module: form.module, origin: form.origin };
  }
}
