/**
 * 代办委托 (delegation, manual chapter 7 (13) and WeChat (7)): an officer lends their own module
 * grants to a colleague of the same district bureau for a period. While it is in effect the
 * delegate sends `X-On-Behalf-Of: <delegatorId>` and acts as the delegator within the lent modules;
 * every such action is recorded as "delegate on behalf of delegator".
 */
import { ModuleKey } from './modules';

/** The request header a delegate sends to act for the delegator (value: the delegator's account id). */
export const ON_BEHALF_OF_HEADER = 'X-On-Behalf-Of';

/** Stored state of a delegation. */
export enum DelegationStatus {
  /** started and neither terminated nor past its end (it may not have begun yet) */
  ACTIVE = 'ACTIVE',
  /** 已终止: ended early by the delegator */
  TERMINATED = 'TERMINATED',
  /** 已到期: its end time passed (the expiry job sets it) */
  EXPIRED = 'EXPIRED',
}

/** What a list shows: the stored status read against the clock. */
export enum DelegationState {
  /** 未开始: the start time has not come yet */
  NOT_STARTED = 'NOT_STARTED',
  /** 委托中 */
  IN_EFFECT = 'IN_EFFECT',
  TERMINATED = 'TERMINATED',
  EXPIRED = 'EXPIRED',
}

export const DELEGATION_STATE_LABELS: Record<DelegationState, string> = {
  [DelegationState.NOT_STARTED]: '未开始',
  [DelegationState.IN_EFFECT]: '委托中',
  [DelegationState.TERMINATED]: '已终止',
  [DelegationState.EXPIRED]: '已到期',
};

/** Body of POST /api/delegations (发起委托). */
export interface CreateDelegationRequest {
  delegateId: number;
  /** true: every module the delegator holds a grant on; false: the `modules` listed */
  allModules: boolean;
  modules?: ModuleKey[];
  /** ISO 8601; default now; a time already past counts from now */
  startAt?: string;
  /** ISO 8601, after the start */
  endAt: string;
  /** 委托代办的事宜 */
  matters: string;
}

export interface DelegatedModule {
  module: ModuleKey;
  label: string;
}

export interface DelegationView {
  id: number;
  delegatorId: number;
  delegatorName: string;
  delegateId: number;
  delegateName: string;
  districtId: number;
  allModules: boolean;
  modules: DelegatedModule[];
  matters: string;
  startAt: string;
  endAt: string;
  status: DelegationStatus;
  state: DelegationState;
  stateLabel: string;
  /** the delegate may act for the delegator now */
  inEffect: boolean;
  terminatedAt: string | null;
  expiredAt: string | null;
  createdAt: string;
}

/** A colleague who may receive a delegation (same district bureau, active account). */
export interface DelegateCandidate {
  id: number;
  name: string;
  role: string;
  roleLabel: string;
  position: string | null;
}

export enum DelegationErrorCode {
  NOT_AN_OFFICER = 'DELEGATION_NOT_AN_OFFICER',
  TO_SELF = 'DELEGATION_TO_SELF',
  DELEGATE_NOT_COLLEAGUE = 'DELEGATION_DELEGATE_NOT_COLLEAGUE',
  NO_REDELEGATION = 'DELEGATION_NO_REDELEGATION',
  MODULE_NOT_HELD = 'DELEGATION_MODULE_NOT_HELD',
  NOTHING_TO_DELEGATE = 'DELEGATION_NOTHING_TO_DELEGATE',
  INVALID_PERIOD = 'DELEGATION_INVALID_PERIOD',
  OVERLAPPING = 'DELEGATION_OVERLAPPING',
  NOT_DELEGATOR = 'DELEGATION_NOT_DELEGATOR',
  ALREADY_ENDED = 'DELEGATION_ALREADY_ENDED',
  NOT_IN_EFFECT = 'DELEGATION_NOT_IN_EFFECT',
  INVALID_HEADER = 'DELEGATION_INVALID_HEADER',
}

export const DELEGATION_ERROR_MESSAGES: Record<DelegationErrorCode, string> = {
  [DelegationErrorCode.NOT_AN_OFFICER]: '只有区住建局的工作人员可以发起代办委托',
  [DelegationErrorCode.TO_SELF]: '不能委托给自己',
  [DelegationErrorCode.DELEGATE_NOT_COLLEAGUE]: '只能委托给本区住建局在职的其他同事',
  [DelegationErrorCode.NO_REDELEGATION]: '代办他人事务时不能再发起或终止委托（受托的权限不能转委托）',
  [DelegationErrorCode.MODULE_NOT_HELD]: '只能委托本人拥有的模块权限',
  [DelegationErrorCode.NOTHING_TO_DELEGATE]: '您没有可委托的模块权限',
  [DelegationErrorCode.INVALID_PERIOD]: '委托结束时间须晚于开始时间和当前时间',
  [DelegationErrorCode.OVERLAPPING]: '所选模块在该期间已委托给他人，同一权限的委托期限不能重叠',
  [DelegationErrorCode.NOT_DELEGATOR]: '只有委托人本人可以终止委托',
  [DelegationErrorCode.ALREADY_ENDED]: '该委托已终止或已到期',
  [DelegationErrorCode.NOT_IN_EFFECT]: '没有生效中的委托：委托未开始、已终止或已到期，不能代办',
  [DelegationErrorCode.INVALID_HEADER]: 'X-On-Behalf-Of 须为委托人的账号 id',
};
