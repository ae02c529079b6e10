import { CommonFundAccountType, CommonFundRegistrantType } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { ownFormOf, ownRequestOf, registrantOptions } from '../../src/packages/common-funds/register-form';

describe('the counterpart’s own common-fund account form', () => {
  it('starts with the type the side opens, the person as 登记人 and the area in 户名', () => {
    const pm = ownFormOf(CommonFundAccountType.CO_MANAGED, '王俊峰', '景田花园');
    expect(pm).toMatchObject({ accountType: 'CO_MANAGED', registrantType: CommonFundRegistrantType.PROJECT_MANAGER, registrant: '王俊峰', accountName: '景田花园共有资金共管账户', bankId: null });
    const committee = ownFormOf(CommonFundAccountType.BASIC, '何秀兰', '景田花园');
    expect(committee).toMatchObject({ accountType: 'BASIC', registrantType: CommonFundRegistrantType.COMMITTEE_CHAIR, accountName: '景田花园业主大会' });
    expect(registrantOptions(CommonFundAccountType.CO_MANAGED).map((o) => o.label)).toEqual(['项目经理', '项目经办']);
    expect(registrantOptions(CommonFundAccountType.BASIC).map((o) => o.label)).toEqual(['业委会主任', '经办人']);
  });

  it('sends the number without its group spaces and the fields trimmed', () => {
    const form = { ...ownFormOf(CommonFundAccountType.CO_MANAGED, ' 王俊峰 ', '景田花园'), accountNo: ' 6217 0030 0099 8877 66 ', bankId: 3 };
    expect(ownRequestOf(form)).toEqual({
      body: { accountType: 'CO_MANAGED', accountNo: '621700300099887766', accountName: '景田花园共有资金共管账户', bankId: 3, registrantType: 'PROJECT_MANAGER', registrant: '王俊峰' },
    });
  });

  it('names the first field it lacks: the number and its form, 户名, 开户行, 登记人', () => {
    const ok = { ...ownFormOf(CommonFundAccountType.CO_MANAGED, '王俊峰', '景田花园'), accountNo: '6217003000998877', bankId: 3 };
    expect(ownRequestOf({ ...ok, accountNo: ' ' })).toEqual({ field: 'accountNo', message: '请填写账户号码' });
    expect(ownRequestOf({ ...ok, accountNo: '12345' })).toEqual({ field: 'accountNo', message: '账户号码应为10至30位数字' });
    expect(ownRequestOf({ ...ok, accountNo: '6217O03000998877' })).toMatchObject({ field: 'accountNo' });
    expect(ownRequestOf({ ...ok, accountName: '' })).toMatchObject({ field: 'accountName' });
    expect(ownRequestOf({ ...ok, bankId: null })).toEqual({ field: 'bankId', message: '请选择开户行' });
    expect(ownRequestOf({ ...ok, registrant: '  ' })).toMatchObject({ field: 'registrant' });
  });
});
