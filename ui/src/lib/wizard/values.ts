// A field's answer as the wizard shows and changes it, without a page: a read-only answer in
// words, and a multi-choice's answer as its boxes are ticked.
import type { CodeItem } from '../../bindings/CodeItem';
import type { FieldState } from '../../bindings/FieldState';
import type { JsonValue } from '../../bindings/serde_json/JsonValue';
import { formatIsoDate, pick, type Lang, type Messages } from '../i18n';
import { asText, sameValue } from './ids';

/** One value of `field` in words: yes or no, its option's or code-list item's name, a date as
 *  the language writes it, else as typed; nothing given says so. */
export function inWords(field: FieldState, value: JsonValue | null | undefined, items: readonly CodeItem[] | null, t: Messages, lang: Lang): string {
  if (value === null || value === undefined || value === '') return t.wizard.noAnswer;
  if (typeof value === 'boolean') return value ? t.wizard.yes : t.wizard.no;
  const option = field.options?.find((o) => sameValue(o.value, value));
  if (option) return pick(lang, option.label);
  const item = items?.find((i) => i.code === value);
  if (item) return pick(lang, item);
  if (field.input === 'date' && typeof value === 'string') return formatIsoDate(value, lang);
  return asText(value);
}

/** A multi-choice's answer once `value`'s box is ticked (`on`) or not; nothing ticked is no answer. */
export function ticked(answer: JsonValue | null, value: JsonValue, on: boolean): JsonValue[] | null {
  const rest = (Array.isArray(answer) ? answer : []).filter((v) => !sameValue(v, value));
  const next = on ? [...rest, value] : rest;
  return next.length === 0 ? null : next;
}
