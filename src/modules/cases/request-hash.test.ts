import { describe, it, expect } from 'vitest';
import { canonicalJson, requestHash } from './request-hash.js';

describe('request hash', () => {
  it('ignores key order but not values or array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: '中' } })).toBe('{"a":{"c":"中","d":[2,1]},"b":1}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: '1' }));
  });
});
