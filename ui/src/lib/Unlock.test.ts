// The unlock screen, through the whole app: what a person sees before the case store is open.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { CASES, DATABASE_ERROR, LOCKED, WEAK_PASSPHRASE } from '../test/fixtures';
import { PASSPHRASE, byId, expectNoAxeViolations, mockBackend, typeInto, waitForCases } from '../test/helpers';
import { localized } from '../test/localized';

async function submit(): Promise<void> {
  await fireEvent.click(byId('unlock-submit'));
}

/** Waits for the error summary and checks it has focus and one entry per `texts`. */
async function expectSummary(texts: string[]): Promise<HTMLElement> {
  const summary = await waitFor(() => byId('error-summary'));
  expect(summary.getAttribute('role')).toBe('alert');
  await waitFor(() => expect(document.activeElement).toBe(summary));
  expect([...summary.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual(texts);
  return summary;
}

function inlineError(field: string): string | undefined {
  const input = byId(field);
  expect(input.getAttribute('aria-invalid')).toBe('true');
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  expect(ids).toContain(`${field}-error`);
  return byId(`${field}-error`).textContent?.trim();
}

describe('unlock: first start (no store yet)', () => {
  it('explains the passphrase and states the minimum up front', async () => {
    const backend = mockBackend({ store: 'new' });
    const { container } = render(App);
    await waitFor(() => byId('unlock-confirm'));
    expect(container.querySelector('h1')?.textContent).toBe('设置数据口令');
    expect(container.textContent).toContain('无法找回');
    expect(container.textContent).toContain('所有经办人都使用同一个口令');
    expect(byId('unlock-passphrase-hint').textContent).toContain('至少8个字符');
    const passphrase = byId<HTMLInputElement>('unlock-passphrase');
    expect(passphrase.type).toBe('password');
    expect(passphrase.getAttribute('autocomplete')).toBe('new-password');
    expect(passphrase.getAttribute('aria-describedby')).toBe('unlock-passphrase-hint');
    expect(byId('unlock-confirm').getAttribute('autocomplete')).toBe('new-password');
    expect(byId('unlock-submit').textContent?.trim()).toBe('设置口令并继续');
    // Nothing of the cases is asked for, let alone shown.
    expect(backend.argsOf('case_list')).toEqual([]);
    expect(document.getElementById('case-table')).toBeNull();
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(container.querySelector('h1')?.textContent).toBe('Set a passphrase for your data');
    expect(byId('unlock-passphrase-hint').textContent).toContain('At least 8 characters');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  it('catches two different passphrases without asking Rust', async () => {
    const backend = mockBackend({ store: 'new' });
    const { container } = render(App);
    await waitFor(() => byId('unlock-confirm'));
    await typeInto('unlock-passphrase', 'correct horse');
    await typeInto('unlock-confirm', 'correct hose');
    await submit();

    const summary = await expectSummary(['两次输入的口令不一样，请重新输入']);
    const link = summary.querySelector('a');
    expect(link?.getAttribute('href')).toBe('#unlock-confirm');
    expect(inlineError('unlock-confirm')).toBe('错误：两次输入的口令不一样，请重新输入');
    expect(byId('unlock-passphrase').hasAttribute('aria-invalid')).toBe(false);
    expect(backend.argsOf('store_unlock')).toEqual([]);
    await expectNoAxeViolations(container);

    // The summary's link takes focus to the field.
    await fireEvent.click(link!);
    expect(document.activeElement).toBe(byId('unlock-confirm'));

    // Switching language keeps what was typed and puts the errors into English.
    await fireEvent.click(byId('lang-en'));
    expect(byId<HTMLInputElement>('unlock-passphrase').value).toBe('correct horse');
    expect(byId<HTMLInputElement>('unlock-confirm').value).toBe('correct hose');
    expect(byId('error-summary').textContent).toContain('There is a problem');
    expect(inlineError('unlock-confirm')).toBe('Error: The two passphrases are different. Type them again');
    await expectNoAxeViolations(container);
  });

  it('leaves the length to Rust and shows its answer on the field; an empty one is caught here', async () => {
    const backend = mockBackend({ store: 'new' });
    render(App);
    await waitFor(() => byId('unlock-confirm'));
    await typeInto('unlock-passphrase', 'short');
    await typeInto('unlock-confirm', 'short');
    await submit();
    await expectSummary([WEAK_PASSPHRASE.message.zh]);
    expect(backend.argsOf('store_unlock')).toEqual([{ passphrase: 'short' }]);
    expect(byId('error-summary').querySelector('a')?.getAttribute('href')).toBe('#unlock-passphrase');
    expect(inlineError('unlock-passphrase')).toContain('口令太短');
    // The hint stays described too.
    expect(byId('unlock-passphrase').getAttribute('aria-describedby')).toBe('unlock-passphrase-hint unlock-passphrase-error');

    await typeInto('unlock-passphrase', '');
    await typeInto('unlock-confirm', '');
    await submit();
    await expectSummary(['请输入口令']);
    expect(backend.argsOf('store_unlock')).toHaveLength(1);
  });

  it('creates the store with the passphrase and shows the case list', async () => {
    const backend = mockBackend({ store: 'new', cases: [] });
    let release!: () => void;
    backend.hold.store_unlock = new Promise<void>((r) => (release = r));
    const { container } = render(App);
    await waitFor(() => byId('unlock-confirm'));
    await typeInto('unlock-passphrase', PASSPHRASE);
    await typeInto('unlock-confirm', PASSPHRASE);
    await submit();

    // Busy while the key is derived.
    const button = byId<HTMLButtonElement>('unlock-submit');
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.textContent?.trim()).toBe('正在解锁…');
    expect(container.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
    await expectNoAxeViolations(container);

    release();
    await waitForCases();
    expect(backend.argsOf('store_unlock')).toEqual([{ passphrase: PASSPHRASE }]);
    expect(container.querySelector('h1')?.textContent).toBe('申领案件');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    expect(byId('case-empty').textContent).toContain('还没有申领案件');
    expect(document.getElementById('unlock-passphrase')).toBeNull();
  });

  it('shows what Rust says when it refuses the passphrase', async () => {
    const backend = mockBackend({ store: 'new' });
    // Rust's rule is the one that counts: if it disagreed with the UI's, its message is shown.
    backend.fail.store_unlock = {
      code: 'weak_passphrase',
      message: localized('口令太短：请至少使用 8 个字符。', 'The passphrase is too short: use at least 8 characters.'),
    };
    render(App);
    await waitFor(() => byId('unlock-confirm'));
    await typeInto('unlock-passphrase', PASSPHRASE);
    await typeInto('unlock-confirm', PASSPHRASE);
    await submit();
    await expectSummary(['口令太短：请至少使用 8 个字符。']);
    expect(inlineError('unlock-passphrase')).toContain('口令太短');
    expect(byId<HTMLButtonElement>('unlock-submit').disabled).toBe(false);
  });

  it('shows and hides the passphrase on request', async () => {
    mockBackend({ store: 'new' });
    render(App);
    await waitFor(() => byId('unlock-confirm'));
    const toggle = byId('unlock-show');
    expect(toggle.textContent?.trim()).toBe('显示口令');
    await fireEvent.click(toggle);
    expect(byId<HTMLInputElement>('unlock-passphrase').type).toBe('text');
    expect(byId<HTMLInputElement>('unlock-confirm').type).toBe('text');
    expect(toggle.textContent?.trim()).toBe('隐藏口令');
    expect(toggle.parentElement?.querySelector('[aria-live]')?.textContent?.trim()).toBe('口令已显示');
    await fireEvent.click(toggle);
    expect(byId<HTMLInputElement>('unlock-passphrase').type).toBe('password');
  });
});

describe('unlock: store locked', () => {
  it('asks for the passphrase with one field', async () => {
    mockBackend({ store: 'locked' });
    const { container } = render(App);
    await waitFor(() => byId('unlock-passphrase'));
    expect(container.querySelector('h1')?.textContent).toBe('输入口令解锁');
    expect(document.getElementById('unlock-confirm')).toBeNull();
    expect(byId('unlock-passphrase').getAttribute('autocomplete')).toBe('current-password');
    expect(byId('unlock-submit').textContent?.trim()).toBe('解锁');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(container.querySelector('h1')?.textContent).toBe('Enter your passphrase to unlock');
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  it('shows Rust’s message for a wrong passphrase, in either language, and clears the field', async () => {
    const backend = mockBackend({ store: 'locked' });
    const { container } = render(App);
    await waitFor(() => byId('unlock-passphrase'));
    await typeInto('unlock-passphrase', 'wrong passphrase');
    await submit();

    const summary = await expectSummary(['口令不正确，请重新输入（注意大小写）。']);
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#unlock-passphrase');
    expect(inlineError('unlock-passphrase')).toBe('错误：口令不正确，请重新输入（注意大小写）。');
    expect(byId<HTMLInputElement>('unlock-passphrase').value).toBe('');
    expect(backend.argsOf('store_unlock')).toEqual([{ passphrase: 'wrong passphrase' }]);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(byId('error-summary').textContent).toContain('The passphrase is wrong. Type it again (it is case-sensitive).');
    expect(inlineError('unlock-passphrase')).toBe('Error: The passphrase is wrong. Type it again (it is case-sensitive).');
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);

    // The right one opens the list.
    await typeInto('unlock-passphrase', PASSPHRASE);
    await submit();
    await waitForCases();
    expect(container.querySelector('h1')?.textContent).toBe('Applications');
  });

  it('asks for the passphrase rather than sending an empty one', async () => {
    const backend = mockBackend({ store: 'locked' });
    render(App);
    await waitFor(() => byId('unlock-passphrase'));
    await submit();
    await expectSummary(['请输入口令']);
    expect(backend.argsOf('store_unlock')).toEqual([]);
  });

  it('lists an error no field can fix without a link', async () => {
    const backend = mockBackend({ store: 'locked' });
    backend.fail.store_unlock = DATABASE_ERROR;
    const { container } = render(App);
    await waitFor(() => byId('unlock-passphrase'));
    await typeInto('unlock-passphrase', PASSPHRASE);
    await submit();
    const summary = await expectSummary([DATABASE_ERROR.message.zh]);
    expect(summary.querySelector('a')).toBeNull();
    expect(byId('unlock-passphrase').hasAttribute('aria-invalid')).toBe(false);
    // Not a wrong passphrase: what was typed stays.
    expect(byId<HTMLInputElement>('unlock-passphrase').value).toBe(PASSPHRASE);
    await expectNoAxeViolations(container);
  });

  it('goes back to the unlock screen if the store turns out locked', async () => {
    // Reported open, then refused by case_list (as after the store was closed behind the window's back).
    const backend = mockBackend({ store: 'unlocked', cases: CASES });
    backend.fail.case_list = LOCKED;
    const { container } = render(App);
    await waitFor(() => byId('unlock-passphrase'));
    expect(backend.argsOf('case_list')).toHaveLength(1);
    expect(container.querySelector('h1')?.textContent).toBe('输入口令解锁');
    expect(document.getElementById('case-error')).toBeNull();
  });
});
