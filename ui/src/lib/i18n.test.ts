import { describe, expect, it } from 'vitest';
import { MESSAGES, STATUSES, VALUE_KINDS, formatIsoDate, formatLocalDateTime, pick } from './i18n';
import * as OpenCC from 'opencc-js';
import { zhHant } from './i18n/zh-Hant';
import { localized } from '../test/localized';

/** Every key of a catalog as its path, sorted: each namespace, its keys and what they hold
 *  (`common.statusNames.draft`, `unlock.newIntro.0`). */
const keyPaths = (v: unknown, at = ''): string[] =>
  v && typeof v === 'object'
    ? Object.entries(v)
        .flatMap(([k, x]) => [at + k, ...keyPaths(x, `${at}${k}.`)])
        .sort()
    : [];

describe('i18n', () => {
  it('formats dates of birth per language', () => {
    expect(formatIsoDate('1949-12-31', 'zh')).toBe('1949年12月31日');
    expect(formatIsoDate('1949-12-31', 'en')).toBe('31 December 1949');
    expect(formatIsoDate('2001-01-05', 'zh')).toBe('2001年1月5日');
    expect(formatIsoDate('2001-01-05', 'en')).toBe('5 January 2001');
    expect(formatIsoDate('not a date', 'en')).toBe('not a date');
  });

  it('formats ages', () => {
    expect(MESSAGES.zh.numberCheck.formatAge(76)).toBe('76岁');
    expect(MESSAGES.en.numberCheck.formatAge(76)).toBe('76 years');
    expect(MESSAGES.en.numberCheck.formatAge(1)).toBe('1 year');
  });

  it('names all eight kinds in both languages, uniquely', () => {
    expect(VALUE_KINDS).toHaveLength(8);
    for (const lang of ['zh', 'en'] as const) {
      const names = VALUE_KINDS.map((k) => MESSAGES[lang].numberCheck.valueKinds[k]);
      expect(new Set(names).size).toBe(8);
      for (const k of VALUE_KINDS) expect(MESSAGES[lang].numberCheck.hints[k]).not.toBe('');
    }
    expect(MESSAGES.zh.numberCheck.valueKinds['id-number']).toBe('身份证号码（含港澳台居民居住证、外国人永久居留身份证）');
  });

  it('names all eleven statuses in both languages, uniquely', () => {
    expect(STATUSES).toHaveLength(11);
    for (const lang of ['zh', 'en'] as const) {
      const names = STATUSES.map((s) => MESSAGES[lang].common.statusNames[s]);
      expect(new Set(names).size).toBe(11);
    }
    expect(MESSAGES.zh.common.statusNames.in_production).toBe('制卡中');
    expect(MESSAGES.en.common.statusNames.ready_for_pickup).toBe('Ready for pickup');
  });

  it('counts applications', () => {
    expect(MESSAGES.zh.cases.caseCount(3, 3)).toBe('共 3 件');
    expect(MESSAGES.zh.cases.caseCount(120, 50)).toBe('共 120 件，已显示 50 件');
    expect(MESSAGES.en.cases.caseCount(1, 1)).toBe('1 application');
    expect(MESSAGES.en.cases.caseCount(0, 0)).toBe('0 applications');
    expect(MESSAGES.en.cases.caseCount(120, 50)).toBe('120 applications, 50 shown');
  });

  it('shows instants in local time, minutes only', () => {
    const iso = '2026-11-21T06:05:09.123Z';
    const d = new Date(iso);
    const shown = formatLocalDateTime(iso);
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(shown.slice(-2)).toBe(String(d.getMinutes()).padStart(2, '0'));
    expect(shown.slice(11, 13)).toBe(String(d.getHours()).padStart(2, '0'));
    // Read back as local time, it is the same minute.
    expect(new Date(shown.replace(' ', 'T')).getTime()).toBe(Date.UTC(2026, 10, 21, 6, 5));
    expect(formatLocalDateTime('soon')).toBe('soon');
  });

  it('picks the message of the language', () => {
    const m = localized('口令不正确', 'Wrong passphrase');
    expect(pick('zh', m)).toBe('口令不正确');
    expect(pick('en', m)).toBe('Wrong passphrase');
  });

  it('has the same keys in both languages', () => {
    expect(keyPaths(MESSAGES.en)).toEqual(keyPaths(MESSAGES.zh));
  });

  // The reviewed 繁體中文 catalog, kept complete and free
  // of Simplified characters as zh.ts changes (docs/zh-hant/ui-review.md).
  it('keeps the 繁體中文 catalog complete and in Traditional characters', () => {
    expect(keyPaths(zhHant)).toEqual(keyPaths(MESSAGES.zh));
    const strings = (v: unknown): string[] =>
      typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const simplified = strings(zhHant).filter((s) => toTraditional(s).replace(/臺/g, '台') !== s);
    expect(simplified).toEqual([]);
  });
});
