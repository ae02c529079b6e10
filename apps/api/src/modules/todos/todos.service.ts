import { Injectable } from '@nestjs/common';
import { FINISHED_WORKFLOW_STATUSES, GrantAction, ModuleKey, Page, TodoCounts, TodoList, WorkflowCaseSummary, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';
import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { WorkflowCase } from '../workflow/entities/workflow-case.entity';
import { returnedCaseIds, selectSummaryColumns, whereSearch } from '../workflow/workflow-case-query';
import { WorkflowRegistry } from '../workflow/workflow-registry';
import { StepParty, waitsForParty } from '../workflow/workflow-transitions';
import { toCaseSummary } from '../workflow/workflow-view';
import { TodoQueryDto } from './dto/todo-query.dto';

/** A WHERE fragment over alias `c` (workflow_cases) with its parameters; null when it can match nothing. */
interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

const ALIAS = 'c';

/**
 * 待办事项 (chapter 4): the caller's lists across every form type, as indexed SQL over
 * workflow_cases (district, status, form type) and workflow_actions (actor, case).
 *
 * - 待办 pending: at a step of the form type's own steps whose party the caller is (role and the
 *   module's operate grant), in the caller's district (street, for street offices): e.g. the entry
 *   step of the forms the caller entered or accepted (退回 comes back to them), the review step of
 *   forms the caller did not enter (separation of duties), a street office's step of its street.
 * - 待受理 to-accept: applications waiting for acceptance, for those who may accept them.
 * - 已办 handled: every form the caller acted on that is not waiting for the caller now, running
 *   or finished (the mini-program's 待办事项 shows only 待办 and 已办).
 * - 已完成 completed: the finished ones among them.
 */
@Injectable()
export class TodosService {
  constructor(
    private readonly scope: DistrictScope,
    private readonly registry: WorkflowRegistry,
  ) {}

  async list(actor: Actor, query: TodoQueryDto): Promise<Page<WorkflowCaseSummary>> {
    const window = pageWindow(query);
    if (query.formType !== undefined) this.registry.get(query.formType);
    const qb = this.query(actor, query.list ?? TodoList.PENDING, query);
    if (!qb) return toPage([], 0, window);
    whereSearch(qb, ALIAS, query.search);
    const [rows, total] = await selectSummaryColumns(qb, ALIAS)
      .orderBy(`${ALIAS}.updatedAt`, 'DESC')
      .addOrderBy(`${ALIAS}.id`, 'DESC')
      .skip(window.skip)
      .take(window.take)
      .getManyAndCount();
    const returned = await returnedCaseIds(qb.connection.manager, rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toCaseSummary(row, this.registry.find(row.formType), returned.has(row.id))),
      total,
      window,
    );
  }

  /** The home page's badges. */
  async counts(actor: Actor, filter: { module?: ModuleKey } = {}): Promise<TodoCounts> {
    const count = (list: TodoList) => this.query(actor, list, filter)?.getCount() ?? Promise.resolve(0);
    return {
      pending: await count(TodoList.PENDING),
      handled: await count(TodoList.HANDLED),
      toAccept: await count(TodoList.TO_ACCEPT),
      completed: await count(TodoList.COMPLETED),
      overdue: await this.overdue(actor, filter),
    };
  }

  /** 待办 past their deadline: the pending cases of the form types that declare what overdue means. */
  private async overdue(actor: Actor, filter: { module?: ModuleKey }): Promise<number> {
    const forms = this.registry.all().filter((f) => f.definition.overdue && (filter.module === undefined || f.module === filter.module));
    if (!forms.length) return 0;
    const qb = this.query(actor, TodoList.PENDING, filter);
    if (!qb) return 0;
    const parts = forms.map((form, i) => {
      const condition = form.definition.overdue!(ALIAS);
      qb.setParameters({ ...condition.params, [`todoOverdueType${i}`]: form.formType });
      return `(${ALIAS}.formType = :todoOverdueType${i} AND ${condition.sql})`;
    });
    return qb.andWhere(`(${parts.join(' OR ')})`).getCount();
  }

  private query(actor: Actor, list: TodoList, filter: { module?: ModuleKey; formType?: string }): SelectQueryBuilder<WorkflowCase> | null {
    const condition = this.conditionOf(actor, list);
    if (!condition) return null;
    const qb = this.scope.repository(actor, WorkflowCase, '业务单').query(ALIAS).andWhere(condition.sql, condition.params);
    if (filter.formType !== undefined) qb.andWhere(`${ALIAS}.formType = :todoFormType`, { todoFormType: filter.formType });
    if (filter.module !== undefined) {
      const moduleTypes = this.registry.all().filter((f) => f.module === filter.module).map((f) => f.formType);
      if (moduleTypes.length === 0) return null;
      qb.andWhere(`${ALIAS}.formType IN (:...todoModuleTypes)`, { todoModuleTypes: moduleTypes });
    }
    return qb;
  }

  private conditionOf(actor: Actor, list: TodoList): Condition | null {
    switch (list) {
      case TodoList.PENDING:
        return this.pending(actor);
      case TodoList.TO_ACCEPT:
        return this.toAccept(actor);
      case TodoList.HANDLED: {
        const visible = this.visibleTypes(actor);
        if (!visible) return null;
        // whatever the form's state now: a finished form stays in 已办 too (chapter 4: 提交后进入“已办”)
        const notMine = [this.pending(actor), this.toAccept(actor)].filter((c): c is Condition => c !== null);
        return and(visible, this.tookPart(actor), ...notMine.map(not));
      }
      case TodoList.COMPLETED: {
        const visible = this.visibleTypes(actor);
        if (!visible) return null;
        return and(visible, { sql: `${ALIAS}.status IN (:...todoFinished)`, params: { todoFinished: FINISHED_WORKFLOW_STATUSES } }, this.tookPart(actor));
      }
    }
  }

  private pending(actor: Actor): Condition | null {
    return this.waitingFor(actor, 'pending');
  }

  private toAccept(actor: Actor): Condition | null {
    return this.waitingFor(actor, 'to-accept');
  }

  /**
   * Forms at a step of their own definition that one of the caller's parties takes: 待受理 is the
   * acceptance status, 待办 every other one. A party's condition adds what the engine checks too:
   * an assigned entry step is the entry officer's, a review is not for whoever entered the form,
   * a street office's step is for the form's street.
   */
  private waitingFor(actor: Actor, list: 'pending' | 'to-accept'): Condition | null {
    const groups = new Map<string, { status: WorkflowStatus; party: StepParty; assigned: boolean; formType: string }>();
    for (const form of this.registry.all()) {
      const parties = this.registry.officerPartiesOf(actor, form);
      for (const step of form.steps) {
        if (!parties.includes(step.party) || !waitsForParty(step)) continue;
        if ((step.from === WorkflowStatus.PENDING_ACCEPTANCE) !== (list === 'to-accept')) continue;
        if (step.party === 'STREET' && actor.streetId === null) continue;
        const key = `${form.formType} ${step.from} ${step.party}`;
        const group = groups.get(key);
        // one unassigned step in the status opens the form to every officer of the party
        if (group) group.assigned &&= Boolean(step.assigned);
        else groups.set(key, { status: step.from, party: step.party, assigned: Boolean(step.assigned), formType: form.formType });
      }
    }
    // forms with the same step condition share one clause
    const clauses = new Map<string, { status: WorkflowStatus; party: StepParty; assigned: boolean; formTypes: string[] }>();
    for (const group of groups.values()) {
      const key = `${group.status} ${group.party} ${group.assigned}`;
      const clause = clauses.get(key) ?? { status: group.status, party: group.party, assigned: group.assigned, formTypes: [] };
      clause.formTypes.push(group.formType);
      clauses.set(key, clause);
    }
    if (!clauses.size) return null;

    const prefix = list === 'pending' ? 'todoP' : 'todoA';
    const me = [actor.accountId, actor.onBehalfOfId].filter((id): id is number => id !== null);
    const params: Record<string, unknown> = { [`${prefix}Me`]: me, [`${prefix}Officer`]: WorkflowOrigin.OFFICER, [`${prefix}Street`]: actor.streetId };
    const parts = [...clauses.values()].map((clause, i) => {
      params[`${prefix}Status${i}`] = clause.status;
      params[`${prefix}Types${i}`] = clause.formTypes;
      const where = [`${ALIAS}.status = :${prefix}Status${i}`, `${ALIAS}.formType IN (:...${prefix}Types${i})`];
      if (clause.party === 'ENTRY' && clause.assigned) where.push(`(${ALIAS}.entryActorId IS NULL OR ${ALIAS}.entryActorId IN (:...${prefix}Me))`);
      if (clause.party === 'REVIEW') {
        where.push(`(${ALIAS}.entryActorId IS NULL OR ${ALIAS}.entryActorId NOT IN (:...${prefix}Me))`);
        where.push(`(${ALIAS}.origin <> :${prefix}Officer OR ${ALIAS}.initiatorId NOT IN (:...${prefix}Me))`);
      }
      if (clause.party === 'STREET') where.push(`${ALIAS}.streetId = :${prefix}Street`);
      return `(${where.join(' AND ')})`;
    });
    return { sql: `(${parts.join(' OR ')})`, params };
  }

  private visibleTypes(actor: Actor): Condition | null {
    const types = this.registry.grantedTo(actor, GrantAction.VIEW).map((f) => f.formType);
    return types.length ? { sql: `${ALIAS}.formType IN (:...todoVisibleTypes)`, params: { todoVisibleTypes: types } } : null;
  }

  /**
   * The caller acted on the form, themself or through a delegate (two index look-ups on
   * workflow_actions); a delegate working for a delegator sees the delegator's part too.
   */
  private tookPart(actor: Actor): Condition {
    const me = [actor.accountId, actor.onBehalfOfId].filter((id): id is number => id !== null);
    return {
      sql:
        `(EXISTS (SELECT 1 FROM workflow_actions wa WHERE wa.caseId = ${ALIAS}.id AND wa.actorId IN (:...todoActors))` +
        ` OR EXISTS (SELECT 1 FROM workflow_actions wb WHERE wb.caseId = ${ALIAS}.id AND wb.onBehalfOfId IN (:...todoActors)))`,
      params: { todoActors: me },
    };
  }
}

function and(...conditions: Condition[]): Condition {
  return {
    sql: conditions.map((c) => `(${c.sql})`).join(' AND '),
    params: Object.assign({}, ...conditions.map((c) => c.params)),
  };
}

function not(condition: Condition): Condition {
  return { sql: `NOT (${condition.sql})`, params: condition.params };
}

