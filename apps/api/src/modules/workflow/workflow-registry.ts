import { Injectable } from '@nestjs/common';
import { GrantAction, ModuleKey, Role, UNIT_ROLES, WorkflowErrorCode, WorkflowFormTypeInfo, WorkflowOrigin } from '@szpm/contract';
import { Actor, hasGrant } from '../../access/actor';
import { WorkflowFormDefinition } from './workflow-form';
import { WorkflowException } from './workflow.exception';

/** A definition as the engine uses it: defaults resolved. */
export interface RegisteredForm<P extends object = object> {
  definition: WorkflowFormDefinition<P>;
  formType: string;
  label: string;
  module: ModuleKey;
  origin: WorkflowOrigin;
  entryRoles: readonly Role[];
  reviewRoles: readonly Role[];
  filingRoles: readonly Role[];
  businessNoPrefix: string;
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
    const registered: RegisteredForm<P> = {
      definition,
      formType: definition.formType,
      label: definition.label,
      module: definition.module,
      origin: definition.origin,
      entryRoles: definition.entryRoles ?? [Role.DISTRICT_HANDLER],
      reviewRoles: definition.reviewRoles ?? [Role.DISTRICT_SUPERVISOR],
      filingRoles: definition.origin === WorkflowOrigin.SUBJECT ? (definition.filingRoles ?? UNIT_ROLES) : [],
      businessNoPrefix,
    };
    this.forms.set(definition.formType, registered as unknown as RegisteredForm);
    return registered;
  }

  /** The registered form type, or WORKFLOW_FORM_TYPE_UNKNOWN (400 naming formType). */
  get(formType: string): RegisteredForm {
    const form = this.forms.get(formType);
    if (!form) throw new WorkflowException(WorkflowErrorCode.FORM_TYPE_UNKNOWN, `业务类型${formType}不存在`, [{ field: 'formType', message: `业务类型${formType}不存在`, constraint: 'registered' }]);
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

  /** Form types whose entry (or acceptance / first check) step the actor may act on. */
  entryFormsOf(actor: Actor): RegisteredForm[] {
    return this.grantedTo(actor, GrantAction.OPERATE).filter((form) => form.entryRoles.includes(actor.role));
  }

  /** Form types whose review step the actor may act on. */
  reviewFormsOf(actor: Actor): RegisteredForm[] {
    return this.grantedTo(actor, GrantAction.OPERATE).filter((form) => form.reviewRoles.includes(actor.role));
  }

  info(form: RegisteredForm): WorkflowFormTypeInfo {
    return { formType: form.formType, label: form.label, module: form.module, origin: form.origin };
  }
}
