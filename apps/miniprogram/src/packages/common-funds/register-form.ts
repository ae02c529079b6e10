import {
  COMMON_FUND_REGISTRANT_TYPE_LABELS,
  COMMON_FUND_REGISTRANT_TYPES,
  CommonFundAccountType,
  CommonFundRegistrantType,
  isValidAccountNo,
  normalizeAccountNo,
  RegisterOwnCommonFundAccountRequest,
} from '@szpm/contract';

/** The own registration form as typed (项目负责人: 共管账户, 业主委员会: 基本账户). */
export interface OwnAccountForm {
  accountType: CommonFundAccountType;
  accountNo: string;
  accountName: string;
  bankId: number | null;
  registrantType: CommonFundRegistrantType;
  registrant: string;
}

export type OwnAccountField = 'accountType' | 'accountNo' | 'accountName' | 'bankId' | 'registrantType' | 'registrant';

export const OWN_ACCOUNT_FIELDS: Record<string, OwnAccountField> = {
  accountType: 'accountType',
  accountNo: 'accountNo',
  accountName: 'accountName',
  bankId: 'bankId',
  registrantType: 'registrantType',
  registrant: 'registrant',
};

/** The registrant types the account type admits, as options (the first is the counterpart itself). */
export function registrantOptions(type: CommonFundAccountType): Array<{ value: CommonFundRegistrantType; label: string }> {
  return COMMON_FUND_REGISTRANT_TYPES[type].map((value) => ({ value, label: COMMON_FUND_REGISTRANT_TYPE_LABELS[value] }));
}

/** A fresh form for the account type the counterpart opens, with the signed-in person as 登记人 and the area's name in 户名. */
export function ownFormOf(type: CommonFundAccountType, person: string, areaName: string): OwnAccountForm {
  return {
    accountType: type,
    accountNo: '',
    accountName: `${areaName}${type === CommonFundAccountType.BASIC ? '业主大会' : '共有资金共管账户'}`.slice(0, 128),
    bankId: null,
    registrantType: COMMON_FUND_REGISTRANT_TYPES[type][0],
    registrant: person.slice(0, 32),
  };
}

/**
 * The request of a form, or the first field it lacks: the number's form (10–30 digits, group spaces
 * allowed) is checked here; the bank, a duplicate and the registrant's side the api checks and names.
 */
export function ownRequestOf(form: OwnAccountForm): { body: RegisterOwnCommonFundAccountRequest } | { field: OwnAccountField; message: string } {
  const accountNo = normalizeAccountNo(form.accountNo.trim());
  if (!accountNo) return { field: 'accountNo', message: '请填写账户号码' };
  if (!isValidAccountNo(accountNo)) return { field: 'accountNo', message: '账户号码应为10至30位数字' };
  const accountName = form.accountName.trim();
  if (!accountName) return { field: 'accountName', message: '请填写户名' };
  if (form.bankId === null) return { field: 'bankId', message: '请选择开户行' };
  const registrant = form.registrant.trim();
  if (!registrant) return { field: 'registrant', message: '请填写登记人' };
  return { body: { accountType: form.accountType, accountNo, accountName, bankId: form.bankId, registrantType: form.registrantType, registrant } };
}
