import { Injectable } from '@nestjs/common';
import { AreaChangeErrorCode } from '@szpm/contract';
import { EntityManager, QueryFailedError } from 'typeorm';
import { WorkflowHookContext } from '../../workflow/workflow-form';
import { AreaChangeException } from './area-changes.exception';
import { PropertyAreaCase } from './entities/property-area-case.entity';

export interface AreaCasePlace {
  propertyAreaId: number | null;
  streetId: number | null;
  communityId: number | null;
  areaName: string;
}

function isDuplicate(error: unknown): boolean {
  return error instanceof QueryFailedError && /duplicate|unique/i.test(error.message);
}

/**
 * property_area_cases, kept by the hooks of the three area forms inside the engine's transaction:
 * where each case lies (the lists' 街道 / 社区 / 名称 filters), and the one-open-case-per-area lock.
 */
@Injectable()
export class AreaCaseIndex {
  /** onCreated: the case's row; a second open case of the form type on the same area is refused (409). */
  async open(context: WorkflowHookContext, formType: string, place: AreaCasePlace, openMessage?: string): Promise<void> {
    try {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onCreated hook: the row of the case the engine has just created in its district
      await context.manager.insert(PropertyAreaCase, { caseId: context.caseId, formType, districtId: context.districtId, ...place, openAreaId: place.propertyAreaId });
    } catch (error) {
      if (isDuplicate(error)) throw new AreaChangeException(AreaChangeErrorCode.OPEN_REQUEST, openMessage ? { message: openMessage } : {});
      throw error;
    }
  }

  /** Whether an open case of the form type holds the area (the early answer; open() is the one that counts). */
  async isOpen(manager: EntityManager, formType: string, propertyAreaId: number): Promise<boolean> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the lock row of an area the caller has reached through the scoped door
    return manager.exists(PropertyAreaCase, { where: { formType, openAreaId: propertyAreaId } });
  }

  /** onTransition: the place after an edit, and the lock released once the case is finished. */
  async update(context: WorkflowHookContext, changes: Partial<AreaCasePlace> & { finished?: boolean }): Promise<void> {
    const { finished, ...place } = changes;
    const set = { ...place, ...(finished ? { openAreaId: null } : {}) };
    if (!Object.keys(set).length) return;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow hook: the row of the case the engine is acting on
    await context.manager.update(PropertyAreaCase, { caseId: context.caseId }, set);
  }
}
