import { EvaluationItem, EvaluationTarget } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { answerProblems, blankAnswer, evaluationRequest, monthOf, recentMonths, urgeWords } from '../../src/logic/owner-evaluation';
import { isOwnerOauthState, OwnerBindForm, ownerBindRequest, ownerSignInMode, validateOwnerBindForm } from '../../src/logic/owner-sign-in';

const items: EvaluationItem[] = [
  { id: 1, target: EvaluationTarget.PROPERTY, name: '秩序维护', weight: 2 },
  { id: 2, target: EvaluationTarget.PROPERTY, name: '环境卫生', weight: 1 },
];

describe('业主评价 form', () => {
  it('asks for a star on every item and a reason for three stars or fewer, not for four', () => {
    expect(answerProblems(items, {})).toEqual({ 1: '请为此项打分', 2: '请为此项打分' });
    expect(answerProblems(items, { 1: { ...blankAnswer(), star: 3 }, 2: { ...blankAnswer(), star: 4 } })).toEqual({ 1: '三星及以下请选择不满意原因或填写其他原因' });
    expect(answerProblems(items, { 1: { star: 3, reasonIds: [], otherReason: '  ' }, 2: { ...blankAnswer(), star: 4 } })).toEqual({ 1: '三星及以下请选择不满意原因或填写其他原因' });
    expect(answerProblems(items, { 1: { star: 1, reasonIds: [], otherReason: '电梯常坏' }, 2: { ...blankAnswer(), star: 5 } })).toEqual({});
  });

  it('sends reasons with low stars only, the comment trimmed and left out when empty', () => {
    const request = evaluationRequest(9, EvaluationTarget.PROPERTY, items, { 1: { star: 2, reasonIds: [4], otherReason: ' 噪音 ' }, 2: { star: 5, reasonIds: [4], otherReason: 'x' } }, '  ', true);
    expect(request).toEqual({
      houseId: 9,
      target: EvaluationTarget.PROPERTY,
      answers: [
        { itemId: 1, star: 2, reasonIds: [4], otherReason: '噪音' },
        { itemId: 2, star: 5 },
      ],
      anonymous: true,
    });
    expect(evaluationRequest(9, EvaluationTarget.PROPERTY, items, { 1: { ...blankAnswer(), star: 4 }, 2: { ...blankAnswer(), star: 4 } }, ' 很好 ', false).comment).toBe('很好');
  });

  it('counts months across the turn of the year, newest first', () => {
    expect(monthOf('2026-01-15', -1)).toBe('2025-12');
    expect(monthOf('2026-12-01', 1)).toBe('2027-01');
    expect(recentMonths('2026-02-03', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(urgeWords('2026-03', true).title).toBe('2026年3月业主评价催办');
    expect(urgeWords('2026-03', true).content).toContain('业主委员会');
  });
});

describe('我的小区 sign-in and binding', () => {
  it('signs in by wx.login in weapp, by OAuth inside WeChat, and offers the development stand-in elsewhere', () => {
    expect(ownerSignInMode('weapp', '')).toEqual({ kind: 'mini' });
    expect(ownerSignInMode('h5', 'Mozilla/5.0 MicroMessenger/8.0')).toEqual({ kind: 'oa-authorize' });
    expect(ownerSignInMode('h5', 'Mozilla/5.0 Chrome')).toEqual({ kind: 'browser' });
    expect(isOwnerOauthState('owner-abc')).toBe(true);
    expect(isOwnerOauthState('abc')).toBe(false);
  });

  const form: OwnerBindForm = { name: ' 张三 ', proof: 'idNumber', idNumber: '44030119900101123x', realEstateUnitNo: '', phone: '13800138000', code: '' };

  it('checks the chosen proof only and the code on submit', () => {
    expect(validateOwnerBindForm(form, 'send-code')).toEqual({});
    expect(validateOwnerBindForm(form, 'submit')).toEqual({ code: '验证码为6位数字' });
    expect(validateOwnerBindForm({ ...form, idNumber: '4403' }, 'send-code')).toEqual({ idNumber: '身份证号码应为18位' });
    expect(validateOwnerBindForm({ ...form, proof: 'realEstateUnitNo' }, 'send-code')).toEqual({ realEstateUnitNo: '请填写不动产单元号' });
    expect(validateOwnerBindForm({ ...form, name: '', phone: '1380' }, 'send-code')).toEqual({ name: '请填写房屋登记的业主姓名', phone: '请填写11位手机号码' });
  });

  it('sends the chosen proof alone, trimmed, the ID number’s x upper-cased', () => {
    expect(ownerBindRequest(form)).toEqual({ name: '张三', phone: '13800138000', idNumber: '44030119900101123X' });
    expect(ownerBindRequest({ ...form, proof: 'realEstateUnitNo', realEstateUnitNo: ' 440304001001GB00001F0001 ' })).toEqual({ name: '张三', phone: '13800138000', realEstateUnitNo: '440304001001GB00001F0001' });
  });
});
