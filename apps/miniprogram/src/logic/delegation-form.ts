import { CreateDelegationRequest, ModuleKey } from '@szpm/contract';
import { ConfirmWords } from './confirm';

/** 发起委托 form. */
export interface DelegationForm {
  delegateId: number | null;
  allModules: boolean;
  modules: ModuleKey[];
  /** YYYY-MM-DD (Shanghai); empty: from now */
  startDate: string;
  /** YYYY-MM-DD (Shanghai), the last day the delegation is in effect */
  endDate: string;
  matters: string;
}

export type DelegationField = 'delegateId' | 'modules' | 'startDate' | 'endDate' | 'matters';

export const MATTERS_MAX = 500;

export function emptyDelegationForm(): DelegationForm {
  return { delegateId: null, allModules: true, modules: [], startDate: '', endDate: '', matters: '' };
}

export function delegationProblems(form: DelegationForm, today: string): Partial<Record<DelegationField, string>> {
  const problems: Partial<Record<DelegationField, string>> = {};
  if (form.delegateId === null) problems.delegateId = '请选择受托人';
  if (!form.allModules && form.modules.length === 0) problems.modules = '请选择委托的模块';
  if (!form.endDate) problems.endDate = '请选择委托结束日期';
  else if (form.endDate < today) problems.endDate = '结束日期不能早于今天';
  else if (form.startDate && form.endDate < form.startDate) problems.endDate = '结束日期不能早于开始日期';
  if (form.startDate && form.startDate < today) problems.startDate = '开始日期不能早于今天';
  const matters = form.matters.trim();
  if (!matters) problems.matters = '请填写委托代办的事宜';
  else if (matters.length > MATTERS_MAX) problems.matters = `委托事宜不能超过${MATTERS_MAX}字`;
  return problems;
}

/** Shanghai days: the start at 00:00 of its day (or now), the end at 23:59:59 of its day. */
export function delegationRequest(form: DelegationForm): CreateDelegationRequest {
  if (form.delegateId === null) throw new Error('no delegate chosen');
  return {
    delegateId: form.delegateId,
    allModules: form.allModules,
    ...(form.allModules ? {} : { modules: form.modules }),
    ...(form.startDate ? { startAt: `${form.startDate}T00:00:00+08:00` } : {}),
    endAt: `${form.endDate}T23:59:59+08:00`,
    matters: form.matters.trim(),
  };
}

/** 终止 of a delegation in effect or not yet started: the delegate loses it at once. */
export function terminateConfirmation(delegateName: string): ConfirmWords {
  return { title: '终止委托', content: `终止后${delegateName}将立即不能再代您办理委托的事项。`, confirmText: '终止委托' };
}
