import { CITY_ROLES, GrantAction, ModuleKey, Role, UnitCategory } from '@szpm/contract';

/** The authenticated caller of a request, as the guard built it from the account and its grants. */
export interface Actor {
  accountId: number;
  name: string;
  role: Role;
  districtId: number | null;
  streetId: number | null;
  unitCategory: UnitCategory | null;
  unitId: number | null;
  grants: ReadonlySet<string>;
  /** set when the actor works through a delegation: whose grants are used (代办委托) */
  onBehalfOfId: number | null;
  onBehalfOfName: string | null;
}

export const grantKey = (module: ModuleKey, action: GrantAction): string => `${module}:${action}`;

export function hasGrant(actor: Actor, module: ModuleKey, action: GrantAction): boolean {
  return actor.grants.has(grantKey(module, action));
}

export function isCityActor(actor: Actor): boolean {
  return CITY_ROLES.includes(actor.role);
}
