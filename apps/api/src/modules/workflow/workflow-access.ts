import { HttpStatus, Injectable } from '@nestjs/common';
import { CommonErrorCode, GrantAction, WorkflowOrigin } from '@szpm/contract';
import { Actor, hasGrant } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { WorkflowCase } from './entities/workflow-case.entity';
import { RegisteredForm } from './workflow-registry';
import { CallerStanding } from './workflow-transitions';

/**
 * Who may see and act on a case. Officers reach a case through its district, street-office
 * accounts through its street (DistrictScope), which a case has only once 转办 has passed it to
 * one (before that no street office sees it), and
 * the grants of the form type's module (view to read, operate to act); the unit that filed a
 * subject form reaches its own form without grants.
 */
@Injectable()
export class WorkflowAccess {
  constructor(private readonly scope: DistrictScope) {}

  /** The actor belongs to the unit that filed the form (or is the very account that filed it). */
  isFiler(actor: Actor, workflowCase: WorkflowCase): boolean {
    if (workflowCase.origin !== WorkflowOrigin.SUBJECT) return false;
    if (workflowCase.initiatorId === actor.accountId) return true;
    return (
      workflowCase.initiatorUnitCategory !== null &&
      workflowCase.initiatorUnitCategory === actor.unitCategory &&
      workflowCase.initiatorUnitId === actor.unitId
    );
  }

  /** Refuses with OUT_OF_DISTRICT or MODULE_NOT_GRANTED unless the actor may read the case. */
  assertCanView(actor: Actor, workflowCase: WorkflowCase, form: RegisteredForm): void {
    if (this.isFiler(actor, workflowCase)) return;
    this.scope.repository(actor, WorkflowCase, '业务单').assertInScope(workflowCase.districtId, workflowCase.streetId);
    if (!hasGrant(actor, form.module, GrantAction.VIEW)) throw new AppException(CommonErrorCode.MODULE_NOT_GRANTED, HttpStatus.FORBIDDEN);
  }

  canView(actor: Actor, workflowCase: WorkflowCase, form: RegisteredForm): boolean {
    try {
      this.assertCanView(actor, workflowCase, form);
      return true;
    } catch {
      return false;
    }
  }

  /** The caller's standing for the transition rules; call after assertCanView. */
  standing(actor: Actor, workflowCase: WorkflowCase, form: RegisteredForm): CallerStanding {
    const officer = this.canView(actor, workflowCase, form) && !this.isFiler(actor, workflowCase) && hasGrant(actor, form.module, GrantAction.OPERATE);
    const me = [actor.accountId, actor.onBehalfOfId].filter((id): id is number => id !== null);
    const entrants = [workflowCase.entryActorId, workflowCase.origin === WorkflowOrigin.OFFICER ? workflowCase.initiatorId : null];
    return {
      entry: officer && form.entryRoles.includes(actor.role),
      entryAssignee: workflowCase.entryActorId === null || me.includes(workflowCase.entryActorId),
      review: officer && form.reviewRoles.includes(actor.role),
      street: officer && form.streetRoles.includes(actor.role) && actor.streetId !== null && actor.streetId === workflowCase.streetId,
      filer: this.isFiler(actor, workflowCase),
      enteredIt: entrants.some((id) => id !== null && me.includes(id)),
    };
  }
}
