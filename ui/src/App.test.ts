import { fireEvent, render, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import type { ValidationReport } from './bindings/ValidationReport';
import {
  BAD_ID,
  OLD_ID,
  VALID_ID,
  checkCharacter,
  birthDateInFuture,
  hkPermit,
  invalidId,
  lengthError,
  postalNotBeijing,
  upgradedFrom15,
  upgradedId,
  validId,
} from './test/fixtures';
import {
  byId,
  chooseKind,
  deferred,
  expectNoAxeViolations,
  mockBackend,
  mockValidate,
  openNumberCheck,
  resultRegion,
  typeValue,
} from './test/helpers';
import { localized } from './test/localized';
import { MESSAGES, type Lang } from './lib/i18n';

/** The usual stand-in for Rust: knows a few ID numbers, answers a length error otherwise. */
function standardMock() {
  return mockValidate(({ kind, value }) => {
    if (kind === 'id-number' || kind === 'social-security-number') {
      const upper = value.toUpperCase();
      if (upper === VALID_ID) return { ...validId };
      if (value === BAD_ID) return invalidId;
      if (value === OLD_ID) return upgradedId;
    }
    if (kind === 'hk-macau-travel-permit' && value === 'H12345678') return hkPermit;
    if (kind === 'postal-code') return postalNotBeijing;
    return lengthError(value);
  });
}

const text = (id: string) => byId(id).textContent?.trim();

async function chooseLanguage(lang: Lang) {
  await fireEvent.click(byId(`lang-${lang}`));
}

describe('number check', () => {
  it('starts empty, in Chinese, with a neutral hint and no IPC call', async () => {
    const calls = standardMock();
    const { container } = render(App);
    await openNumberCheck();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(container.querySelectorAll('h1')).toHaveLength(1);
    expect(byId('value-kind')).toHaveProperty('value', 'id-number');
    const result = resultRegion();
    expect(result.getAttribute('aria-live')).toBe('polite');
    expect(result.hasAttribute('data-valid')).toBe(false);
    expect(result.textContent).toContain('请在上方输入号码');
    expect(byId('value-input').hasAttribute('aria-invalid')).toBe(false);
    expect(calls).toEqual([]);
    await expectNoAxeViolations(container);
  });

  it('shows the derived facts of a valid ID number', async () => {
    const calls = standardMock();
    const { container } = render(App);
    await openNumberCheck();
    await typeValue(VALID_ID);

    const result = resultRegion();
    expect(result.dataset.valid).toBe('true');
    expect(result.textContent).toContain('号码有效');
    expect(text('result-normalized')).toBe(VALID_ID);
    expect(document.getElementById('result-normalized-note')).toBeNull();
    expect(text('result-kind')).toBe('居民身份证');
    expect(text('result-birth-date')).toBe('1949年12月31日');
    expect(text('result-gender')).toBe('女');
    expect(text('result-age')).toBe('76岁');
    expect(text('result-region')).toBe('北京市朝阳区');
    expect(document.getElementById('result-errors')).toBeNull();
    expect(document.getElementById('result-warnings')).toBeNull();
    expect(byId('value-input').hasAttribute('aria-invalid')).toBe(false);
    expect(calls.at(-1)).toEqual({
      cmd: 'validate_value',
      args: { kind: 'id-number', value: VALID_ID, beijingAddress: false },
    });
    await expectNoAxeViolations(container);
  });

  it('formats the facts in English', async () => {
    standardMock();
    render(App);
    await openNumberCheck();
    await chooseLanguage('en');
    await typeValue(VALID_ID);
    expect(text('result-birth-date')).toBe('31 December 1949');
    expect(text('result-gender')).toBe('female');
    expect(text('result-age')).toBe('76 years');
    expect(text('result-kind')).toBe('Resident Identity Card');
    expect(text('result-region')).toBe('北京市朝阳区');
    expect(byId('result-region').getAttribute('lang')).toBe('zh-CN');
    expect(resultRegion().textContent).toContain('Valid');
  });

  it('notes when the standard form differs from what was typed', async () => {
    standardMock();
    render(App);
    await openNumberCheck();
    await typeValue(VALID_ID.toLowerCase());
    expect(text('result-normalized')).toBe(VALID_ID);
    expect(text('result-normalized-note')).toContain(VALID_ID.toLowerCase());
  });

  it('lists errors in the current language and wires them to the input', async () => {
    standardMock();
    const { container } = render(App);
    await openNumberCheck();
    await typeValue(BAD_ID);

    const result = resultRegion();
    expect(result.dataset.valid).toBe('false');
    expect(result.textContent).toContain('号码有误');
    const items = within(byId('result-errors')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([checkCharacter.message.zh, birthDateInFuture.message.zh]);
    const input = byId('value-input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('result-errors');
    expect(document.getElementById('result-birth-date')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('keeps the typed value and re-renders messages when the language changes', async () => {
    const calls = standardMock();
    const { container } = render(App);
    await openNumberCheck();
    await typeValue(BAD_ID);
    const callsBefore = calls.length;

    await chooseLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(byId<HTMLInputElement>('value-input').value).toBe(BAD_ID);
    const items = within(byId('result-errors')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([checkCharacter.message.en, birthDateInFuture.message.en]);
    expect(resultRegion().textContent).toContain('Not valid');
    expect(byId('value-kind').querySelector('option:checked')?.textContent).toContain('ID number (ID card');
    expect(container.querySelector('h1')?.textContent).toBe('Check a number');
    // The report carries both languages: no new request is needed.
    expect(calls.length).toBe(callsBefore);
    await expectNoAxeViolations(container);

    await chooseLanguage('zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(byId('result-errors').textContent).toContain(checkCharacter.message.zh);

    // 繁體中文: Rust's findings in their 繁體, the UI's own words from its catalog.
    await chooseLanguage('zh-Hant');
    expect(document.documentElement.lang).toBe('zh-Hant');
    const hant = within(byId('result-errors')).getAllByRole('listitem').map((li) => li.textContent);
    expect(hant).toEqual([checkCharacter.message['zh-Hant'], birthDateInFuture.message['zh-Hant']]);
    expect(container.querySelector('h1')?.textContent).toBe(MESSAGES['zh-Hant'].numberCheck.heading);
    expect(byId<HTMLInputElement>('value-input').value).toBe(BAD_ID);
    expect(calls.length).toBe(callsBefore);
    await expectNoAxeViolations(container);
  });

  it('shows warnings, even on a valid number, marked by more than colour', async () => {
    standardMock();
    const { container } = render(App);
    await openNumberCheck();
    await typeValue(OLD_ID);
    const result = resultRegion();
    expect(result.dataset.valid).toBe('true');
    expect(text('result-normalized')).toBe('110105194912310021');
    expect(byId('result-normalized-note')).toBeTruthy();
    const warnings = byId('result-warnings');
    expect(within(warnings).getAllByRole('listitem').map((li) => li.textContent)).toEqual([upgradedFrom15.message.zh]);
    expect(warnings.parentElement?.textContent).toContain('请注意');
    expect(warnings.parentElement?.querySelector('svg')).toBeTruthy();
    await expectNoAxeViolations(container);

    await chooseLanguage('en');
    expect(byId('result-warnings').textContent).toBe(upgradedFrom15.message.en);
    expect(byId('result-warnings').parentElement?.textContent).toContain('Please note');
  });

  it('ignores a late response to an older request', async () => {
    const slow = deferred<ValidationReport>();
    mockValidate(({ value }) => (value === '1101' ? slow.promise : value === VALID_ID ? validId : lengthError(value)));
    render(App);
    await openNumberCheck();
    const input = byId<HTMLInputElement>('value-input');
    input.value = '1101';
    await fireEvent.input(input);
    await typeValue(VALID_ID);
    expect(resultRegion().dataset.valid).toBe('true');

    slow.resolve(lengthError('1101'));
    await slow.promise;
    await new Promise((r) => setTimeout(r, 20));
    expect(resultRegion().dataset.valid).toBe('true');
    expect(resultRegion().dataset.checkedValue).toBe(VALID_ID);
    expect(text('result-birth-date')).toBe('1949年12月31日');
  });

  it('re-checks when the kind changes, with an input mode to suit', async () => {
    const calls = standardMock();
    render(App);
    await openNumberCheck();
    await typeValue('H12345678');
    expect(resultRegion().dataset.valid).toBe('false');

    expect(resultRegion().dataset.checkedKind).toBe('id-number');
    await chooseKind('hk-macau-travel-permit');
    await waitFor(() => expect(resultRegion().dataset.checkedKind).toBe('hk-macau-travel-permit'));
    expect(resultRegion().dataset.valid).toBe('true');
    expect(calls.at(-1)?.args).toEqual({ kind: 'hk-macau-travel-permit', value: 'H12345678', beijingAddress: false });
    expect(text('result-kind')).toBe('港澳居民来往内地通行证');
    expect(text('result-region')).toBe('香港');
    expect(document.getElementById('result-birth-date')).toBeNull();
    expect(document.getElementById('result-age')).toBeNull();

    await chooseKind('mobile');
    expect(byId('value-input').getAttribute('inputmode')).toBe('tel');
  });

  it('offers the Beijing box for postal codes and sends it', async () => {
    const calls = standardMock();
    render(App);
    await openNumberCheck();
    expect(document.getElementById('beijing-address')).toBeNull();
    await chooseKind('postal-code');
    const box = byId<HTMLInputElement>('beijing-address');
    expect(byId('value-input').getAttribute('inputmode')).toBe('numeric');
    await typeValue('200001');
    expect(calls.at(-1)?.args).toEqual({ kind: 'postal-code', value: '200001', beijingAddress: false });

    await fireEvent.click(box);
    await waitFor(() => expect(calls.at(-1)?.args.beijingAddress).toBe(true));
    expect(calls.at(-1)?.args).toEqual({ kind: 'postal-code', value: '200001', beijingAddress: true });
    await waitFor(() => expect(document.getElementById('result-warnings')).toBeTruthy());
  });

  it('shows a friendly error when the core rejects', async () => {
    mockValidate(() =>
      Promise.reject({ code: 'internal', message: localized('校验时出错', 'validation failed') }),
    );
    const { container } = render(App);
    await openNumberCheck();
    await typeValue(VALID_ID);
    const result = resultRegion();
    expect(result.hasAttribute('data-valid')).toBe(false);
    expect(result.dataset.state).toBe('failed');
    expect(result.textContent).toContain('暂时无法检查');
    expect(result.textContent).toContain('internal');
    await expectNoAxeViolations(container);

    await chooseLanguage('en');
    expect(resultRegion().textContent).toContain('could not be checked');
  });

  it('returns to the neutral hint when the input is cleared', async () => {
    standardMock();
    render(App);
    await openNumberCheck();
    await typeValue(BAD_ID);
    await typeValue('');
    const result = resultRegion();
    expect(result.hasAttribute('data-valid')).toBe(false);
    expect(result.textContent).toContain('请在上方输入号码');
    expect(byId('value-input').hasAttribute('aria-invalid')).toBe(false);
    expect(byId('value-input').getAttribute('aria-describedby')).toBe('value-hint');
  });
});

describe('display settings', () => {
  it('starts with the defaults and applies the saved settings when they arrive', async () => {
    const backend = mockBackend({ store: 'locked', settings: { lang: 'en', elderly: true, operator: '王芳' } });
    render(App);
    // Nothing waits on the settings file: the window is there at once, in the defaults.
    expect(document.documentElement.lang).toBe('zh-CN');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    expect(byId('elderly-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(byId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(byId('lang-zh').getAttribute('aria-pressed')).toBe('false');
    expect(document.title).toBe('Banka 办卡 · Enter your passphrase to unlock');
    expect(backend.argsOf('settings_set')).toEqual([]);
  });

  it('saves every change through settings_set, keeping the operator', async () => {
    const backend = mockBackend({ store: 'locked', settings: { lang: 'zh', elderly: false, operator: '王芳' } });
    const { container } = render(App);
    await waitFor(() => expect(backend.argsOf('settings_get')).toHaveLength(1));
    const toggle = byId('elderly-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.textContent).toContain('长者模式');

    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    await waitFor(() =>
      expect(backend.argsOf('settings_set').at(-1)).toEqual({ settings: { lang: 'zh', elderly: true, operator: '王芳' } }),
    );
    await expectNoAxeViolations(container);

    await chooseLanguage('en');
    expect(byId('elderly-toggle').textContent).toContain('Large text');
    await waitFor(() =>
      expect(backend.argsOf('settings_set').at(-1)).toEqual({ settings: { lang: 'en', elderly: true, operator: '王芳' } }),
    );
    expect(backend.settings).toEqual({ lang: 'en', elderly: true, operator: '王芳' });
    expect(backend.argsOf('settings_set')).toHaveLength(2);
  });

  it('keeps a change made before the saved settings arrived', async () => {
    const backend = mockBackend({ store: 'locked', settings: { lang: 'en', elderly: false, operator: '王芳' } });
    let release!: () => void;
    backend.hold.settings_get = new Promise<void>((r) => (release = r));
    render(App);
    await fireEvent.click(byId('elderly-toggle'));
    release();
    await waitFor(() =>
      expect(backend.argsOf('settings_set')).toEqual([{ settings: { lang: 'en', elderly: true, operator: '王芳' } }]),
    );
    // The saved language still arrived; the elderly mode just chosen was not undone.
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
  });

  it('keeps the defaults when the settings cannot be read', async () => {
    const backend = mockBackend({ store: 'locked' });
    backend.fail.settings_get = { code: 'settings', message: localized('无法读取设置', 'The settings cannot be read') };
    render(App);
    await waitFor(() => expect(backend.argsOf('store_status')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(byId('elderly-toggle').getAttribute('aria-pressed')).toBe('false');
  });

  it('says so when a setting could not be saved, in the current language', async () => {
    const backend = mockBackend({ store: 'locked' });
    backend.fail.settings_set = { code: 'settings', message: localized('设置未能保存：磁盘已满', 'The settings could not be saved: disk full') };
    const { container } = render(App);
    await fireEvent.click(byId('elderly-toggle'));
    const alert = await waitFor(() => byId('settings-error'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('磁盘已满');
    // The change still holds for this session.
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    await expectNoAxeViolations(container);

    await chooseLanguage('en');
    await waitFor(() => expect(byId('settings-error').textContent).toContain('disk full'));
    delete backend.fail.settings_set;
    await fireEvent.click(byId('elderly-toggle'));
    await waitFor(() => expect(document.getElementById('settings-error')).toBeNull());
  });

  it('passes axe in English on a valid result', async () => {
    standardMock();
    const { container } = render(App);
    await openNumberCheck();
    await chooseLanguage('en');
    await typeValue(VALID_ID);
    await expectNoAxeViolations(container);
  });
});

describe('navigation', () => {
  it('opens on the applications, with the number check one link away', async () => {
    mockBackend({ store: 'locked' });
    const { container } = render(App);
    const nav = container.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('主要页面');
    expect(byId('nav-cases').getAttribute('aria-current')).toBe('page');
    expect(byId('nav-check').hasAttribute('aria-current')).toBe(false);
    expect(byId('nav-check').textContent).toBe('号码核验');
    expect(byId('nav-settings').textContent).toBe('设置');
    expect(byId('nav-settings').hasAttribute('aria-current')).toBe(false);
    await waitFor(() => byId('unlock-passphrase'));

    await openNumberCheck();
    expect(byId('nav-check').getAttribute('aria-current')).toBe('page');
    expect(byId('nav-cases').hasAttribute('aria-current')).toBe(false);
    expect(document.activeElement).toBe(container.querySelector('h1'));
    expect(document.title).toBe('办卡 Banka · 号码核验');
    expect(document.getElementById('unlock-passphrase')).toBeNull();

    await fireEvent.click(byId('nav-cases'));
    await waitFor(() => byId('unlock-passphrase'));
    expect(byId('nav-cases').getAttribute('aria-current')).toBe('page');
  });

  it('keeps what was typed in the number check across language and elderly switches', async () => {
    standardMock();
    render(App);
    await openNumberCheck();
    await typeValue(BAD_ID);
    await chooseLanguage('en');
    await fireEvent.click(byId('elderly-toggle'));
    expect(byId<HTMLInputElement>('value-input').value).toBe(BAD_ID);
    expect(byId('nav-check').textContent).toBe('Check a number');
  });
});
