import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkQuery, fineWords, indexTokens, MAX_QUERY_LENGTH, queryWords, toLexeme } from './segment.js';

describe('segmentation (分词)', () => {
  it('indexes coarse and fine words of a title (search mode)', () => {
    expect(indexTokens('城乡居民基本医疗保险参保登记')).toEqual(
      expect.arrayContaining(['城乡居民', '居民', '医疗保险', '医疗', '保险', '参保', '登记']),
    );
    expect(indexTokens('机动车驾驶证换证')).toEqual(expect.arrayContaining(['机动车', '驾驶证', '驾驶', '换证']));
  });

  it('cuts a query into precise words, so each is a lexeme of the index', () => {
    expect(queryWords('城乡居民基本医疗保险参保登记')).toEqual(['城乡居民', '基本', '医疗保险', '参保', '登记']);
    const indexed = new Set(indexTokens('个体工商户营业执照办理'));
    for (const w of queryWords('营业执照办理')) expect(indexed.has(w)).toBe(true);
  });

  it('drops punctuation, tsquery operators and question words', () => {
    expect(queryWords('我要开公司怎么办？')).toEqual(['开', '公司']);
    expect(queryWords("&|!:*()'\\%")).toEqual([]);
    expect(queryWords('医保 & !社保')).toEqual(['医保', '社保']);
    expect(toLexeme("公积金:*'")).toBe('公积金');
  });

  it('normalises full-width letters and case', () => {
    expect(queryWords('ＡＢＣ１２３')).toEqual(['abc123']);
    expect(indexTokens('ABC营业执照')).toContain('abc');
  });

  it('splits compound words into their fine parts', () => {
    expect(fineWords('医疗保险')).toEqual(['医疗', '保险']);
    expect(fineWords('户籍')).toEqual([]);
  });

  it('refuses queries over 100 characters with query_too_long', () => {
    expect(checkQuery(' 医保 ')).toBe('医保');
    expect(checkQuery('医'.repeat(MAX_QUERY_LENGTH))).toHaveLength(MAX_QUERY_LENGTH);
    try {
      checkQuery('医'.repeat(MAX_QUERY_LENGTH + 1));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('query_too_long');
      expect((e as AppError).status).toBe(400);
    }
  });
});
