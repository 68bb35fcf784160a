import { describe, expect, it } from 'vitest';
import { planQuery, type Synonym } from './query-plan.js';

const SYNONYMS: Synonym[] = [
  { term: '医保', expansion: '医疗保险' },
  { term: '公积金', expansion: '住房公积金' },
  { term: '驾照', expansion: '机动车驾驶证' },
  { term: '换驾照', expansion: '机动车驾驶证换证' },
  { term: '开公司', expansion: '企业设立登记' },
  { term: '户口', expansion: '户籍' },
];

describe('query plan (synonyms → tsquery)', () => {
  it('expands a synonym term into its segmented expansion', () => {
    const plan = planQuery('医保', SYNONYMS);
    expect(plan.groups).toEqual(["('医保' | ('医疗保险' | ('医疗' & '保险')))"]);
    expect(plan.all).toBe(plan.groups[0]);
  });

  it('finds a colloquial term that jieba would split, and drops question words', () => {
    const plan = planQuery('我要开公司怎么办', SYNONYMS);
    expect(plan.groups).toHaveLength(1);
    expect(plan.all).toContain("'企业' & ('设立登记' | ('设立' & '登记'))");
  });

  it('prefers the longest synonym term (换驾照 over 驾照)', () => {
    const plan = planQuery('换驾照', SYNONYMS);
    expect(plan.groups).toHaveLength(1);
    expect(plan.all).toContain("'换证'");
  });

  it('keeps the other words as groups of their own, ANDed in `all` and ORed in `any`', () => {
    const plan = planQuery('户口迁移', SYNONYMS);
    expect(plan.groups).toEqual(["('户口' | '户籍')", "'迁移'"]);
    expect(plan.all).toBe("('户口' | '户籍') & '迁移'");
    expect(plan.any).toBe("('户口' | '户籍') | '迁移'");
    expect(plan.titleGroups).toEqual(["('户口':A | '户籍':A)", "'迁移':A"]);
  });

  it('turns injection strings into quoted lexemes or nothing', () => {
    expect(planQuery("'; drop table x; --", SYNONYMS).all).toBe("'drop' & 'table' & 'x'");
    expect(planQuery('&|!:*()', SYNONYMS).groups).toEqual([]);
    for (const lexeme of planQuery("a'b\\c:*", SYNONYMS).all.match(/'[^']*'/g) ?? []) expect(lexeme).toMatch(/^'[\p{L}\p{N}]+'$/u);
  });
});
