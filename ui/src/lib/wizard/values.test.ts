// A field's answer in words and a multi-choice's ticks, without a page.
import { describe, expect, it } from 'vitest';
import type { FieldState } from '../../bindings/FieldState';
import { localized } from '../../test/localized';
import { MESSAGES } from '../i18n';
import { inWords, ticked } from './values';

const field = (over: Partial<FieldState>): FieldState => ({
  path: 'applicant.x',
  step: 'step',
  label: localized('问题', 'Question'),
  input: 'text',
  status: 'locked',
  value: null,
  defaulted: false,
  ...over,
});

describe('an answer in words', () => {
  const t = MESSAGES.en;

  it('says nothing given, yes or no, and an option by its label', () => {
    const gender = field({ input: 'choice', options: [{ value: 'female', label: localized('女', 'Female') }] });
    expect([null, undefined, ''].map((v) => inWords(gender, v, null, t, 'en'))).toEqual([t.wizard.noAnswer, t.wizard.noAnswer, t.wizard.noAnswer]);
    expect([true, false].map((v) => inWords(gender, v, null, t, 'en'))).toEqual([t.wizard.yes, t.wizard.no]);
    expect(inWords(gender, 'female', null, MESSAGES.zh, 'zh')).toBe('女');
  });

  it('names a code-list item, writes a date as the language does, and shows the rest as typed', () => {
    const items = [{ code: '110105', ...localized('朝阳区', 'Chaoyang') }];
    expect(inWords(field({ input: 'code-list' }), '110105', items, t, 'en')).toBe('Chaoyang');
    expect(inWords(field({ input: 'date' }), '2016-05-01', null, MESSAGES.zh, 'zh')).toBe(MESSAGES.zh.common.formatDate(2016, 5, 1));
    expect(inWords(field({}), 42, null, t, 'en')).toBe('42');
  });
});

describe('a multi-choice’s ticks', () => {
  it('adds and takes away one value, and is no answer with none ticked', () => {
    expect(ticked(null, 'a', true)).toEqual(['a']);
    expect(ticked(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(ticked(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(ticked(['a'], 'a', false)).toBeNull();
  });
});
