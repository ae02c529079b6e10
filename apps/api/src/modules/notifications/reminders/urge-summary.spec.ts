import { ERROR_MESSAGES, NotificationErrorCode, urgeSummary } from '@szpm/contract';

describe('urgeSummary (the result of 催办 / 催绑 / 提醒更新 in words)', () => {
  const result = (urged: number, skippedInCooldown = 0, withoutAccount = 0) => ({ campaignId: urged ? 1 : null, urged, skippedInCooldown, withoutAccount });

  it('counts the urged and those within the cooldown', () => {
    expect(urgeSummary(result(12, 3))).toBe('已催办 12 人，3 人 24 小时内已催办过');
    expect(urgeSummary(result(12))).toBe('已催办 12 人');
  });

  it('says so when nobody was urged this time', () => {
    expect(urgeSummary(result(0, 4))).toBe('未催办任何人，4 人 24 小时内已催办过');
    expect(urgeSummary(result(0, 0, 2))).toBe('未催办任何人，2 个未开设账号');
    expect(urgeSummary(result(0))).toBe('已催办 0 人');
  });

  it('names the units without an account, the action and the cooldown', () => {
    expect(urgeSummary(result(5, 1, 2))).toBe('已催办 5 人，1 人 24 小时内已催办过，2 个未开设账号');
    expect(urgeSummary(result(2, 1), { verb: '催绑' })).toBe('已催绑 2 人，1 人 24 小时内已催绑过');
    expect(urgeSummary(result(1, 1), { verb: '提醒', cooldownHours: 72 })).toBe('已提醒 1 人，1 人 72 小时内已提醒过');
  });

  it('has one Chinese message for nothing to urge', () => {
    expect(ERROR_MESSAGES[NotificationErrorCode.NOTHING_TO_URGE]).toMatch(/无需催办/);
  });
});
