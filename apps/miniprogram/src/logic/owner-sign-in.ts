import { isWechatBrowser } from './login-route';

/**
 * How 我的小区 signs an owner in, by where it runs:
 * - weapp: wx.login → the owners' mini-program code login;
 * - H5 inside WeChat: the official account's OAuth (state `owner-…`, so the launch page hands the
 *   code back to the owners' login);
 * - H5 elsewhere: the development stand-in in embedded mode, else nothing (open it in WeChat).
 */
export type OwnerSignInMode = { kind: 'mini' } | { kind: 'oa-authorize' } | { kind: 'browser' };

export const OWNER_OAUTH_STATE_PREFIX = 'owner-';

export function ownerSignInMode(taroEnv: string, userAgent: string): OwnerSignInMode {
  if (taroEnv === 'weapp') return { kind: 'mini' };
  return isWechatBrowser(userAgent) ? { kind: 'oa-authorize' } : { kind: 'browser' };
}

/** Whether an OAuth callback's state belongs to the owners' sign-in. */
export function isOwnerOauthState(state: string): boolean {
  return state.startsWith(OWNER_OAUTH_STATE_PREFIX);
}

export interface OwnerBindForm {
  name: string;
  proof: 'idNumber' | 'realEstateUnitNo';
  idNumber: string;
  realEstateUnitNo: string;
  phone: string;
  code: string;
}

export type OwnerBindField = 'name' | 'idNumber' | 'realEstateUnitNo' | 'phone' | 'code';

const PHONE = /^1[3-9]\d{9}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

/** Field errors (Chinese) before the api is asked: sending the code needs all but the code. */
export function validateOwnerBindForm(form: OwnerBindForm, step: 'send-code' | 'submit'): Partial<Record<OwnerBindField, string>> {
  const errors: Partial<Record<OwnerBindField, string>> = {};
  if (!form.name.trim()) errors.name = '请填写房屋登记的业主姓名';
  if (form.proof === 'idNumber') {
    if (!form.idNumber.trim()) errors.idNumber = '请填写身份证号码';
    else if (!ID_NUMBER.test(form.idNumber.trim())) errors.idNumber = '身份证号码应为18位';
  } else if (!form.realEstateUnitNo.trim()) errors.realEstateUnitNo = '请填写不动产单元号';
  if (!PHONE.test(form.phone.trim())) errors.phone = '请填写11位手机号码';
  if (step === 'submit' && !/^\d{6}$/.test(form.code.trim())) errors.code = '验证码为6位数字';
  return errors;
}

/** The request of the form: the chosen proof only, trimmed, the ID number's x upper-cased. */
export function ownerBindRequest(form: OwnerBindForm) {
  return {
    name: form.name.trim(),
    phone: form.phone.trim(),
    ...(form.proof === 'idNumber' ? { idNumber: form.idNumber.trim().toUpperCase() } : { realEstateUnitNo: form.realEstateUnitNo.trim() }),
  };
}
