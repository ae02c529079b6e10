import { DelegationState, DelegationStatus, GrantAction, ModuleKey, Role } from '@szpm/contract';
import { grantKey } from '../../access/actor';

/** Officers of a district bureau: they delegate to, and receive delegations from, each other. */
export const DELEGATING_ROLES: readonly Role[] = [Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER];

/**
 * Modules that come with every delegation the delegator holds them for: the delegate must see the
 * delegator's 待办 to act on it. The todo lists only ever show forms of modules the (restricted)
 * actor holds, so this lends no other module's data.
 */
export const ALWAYS_DELEGATED: readonly ModuleKey[] = [ModuleKey.TODOS];

export interface DelegationWindow {
  status: DelegationStatus;
  startAt: Date;
  endAt: Date;
}

/** The stored status read against the clock. */
export function delegationState(d: DelegationWindow, now: Date): DelegationState {
  if (d.status === DelegationStatus.TERMINATED) return DelegationState.TERMINATED;
  if (d.status === DelegationStatus.EXPIRED || d.endAt.getTime() <= now.getTime()) return DelegationState.EXPIRED;
  if (d.startAt.getTime() > now.getTime()) return DelegationState.NOT_STARTED;
  return DelegationState.IN_EFFECT;
}

export function isInEffect(d: DelegationWindow, now: Date): boolean {
  return delegationState(d, now) === DelegationState.IN_EFFECT;
}

/** Half-open periods [start, end) share at least one instant. */
export function periodsOverlap(a: { startAt: Date; endAt: Date }, b: { startAt: Date; endAt: Date }): boolean {
  return a.startAt.getTime() < b.endAt.getTime() && b.startAt.getTime() < a.endAt.getTime();
}

/** The modules a set of grant keys ("module:action") covers, in their declaration order. */
export function modulesOf(grantKeys: Iterable<string>): ModuleKey[] {
  const held = new Set([...grantKeys].map((key) => key.split(':')[0]));
  return Object.values(ModuleKey).filter((m) => held.has(m));
}

/**
 * The grants an on-behalf actor carries: the delegator's current grants on the delegated modules
 * (and on the always-delegated ones). A grant the delegator has lost since is not lent.
 */
export function onBehalfGrants(delegatorGrants: ReadonlySet<string>, delegatedModules: Iterable<ModuleKey>): Set<string> {
  const modules = new Set<ModuleKey>([...delegatedModules, ...ALWAYS_DELEGATED]);
  const lent = new Set<string>();
  for (const module of modules) {
    for (const action of Object.values(GrantAction)) {
      const key = grantKey(module, action);
      if (delegatorGrants.has(key)) lent.add(key);
    }
  }
  return lent;
}
