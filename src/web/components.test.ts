import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { PhoneLink, StarRating, pageWindow } from './components.js';
import { messagesFor } from './i18n.js';

describe('pageWindow', () => {
  it('shows up to seven pages around the current one', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(10, 20)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(pageWindow(20, 20)).toEqual([14, 15, 16, 17, 18, 19, 20]);
  });
});

describe('PhoneLink', () => {
  it('dials the extension after a pause', () => {
    expect(render(PhoneLink({ phone: '0574-12345转130' }))).toBe('<a href="tel:057412345,130">0574-12345转130</a>');
    expect(render(PhoneLink({ phone: '0571-87654321' }))).toBe('<a href="tel:057187654321">0571-87654321</a>');
  });
});

describe('StarRating', () => {
  it('says the rating in words, not only in glyphs', () => {
    const html = render(StarRating({ m: messagesFor('en'), stars: 4 }));
    expect(html).toContain('aria-hidden="true">★★★★');
    expect(html).toContain('4 out of 5 stars');
  });
});
