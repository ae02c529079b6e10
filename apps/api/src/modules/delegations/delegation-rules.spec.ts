import { DelegationState, DelegationStatus, GrantAction, ModuleKey } from '@szpm/contract';
import { grantKey } from '../../access/actor';
import { delegationState, modulesOf, onBehalfGrants, periodsOverlap } from './delegation-rules';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 8, minutes));

describe('delegation rules', () => {
  it('reads the stored status against the clock', () => {
    const active = { status: DelegationStatus.ACTIVE, startAt: at(10), endAt: at(20) };
    expect(delegationState(active, at(5))).toBe(DelegationState.NOT_STARTED);
    expect(delegationState(active, at(10))).toBe(DelegationState.IN_EFFECT);
    expect(delegationState(active, at(19))).toBe(DelegationState.IN_EFFECT);
    // the end is exclusive: expired at the end time even before the expiry job ran
    expect(delegationState(active, at(20))).toBe(DelegationState.EXPIRED);
    expect(delegationState({ ...active, status: DelegationStatus.TERMINATED }, at(15))).toBe(DelegationState.TERMINATED);
    expect(delegationState({ ...active, status: DelegationStatus.EXPIRED }, at(15))).toBe(DelegationState.EXPIRED);
  });

  it('treats periods as half-open', () => {
    const a = { startAt: at(0), endAt: at(10) };
    expect(periodsOverlap(a, { startAt: at(9), endAt: at(30) })).toBe(true);
    expect(periodsOverlap(a, { startAt: at(10), endAt: at(30) })).toBe(false);
    expect(periodsOverlap({ startAt: at(2), endAt: at(3) }, a)).toBe(true);
  });

  it('lends only the delegator’s grants on the delegated modules, plus 待办', () => {
    const grants = new Set([
      grantKey(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW),
      grantKey(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE),
      grantKey(ModuleKey.PERMISSIONS, GrantAction.VIEW),
      grantKey(ModuleKey.TODOS, GrantAction.VIEW),
      grantKey(ModuleKey.DISPUTES, GrantAction.VIEW),
    ]);
    expect([...onBehalfGrants(grants, [ModuleKey.SERVICE_EVALUATION, ModuleKey.COMMON_FUNDS])].sort()).toEqual(
      ['service-evaluation:operate', 'service-evaluation:view', 'todos:view'].sort(),
    );
    expect(modulesOf(grants)).toEqual([ModuleKey.PERMISSIONS, ModuleKey.TODOS, ModuleKey.SERVICE_EVALUATION, ModuleKey.DISPUTES]);
  });
});
