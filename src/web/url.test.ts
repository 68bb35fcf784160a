import { describe, expect, it } from 'vitest';
import { hrefWith, withoutPreferenceParams } from './url.js';

describe('hrefWith', () => {
  it('adds, replaces and removes query parameters and keeps the others', () => {
    expect(hrefWith('/search?q=医保&page=2', { page: 3 })).toBe('/search?q=%E5%8C%BB%E4%BF%9D&page=3');
    expect(hrefWith('/search?q=a&type=01', { type: null })).toBe('/search?q=a');
    expect(hrefWith('/', { lang: 'en' })).toBe('/?lang=en');
    expect(hrefWith('/items/x?lang=en', { lang: null })).toBe('/items/x');
  });

  it('encodes what it is given, so markup in a query stays inert', () => {
    expect(hrefWith('/search', { q: '<script>"' })).toBe('/search?q=%3Cscript%3E%22');
  });
});

describe('withoutPreferenceParams', () => {
  it('drops lang, elder and region so a switch does not stick to every link', () => {
    expect(withoutPreferenceParams('/search?q=a&lang=en&elder=1&region=330100')).toBe('/search?q=a');
  });
});
