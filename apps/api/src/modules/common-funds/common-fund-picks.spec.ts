import { CommonFundAccountStatus, CommonFundAccountType } from '@szpm/contract';
import { deadlineEnd, rectifyJobId } from './common-fund-cases.service';
import { pickAccount } from './common-fund-statistics.service';
import { CommonFundAccount } from './entities';

const account = (id: number, accountType: CommonFundAccountType, status: CommonFundAccountStatus, feedAbnormal = false) => Object.assign(new CommonFundAccount(), { id, accountType, status, feedAbnormal });

describe('the account a list row shows', () => {
  // newest first, as the list loads them
  const accounts = [
    account(4, CommonFundAccountType.CO_MANAGED, CommonFundAccountStatus.NORMAL, true),
    account(3, CommonFundAccountType.BASIC, CommonFundAccountStatus.NORMAL),
    account(2, CommonFundAccountType.CO_MANAGED, CommonFundAccountStatus.DISABLED),
  ];

  it('is the one its number counts', () => {
    expect(pickAccount(accounts, 'abnormal')?.id).toBe(4);
    expect(pickAccount(accounts, 'basic')?.id).toBe(3);
    expect(pickAccount(accounts, 'coManaged')?.id).toBe(4);
  });

  it('is else the newest normal one, then the newest, then none', () => {
    expect(pickAccount(accounts, 'opened')?.id).toBe(4);
    expect(pickAccount([accounts[2]], 'unopened')?.id).toBe(2);
    expect(pickAccount([], 'projects')).toBeNull();
  });
});

describe('the rectification deadline job', () => {
  it('fires when the deadline day has ended in Shanghai, with one job id per case and deadline', () => {
    expect(deadlineEnd('2026-03-15').toISOString()).toBe('2026-03-15T16:00:00.000Z');
    expect(deadlineEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(rectifyJobId(7, '2026-03-15')).toBe('common-funds.rectify-7-2026-03-15');
  });
});
