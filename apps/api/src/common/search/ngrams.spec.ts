import { MAX_QUERY_GRAMS, queryGrams, textGrams } from './ngrams';

describe('text-search grams', () => {
  it('indexes every character and adjacent pair, in lower case, once', () => {
    expect(textGrams('深圳AB物业')).toEqual(['深', '圳', 'a', 'b', '物', '业', '深圳', '圳a', 'ab', 'b物', '物业']);
    expect(textGrams('张张张')).toEqual(['张', '张张']);
  });

  it('asks for grams every containing text has', () => {
    const texts = ['深圳市福田区某某物业管理有限公司', '张伟', 'ABC物业', '万科物业服务有限公司'];
    for (const text of texts) {
      const indexed = new Set(textGrams(text));
      const chars = [...text];
      for (let start = 0; start < chars.length; start++) {
        for (let end = start + 1; end <= chars.length; end++) {
          const grams = queryGrams(chars.slice(start, end).join(''));
          expect(grams.length).toBeLessThanOrEqual(MAX_QUERY_GRAMS);
          for (const gram of grams) expect(indexed.has(gram)).toBe(true);
        }
      }
    }
  });

  it('uses the character of a one-character search and pairs otherwise', () => {
    expect(queryGrams('张')).toEqual(['张']);
    expect(queryGrams('Ab')).toEqual(['ab']);
    expect(queryGrams('物业管理有限公司')).toEqual(['物业', '管理', '有限', '公司']);
  });
});
