import { describe, expect, it } from 'vitest';
import { MESSAGES, VALUE_KINDS, formatIsoDate } from './i18n';

describe('i18n', () => {
  it('formats dates of birth per language', () => {
    expect(formatIsoDate('1949-12-31', 'zh')).toBe('1949年12月31日');
    expect(formatIsoDate('1949-12-31', 'en')).toBe('31 December 1949');
    expect(formatIsoDate('2001-01-05', 'zh')).toBe('2001年1月5日');
    expect(formatIsoDate('2001-01-05', 'en')).toBe('5 January 2001');
    expect(formatIsoDate('not a date', 'en')).toBe('not a date');
  });

  it('formats ages', () => {
    expect(MESSAGES.zh.formatAge(76)).toBe('76岁');
    expect(MESSAGES.en.formatAge(76)).toBe('76 years');
    expect(MESSAGES.en.formatAge(1)).toBe('1 year');
  });

  it('names all eight kinds in both languages, uniquely', () => {
    expect(VALUE_KINDS).toHaveLength(8);
    for (const lang of ['zh', 'en'] as const) {
      const names = VALUE_KINDS.map((k) => MESSAGES[lang].valueKinds[k]);
      expect(new Set(names).size).toBe(8);
      for (const k of VALUE_KINDS) expect(MESSAGES[lang].hints[k]).not.toBe('');
    }
    expect(MESSAGES.zh.valueKinds['id-number']).toBe('身份证号码（含港澳台居民居住证、外国人永久居留身份证）');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });
});
