import { Role } from '@szpm/contract';

/**
 * Every role may take part in some form: officers through the grants of the form type's module,
 * evaluated subjects as the filers of their own applications. The workflow endpoints check the
 * form-specific grant or filer standing themselves (WorkflowAccess), since it depends on the form.
 */
export const WORKFLOW_PARTICIPANT_ROLES: readonly Role[] = Object.values(Role);
