import { fineWords, queryWords, toLexeme } from './segment.js';

/** One synonym row: a query containing `term` also looks for `expansion`. */
export interface Synonym {
  term: string;
  expansion: string;
}

/**
 * A parsed query. Each group is one thing the person asked for (a word, or a synonym term with
 * its expansions); an item matches when it matches every group (`all`), or, as a fallback when
 * nothing does, any group (`any`). The per-group title queries (`titleGroups`, lexemes weighted A)
 * count "how many query terms are in the title" for ranking.
 *
 * The tsquery texts are built here from lexemes that contain only letters and digits (see
 * toLexeme), each single-quoted, so nothing a person types can become a tsquery operator.
 */
export interface QueryPlan {
  /** The normalised query text, for the exact-title comparison. */
  text: string;
  groups: string[];
  all: string;
  any: string;
  titleGroups: string[];
}

/** A word and, for a compound word, its fine parts as an alternative: 医疗保险 | (医疗 & 保险). */
type WordAlternatives = { word: string; parts: string[] };
/** Alternatives of one group; each alternative is an AND of words. */
type Group = WordAlternatives[][];

function wordAlternatives(word: string): WordAlternatives {
  // A single fine part (驾驶证 → 驾驶) would only widen the match, so parts come in twos or more.
  const parts = word.length >= 3 ? fineWords(word) : [];
  return { word, parts: parts.length >= 2 ? parts : [] };
}

function quote(lexeme: string, weight: '' | ':A'): string {
  return `'${lexeme}'${weight}`;
}

function renderWord(w: WordAlternatives, weight: '' | ':A'): string {
  const whole = quote(w.word, weight);
  if (w.parts.length === 0) return whole;
  return `(${whole} | (${w.parts.map((p) => quote(p, weight)).join(' & ')}))`;
}

function renderGroup(group: Group, weight: '' | ':A'): string {
  const alternatives = group.map((words) => {
    const rendered = words.map((w) => renderWord(w, weight));
    return rendered.length === 1 ? rendered[0]! : `(${rendered.join(' & ')})`;
  });
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
}

function alternativeOf(text: string): WordAlternatives[] {
  return queryWords(text).map(wordAlternatives);
}

/**
 * Build the plan for a normalised query. Synonym terms are found as substrings of the query
 * (longest first, so 换驾照 wins over 驾照) before segmentation, because jieba may split a
 * colloquial term (开公司 → 开/公司); each expansion is itself segmented.
 */
export function planQuery(text: string, synonyms: readonly Synonym[]): QueryPlan {
  const expansionsByTerm = new Map<string, string[]>();
  for (const s of synonyms) {
    const term = toLexeme(s.term);
    if (term) expansionsByTerm.set(term, [...(expansionsByTerm.get(term) ?? []), s.expansion]);
  }
  const terms = [...expansionsByTerm.keys()].sort((a, b) => b.length - a.length);

  let rest = text;
  const groups: Group[] = [];
  for (const term of terms) {
    if (!rest.includes(term)) continue;
    rest = rest.split(term).join(' ');
    const alternatives = [term, ...expansionsByTerm.get(term)!].map(alternativeOf).filter((a) => a.length > 0);
    if (alternatives.length > 0) groups.push(alternatives);
  }
  for (const word of queryWords(rest)) groups.push([[wordAlternatives(word)]]);

  const rendered = groups.map((g) => renderGroup(g, ''));
  return {
    text,
    groups: rendered,
    all: rendered.join(' & '),
    any: rendered.join(' | '),
    titleGroups: groups.map((g) => renderGroup(g, ':A')),
  };
}
