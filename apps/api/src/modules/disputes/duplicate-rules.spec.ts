import { summarySimilarity } from './duplicate-rules';

describe('summarySimilarity', () => {
  it('is 1 for the same text, ignoring spaces and punctuation', () => {
    expect(summarySimilarity('地下车库车位被占用，业主投诉', '地下车库 车位被占用 业主投诉！')).toBe(1);
  });

  it('ranks a reworded complaint about the same matter above an unrelated one', () => {
    const entered = '3栋地下车库车位长期被外来车辆占用';
    const reworded = '地下车库车位被外来车辆长期占用，3栋业主投诉';
    const unrelated = '业委会换届选举程序存在争议';
    expect(summarySimilarity(entered, reworded)).toBeGreaterThan(0.6);
    expect(summarySimilarity(entered, unrelated)).toBeLessThan(0.1);
  });

  it('is 0 when either text is empty', () => {
    expect(summarySimilarity('', '物业费')).toBe(0);
  });
});
