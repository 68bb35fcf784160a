import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { AppError } from '../../platform/errors.js';

/**
 * Chinese word segmentation (分词) with jieba. Index time uses search mode (`cutForSearch`: coarse
 * and fine words, 医疗保险 and 医疗/保险), query time the precise mode (`cut`), so that a query word
 * is always one of the lexemes the index holds.
 */

/** Queries longer than this are refused with `query_too_long` (HTTP 400). */
export const MAX_QUERY_LENGTH = 100;

let jieba: Jieba | undefined;
/** Loading the dictionary takes ~150 ms: do it once, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Words that carry no meaning for finding an item: particles and question words from how people
 * type questions (我要开公司怎么办 → 开公司).
 */
const STOP_WORDS = new Set([
  '的', '了', '吗', '呢', '啊', '吧', '呀', '和', '与', '及', '或', '或者', '在', '我', '我要', '我想', '想', '要',
  '怎么', '怎么办', '怎样', '如何', '哪里', '在哪', '在哪里', '哪儿', '什么', '去', '办', '请问', '需要', '可以', '能', '一个',
]);

/** Letters and digits only: anything else (punctuation, tsquery operators, quotes) never reaches SQL. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** NFKC (full-width → half-width), lower case, control characters (NUL …) as spaces, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\p{Cc}/gu, ' ').trim();
}

/** A lexeme as stored and queried: letters and digits only, or '' when nothing is left. */
export function toLexeme(word: string): string {
  return normalizeText(word).replace(NOT_WORD, '');
}

function unique(words: Iterable<string>): string[] {
  return [...new Set(words)];
}

/** Index-time tokens of a text: search-mode words, cleaned, deduplicated, stop words kept (titles are short). */
export function indexTokens(text: string): string[] {
  if (!text) return [];
  return unique(segmenter().cutForSearch(normalizeText(text), false).map(toLexeme).filter((w) => w.length > 0));
}

/** Query-time words: precise mode, cleaned, without stop words. */
export function queryWords(text: string): string[] {
  if (!text) return [];
  return unique(
    segmenter()
      .cut(normalizeText(text), false)
      .map(toLexeme)
      .filter((w) => w.length > 0 && !STOP_WORDS.has(w)),
  );
}

/** Fine words of one coarse word (医疗保险 → 医疗, 保险), excluding the word itself. */
export function fineWords(word: string): string[] {
  return indexTokens(word).filter((w) => w !== word && w.length < word.length);
}

/** The cleaned query, or `query_too_long` when the person typed more than MAX_QUERY_LENGTH characters. */
export function checkQuery(raw: string): string {
  const q = normalizeText(raw);
  if ([...q].length > MAX_QUERY_LENGTH) {
    throw new AppError('query_too_long', {
      message: `搜索词不能超过 ${MAX_QUERY_LENGTH} 个字 / The query must be at most ${MAX_QUERY_LENGTH} characters.`,
      errors: [{ field: 'querystring.q', code: 'too_long', message: `at most ${MAX_QUERY_LENGTH} characters` }],
    });
  }
  return q;
}
