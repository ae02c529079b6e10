import { SMS_CODE_LENGTH } from '@szpm/contract';

/** 身份认证 form of the 各级政府物业监管部门人员 entry. */
export interface BindForm {
  name: string;
  phone: string;
  code: string;
}

export type BindField = keyof BindForm;

const PHONE = /^1[3-9]\d{9}$/;
const NAME = /^[\u4e00-\u9fa5·A-Za-z\s]{2,32}$/;

/** Field errors (Chinese) for sending the code (name + phone) or submitting (all three). */
export function validateBindForm(form: BindForm, step: 'send-code' | 'submit'): Partial<Record<BindField, string>> {
  const errors: Partial<Record<BindField, string>> = {};
  const name = form.name.trim();
  if (!name) errors.name = '请填写姓名';
  else if (!NAME.test(name)) errors.name = '姓名应为2至32个汉字或字母';
  const phone = form.phone.trim();
  if (!phone) errors.phone = '请填写手机号码';
  else if (!PHONE.test(phone)) errors.phone = '请填写11位手机号码';
  if (step === 'submit') {
    const code = form.code.trim();
    if (!code) errors.code = '请填写短信验证码';
    else if (!new RegExp(`^\\d{${SMS_CODE_LENGTH}}$`).test(code)) errors.code = `验证码为${SMS_CODE_LENGTH}位数字`;
  }
  return errors;
}

export function normalisedBindForm(form: BindForm): BindForm {
  return { name: form.name.trim(), phone: form.phone.trim(), code: form.code.trim() };
}
