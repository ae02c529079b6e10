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
  /**
   * Set when the actor works through a delegation (代办委托): the delegator, whose role, district and
   * grants (only the delegated modules) the actor then carries; accountId and name stay the delegate's.
   */
  onBehalfOfId: number | null;
  onBehalfOfName: string | null;
  /**
   * When the account's owner last set the password (null: the initial one). The guard refuses
   * everything but the password change while it is initial or expired. Absent where no change can
   * be asked: WeChat sessions (signed in by a bound openid, not the password) and the actors that
   * jobs and specs build.
   */
  passwordChangedAt?: Date | null;
}

export const grantKey = (module: ModuleKey, action: GrantAction): string => `${module}:${action}`;

export function hasGrant(actor: Actor, module: ModuleKey, action: GrantAction): boolean {
  return actor.grants.has(grantKey(module, action));
}

export function isCityActor(actor: Actor): boolean {
  return CITY_ROLES.includes(actor.role);
}
