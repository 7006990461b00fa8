// Every string the UI shows: one file per language (zh.ts, zh-Hant.ts, en.ts), each a `Messages`
// (messages.ts), so a key missing from a language is a type error. Words that come from Rust
// (findings, errors, flow texts) already carry every language and are picked by `pick`.

import type { Lang } from '../../bindings/Lang';
import type { Localized } from '../../bindings/Localized';
import type { Status } from '../../bindings/Status';
import statuses from '../../bindings/statuses.json';
import type { ValueKind } from '../../bindings/ValueKind';
import { en } from './en';
import type { Messages } from './messages';
import { zh } from './zh';
import { zhHant } from './zh-Hant';

export type { Messages };
// The same union as the Rust settings' `lang`: what settings_get gives can be used as it is.
export type { Lang };

/** The languages the UI speaks, in the order the switch offers them. */
export const LANGS: readonly Lang[] = ['zh', 'zh-Hant', 'en'];

/** The value of `<html lang>` (and `lang` attributes) for each UI language: it also picks the
 *  font's character shapes (Simplified or Traditional glyphs). */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', 'zh-Hant': 'zh-Hant', en: 'en' };

/** The app's name is shown in Chinese and English whatever the UI language: the Chinese in the
 *  script being read (English readers see the Simplified, as on the agency's pages). */
export const BRAND: Record<Lang, string> = { zh: '办卡', 'zh-Hant': '辦卡', en: 'Banka' };
export const BRAND_CHINESE: Record<Lang, 'zh' | 'zh-Hant'> = { zh: 'zh', 'zh-Hant': 'zh-Hant', en: 'zh' };

/** The order in which the kinds are offered. */
export const VALUE_KINDS: readonly ValueKind[] = [
  'id-number',
  'social-security-number',
  'hk-macau-travel-permit',
  'taiwan-travel-permit',
  'foreign-pr-id',
  'uscc',
  'mobile',
  'postal-code',
];

/** A case's statuses in the order of its life, as Rust lists them (the status filter offers them so). */
export const STATUSES: readonly Status[] = statuses.map((s) => s.status as Status);

export const MESSAGES: Record<Lang, Messages> = { zh, 'zh-Hant': zhHant, en };

/** Formats a YYYY-MM-DD date for `lang`; anything else is shown as it came. */
export function formatIsoDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return MESSAGES[lang].common.formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Words that come in every language (Rust's `Localized`, or the UI's own from `words`), in `lang`. */
export function pick(lang: Lang, text: Localized): string {
  return text[lang];
}

/** One of the UI's own messages in every language, the shape Rust's words come in: for errors
 *  that are kept and shown again after a language switch. */
export function words(message: (t: Messages, lang: Lang) => string): Localized {
  return {
    zh: message(MESSAGES.zh, 'zh'),
    'zh-Hant': message(MESSAGES['zh-Hant'], 'zh-Hant'),
    en: message(MESSAGES.en, 'en'),
  };
}

/**
 * An RFC 3339 instant (Rust stores UTC) as local time, `2026-11-21 14:05`: the same in every
 * language, and what operators compare with the clock on the wall. Anything else is shown as it came.
 */
export function formatLocalDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
