import { CampaignKind } from '@szpm/contract';
import { fitToKeyword, miniPage, shanghaiTime, smsParams, templateData } from './message-content';

describe('message content for WeChat templates and SMS', () => {
  const message = {
    kind: CampaignKind.URGE,
    title: '关于开展2026年第一季度物业服务项目安全生产检查的通知',
    content: '请于本周内完成',
    senderName: '福田区住房和建设局',
    createdAt: new Date('2026-03-01T02:05:00Z'),
  };

  it('fills the configured keywords and cuts values to WeChat’s limits', () => {
    const data = templateData(
      {
        templateId: 'tmpl',
        fields: [
          { key: 'thing1', source: 'title' },
          { key: 'thing2', source: 'sender' },
          { key: 'time3', source: 'sentAt' },
          { key: 'phrase4', source: 'kind' },
        ],
      },
      message,
    );
    expect(data).toEqual({
      thing1: { value: '关于开展2026年第一季度物业服务项目…' },
      thing2: { value: '福田区住房和建设局' },
      time3: { value: '2026-03-01 10:05' },
      phrase4: { value: '催办' },
    });
    expect([...data.thing1.value]).toHaveLength(20);
  });

  it('counts characters, not UTF-16 units, and leaves times alone', () => {
    expect(fitToKeyword('name1', '𠀀'.repeat(12))).toBe(`${'𠀀'.repeat(9)}…`);
    expect(fitToKeyword('time9', '2026-03-01 10:05:00 extra')).toBe('2026-03-01 10:05:00 extra');
    expect(shanghaiTime(new Date('2026-12-31T20:30:00Z'))).toBe('2027-01-01 04:30');
  });

  it('gives the SMS template its sender and title, and mini pages without a leading slash', () => {
    expect(smsParams({ ...message, senderName: null })).toEqual(['深圳市住房和建设局', '关于开展2026年第一季度物业服务项目…']);
    expect(miniPage('/pages/identity/bind')).toBe('pages/identity/bind');
    expect(miniPage(null)).toBeUndefined();
  });
});
