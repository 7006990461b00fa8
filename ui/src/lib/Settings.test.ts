// The settings screen, through the whole app: the agency endpoint and token, training mode, the
// outbox, display settings, the operator's name, the data folder and changing the passphrase.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import type { SenderState } from '../bindings/SenderState';
import { MESSAGES, type Messages } from './i18n';
import {
  AGENCY_ENDPOINT,
  AGENCY_SET,
  DATABASE_ERROR,
  HTTP_ENDPOINT,
  LOCKED,
  OUTBOX_IDLE,
  TRAINING_URL,
  WEAK_PASSPHRASE,
  WRONG_PASSPHRASE,
} from '../test/fixtures';
import {
  PASSPHRASE,
  byId,
  expectNoAxeViolations,
  mockBackend,
  typeInto,
  waitForCases,
  type BackendOptions,
} from '../test/helpers';
import { localized } from '../test/localized';

const DATA_DIR = '/home/test/.local/share/banka';

/** Opens the app with the store unlocked and goes to the settings through the navigation. */
async function openSettings(options: BackendOptions = {}) {
  const backend = mockBackend({ agency: AGENCY_SET, ...options });
  const view = render(App);
  await waitForCases();
  await fireEvent.click(byId('nav-settings'));
  await waitFor(() => byId('agency-endpoint'));
  await waitFor(() => byId('outbox-sender'));
  return { backend, ...view };
}

const text = (id: string) => byId(id).textContent?.trim();
const input = (id: string) => byId<HTMLInputElement>(id);

async function saveAgency(): Promise<void> {
  await fireEvent.submit(byId('agency-form'));
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
  const el = byId(field);
  expect(el.getAttribute('aria-invalid')).toBe('true');
  expect(el.getAttribute('aria-describedby')?.split(' ')).toContain(`${field}-error`);
  return byId(`${field}-error`).textContent?.trim();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('settings', () => {
  it('is the third entry of the navigation and shows what is saved', async () => {
    const { backend, container } = await openSettings({
      settings: { lang: 'zh', elderly: false, operator: '王芳' },
      outbox: { ...OUTBOX_IDLE, queued: 2, sender: 'running' },
    });
    expect([...container.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['申领案件', '号码核验', '设置']);
    expect(byId('nav-settings').getAttribute('aria-current')).toBe('page');
    expect(container.querySelector('h1')?.textContent).toBe('设置');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    expect(document.title).toBe('办卡 Banka · 设置');
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['机构接口', '发送队列', '显示', '本机', '更改口令']);

    expect(backend.argsOf('agency_settings_get')).toEqual([{}]);
    expect(input('agency-endpoint').value).toBe(AGENCY_ENDPOINT);
    expect(document.querySelector('label[for="agency-endpoint"]')?.textContent).toBe('接口地址');
    // The token never comes back: the field is empty and says one is saved.
    const token = input('agency-token');
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('已保存令牌，留空则保留');
    expect(text('agency-token-hint')).toContain('留空则继续使用它');
    expect(token.getAttribute('aria-describedby')).toBe('agency-token-hint');
    expect(input('agency-token-remove').checked).toBe(false);
    expect(input('agency-training').checked).toBe(false);
    expect(text('agency-training-hint')).toContain('在本机运行参考机构服务');
    expect(text('agency-training-hint')).toContain('短信验证码显示在屏幕上');
    expect(document.getElementById('agency-training-url')).toBeNull();
    expect(text('agency-message')).toBe('');
    expect(byId('agency-message').getAttribute('role')).toBe('status');

    expect(input('settings-lang-zh').checked).toBe(true);
    expect(input('settings-lang-en').checked).toBe(false);
    expect(document.querySelector('label[for="settings-lang-en"]')?.getAttribute('lang')).toBe('en');
    expect(input('settings-elderly').checked).toBe(false);
    expect(input('settings-operator').value).toBe('王芳');
    expect(input('settings-operator').getAttribute('autocomplete')).toBe('name');
    expect(text('settings-data-dir')).toBe(DATA_DIR);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(container.querySelector('h1')?.textContent).toBe('Settings');
    expect(document.title).toBe('Banka 办卡 · Settings');
    expect(byId('nav-settings').textContent).toBe('Settings');
    expect(input('agency-token').placeholder).toBe('Token saved – leave blank to keep it');
    expect(input('settings-lang-en').checked).toBe(true);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('elderly-toggle'));
    expect(input('settings-elderly').checked).toBe(true);
    await expectNoAxeViolations(container);
    // The language switch asked for nothing again.
    expect(backend.argsOf('agency_settings_get')).toHaveLength(1);
  });

  it('shows the unlock screen while the store is locked, and the settings once it is open', async () => {
    const backend = mockBackend({ store: 'locked', agency: AGENCY_SET });
    const { container } = render(App);
    await waitFor(() => byId('unlock-passphrase'));
    await fireEvent.click(byId('nav-settings'));
    expect(byId('nav-settings').getAttribute('aria-current')).toBe('page');
    expect(container.querySelector('h1')?.textContent).toBe('输入口令解锁');
    expect(document.getElementById('agency-endpoint')).toBeNull();
    expect(backend.argsOf('agency_settings_get')).toEqual([]);
    expect(backend.argsOf('outbox_state')).toEqual([]);

    await typeInto('unlock-passphrase', PASSPHRASE);
    await fireEvent.click(byId('unlock-submit'));
    await waitFor(() => expect(input('agency-endpoint').value).toBe(AGENCY_ENDPOINT));
    expect(container.querySelector('h1')?.textContent).toBe('设置');
    expect(document.activeElement).toBe(container.querySelector('h1'));
  });

  it('goes to the unlock screen when the store turns out locked', async () => {
    const backend = mockBackend({ agency: AGENCY_SET });
    backend.fail.agency_settings_get = LOCKED;
    backend.fail.outbox_state = LOCKED;
    const { container } = render(App);
    await waitFor(() => byId('nav-settings'));
    await fireEvent.click(byId('nav-settings'));
    await waitFor(() => byId('unlock-passphrase'));
    expect(container.querySelector('h1')?.textContent).toBe('输入口令解锁');
    expect(document.getElementById('agency-error')).toBeNull();
  });

  it('says so when the agency settings cannot be read, and tries again on request', async () => {
    const backend = mockBackend({ agency: AGENCY_SET });
    backend.fail.agency_settings_get = DATABASE_ERROR;
    const { container } = render(App);
    await waitFor(() => byId('nav-settings'));
    await fireEvent.click(byId('nav-settings'));
    const error = await waitFor(() => byId('agency-error'));
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('机构接口设置未能读取');
    expect(error.textContent).toContain(DATABASE_ERROR.message.zh);
    await expectNoAxeViolations(container);

    delete backend.fail.agency_settings_get;
    await fireEvent.click(error.querySelector('button')!);
    await waitFor(() => expect(input('agency-endpoint').value).toBe(AGENCY_ENDPOINT));
    expect(document.getElementById('agency-error')).toBeNull();
  });
});

describe('settings: agency endpoint', () => {
  it('keeps the saved token when the field is left blank', async () => {
    const { backend } = await openSettings();
    await typeInto('agency-endpoint', '  https://new.example.gov.cn/api ');
    await saveAgency();
    await waitFor(() => expect(text('agency-message')).toBe('机构接口设置已保存。'));
    expect(backend.argsOf('agency_settings_set')).toEqual([
      { change: { endpoint: 'https://new.example.gov.cn/api', token: null, training: false } },
    ]);
    expect(backend.token).toBe('saved-token');
    expect(input('agency-endpoint').value).toBe('https://new.example.gov.cn/api');
    expect(input('agency-token').placeholder).toBe('已保存令牌，留空则保留');
    // The sender's state is asked again at once.
    await waitFor(() => expect(backend.argsOf('outbox_state').length).toBeGreaterThanOrEqual(2));
  });

  it('sends a new token, and none for an empty endpoint', async () => {
    const { backend, container } = await openSettings({ agency: undefined });
    expect(input('agency-endpoint').value).toBe('');
    expect(input('agency-token').placeholder).toBe('');
    expect(text('agency-token-hint')).toContain('保存后不会再显示出来');
    expect(document.getElementById('agency-token-remove')).toBeNull();

    await typeInto('agency-token', ' s3cret ');
    await saveAgency();
    await waitFor(() => expect(text('agency-message')).toBe('机构接口设置已保存。'));
    expect(backend.argsOf('agency_settings_set')).toEqual([{ change: { endpoint: null, token: 's3cret', training: false } }]);
    // Saved: the field empties and now says a token is kept.
    expect(input('agency-token').value).toBe('');
    expect(input('agency-token').placeholder).toBe('已保存令牌，留空则保留');
    expect(byId('agency-token-remove')).toBeTruthy();
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(text('agency-message')).toBe('The agency settings have been saved.');
  });

  it('removes the saved token on request', async () => {
    const { backend } = await openSettings();
    await typeInto('agency-token', 'half typed');
    await fireEvent.click(byId('agency-token-remove'));
    expect(input('agency-token-remove').checked).toBe(true);
    expect(input('agency-token').disabled).toBe(true);
    expect(input('agency-token').value).toBe('');
    await saveAgency();
    await waitFor(() => expect(text('agency-message')).toBe('机构接口设置已保存。'));
    expect(backend.argsOf('agency_settings_set')).toEqual([{ change: { endpoint: AGENCY_ENDPOINT, token: '', training: false } }]);
    expect(backend.token).toBeNull();
    expect(document.getElementById('agency-token-remove')).toBeNull();
    expect(input('agency-token').disabled).toBe(false);
  });

  it('turns training mode on and shows where the practice agency runs', async () => {
    const { backend, container } = await openSettings();
    await fireEvent.click(byId('agency-training'));
    expect(input('agency-training').checked).toBe(true);
    // Not saved yet: nothing runs.
    expect(document.getElementById('agency-training-url')).toBeNull();
    await saveAgency();
    await waitFor(() => byId('agency-training-url'));
    expect(backend.argsOf('agency_settings_set')).toEqual([{ change: { endpoint: AGENCY_ENDPOINT, token: null, training: true } }]);
    expect(text('agency-training-url')).toBe(`培训服务正在本机运行，地址：${TRAINING_URL}`);
    expect(text('agency-message')).toBe('机构接口设置已保存。');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(text('agency-training-url')).toBe(`The practice agency is running on this computer at ${TRAINING_URL}`);
  });

  it('says when training mode is on but the practice agency is not running', async () => {
    await openSettings({ agency: { ...AGENCY_SET, training: true, training_url: null } });
    expect(input('agency-training').checked).toBe(true);
    expect(text('agency-training-url')).toBe('培训模式已开启，但培训服务没有在运行。');
  });

  it('shows a refused endpoint in the summary and at the field, with focus on the summary', async () => {
    const { backend, container } = await openSettings();
    await typeInto('agency-endpoint', 'http://agency.example.gov.cn/api');
    await saveAgency();

    const summary = await expectSummary([HTTP_ENDPOINT.message.zh]);
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#agency-endpoint');
    expect(inlineError('agency-endpoint')).toBe(`错误：${HTTP_ENDPOINT.message.zh}`);
    expect(byId('agency-endpoint').getAttribute('aria-describedby')).toBe('agency-endpoint-hint agency-endpoint-error');
    expect(byId('agency-token').hasAttribute('aria-invalid')).toBe(false);
    expect(text('agency-message')).toBe('');
    expect(byId<HTMLButtonElement>('agency-save').disabled).toBe(false);
    // Nothing was changed.
    expect(backend.agency).toEqual(AGENCY_SET);
    // What was typed stays, to be corrected.
    expect(input('agency-endpoint').value).toBe('http://agency.example.gov.cn/api');
    await expectNoAxeViolations(container);

    await fireEvent.click(summary.querySelector('a')!);
    expect(document.activeElement).toBe(byId('agency-endpoint'));

    await fireEvent.click(byId('lang-en'));
    expect(byId('error-summary').textContent).toContain('There is a problem');
    expect(inlineError('agency-endpoint')).toBe(`Error: ${HTTP_ENDPOINT.message.en}`);
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);

    // Corrected, it saves and the errors go.
    await typeInto('agency-endpoint', 'http://127.0.0.1:8080/api');
    await saveAgency();
    await waitFor(() => expect(text('agency-message')).toBe('The agency settings have been saved.'));
    expect(document.getElementById('error-summary')).toBeNull();
    expect(byId('agency-endpoint').hasAttribute('aria-invalid')).toBe(false);
  });

  it('puts a refused token at the token field', async () => {
    await openSettings();
    await typeInto('agency-token', 'two words');
    await saveAgency();
    const summary = await expectSummary(['令牌中不能有空格。']);
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#agency-token');
    expect(inlineError('agency-token')).toBe('错误：令牌中不能有空格。');
    expect(byId('agency-token').getAttribute('aria-describedby')).toBe('agency-token-hint agency-token-error');
  });

  it('lists an error no field can fix without a link', async () => {
    const { backend } = await openSettings();
    backend.fail.agency_settings_set = DATABASE_ERROR;
    await saveAgency();
    const summary = await expectSummary([DATABASE_ERROR.message.zh]);
    expect(summary.querySelector('a')).toBeNull();
    expect(byId('agency-endpoint').hasAttribute('aria-invalid')).toBe(false);
  });

  it('is busy while saving', async () => {
    const { backend, container } = await openSettings();
    let release!: () => void;
    backend.hold.agency_settings_set = new Promise<void>((r) => (release = r));
    await saveAgency();
    const button = byId<HTMLButtonElement>('agency-save');
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.textContent?.trim()).toBe('正在保存…');
    expect(byId('agency-form').getAttribute('aria-busy')).toBe('true');
    await expectNoAxeViolations(container);
    release();
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(button.textContent?.trim()).toBe('保存机构接口设置');
  });
});

describe('settings: outbox', () => {
  it('shows the counts', async () => {
    const { container } = await openSettings({ outbox: { ...OUTBOX_IDLE, queued: 3, sending: 1, failed: 2, sender: 'running' } });
    const counts = byId('outbox-counts');
    expect([...counts.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['排队待发送', '正在发送', '发送失败']);
    expect(text('outbox-queued')).toBe('3 件');
    expect(text('outbox-sending')).toBe('1 件');
    expect(text('outbox-failed')).toBe('2 件');
    expect(byId('outbox-failed').dataset.count).toBe('2');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect([...counts.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Waiting to be sent',
      'Being sent',
      'Failed to send',
    ]);
    expect(text('outbox-queued')).toBe('3 applications');
    expect(text('outbox-sending')).toBe('1 application');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`sends the waiting cases now when asked (${lang})`, async () => {
      const { backend, container } = await openSettings({ outbox: { ...OUTBOX_IDLE, queued: 1, failed: 2, sender: 'running' } });
      if (lang === 'en') await fireEvent.click(byId('lang-en'));
      const button = byId('outbox-send-now');
      expect(button.textContent?.trim()).toBe(lang === 'zh' ? '立即发送' : 'Send now');
      await fireEvent.click(button);
      await waitFor(() => expect(text('outbox-send-now-done')).toBe(lang === 'zh' ? '已开始发送 3 个等待中的案件。' : 'Started sending 3 waiting cases.'));
      expect(backend.argsOf('outbox_send_now')).toEqual([{}]);
      expect(text('outbox-sending')).toBe(lang === 'zh' ? '3 件' : '3 applications');
      // Nothing waits now: no button.
      expect(document.getElementById('outbox-send-now')).toBeNull();
      await expectNoAxeViolations(container);
    });
  }

  it('offers no "send now" with nothing waiting', async () => {
    await openSettings({ outbox: { ...OUTBOX_IDLE, sending: 1, sender: 'running' } });
    expect(document.getElementById('outbox-send-now')).toBeNull();
  });

  it('offers no "send now" while the sender cannot send', async () => {
    await openSettings({ outbox: { ...OUTBOX_IDLE, queued: 2, sender: 'not_configured' } });
    expect(document.getElementById('outbox-send-now')).toBeNull();
  });

  const SENDER_TEXTS: Record<SenderState, [string, string]> = {
    running: ['正在运行', 'running'],
    stopped: ['已停止', 'stopped'],
    not_configured: ['请在上方填写机构接口地址，或者开启培训模式', 'Set an endpoint address above, or turn on training mode'],
    unauthorized: ['机构拒绝了访问令牌', 'the agency refused the access token'],
  };

  for (const [sender, [zh, en]] of Object.entries(SENDER_TEXTS) as [SenderState, [string, string]][]) {
    it(`says in plain words that the sender is ${sender}`, async () => {
      const { container } = await openSettings({ outbox: { ...OUTBOX_IDLE, sender } });
      const box = byId('outbox-sender');
      expect(box.dataset.sender).toBe(sender);
      expect(box.textContent).toContain('发送程序：');
      expect(box.textContent).toContain(zh);
      expect(box.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
      expect(document.getElementById('outbox-problem')).toBeNull();
      await expectNoAxeViolations(container);
      await fireEvent.click(byId('lang-en'));
      expect(byId('outbox-sender').textContent).toContain(en);
    });
  }

  it('gives the sender’s problem in the current language', async () => {
    const { container } = await openSettings({
      outbox: {
        ...OUTBOX_IDLE,
        queued: 4,
        sender: 'unauthorized',
        problem: localized('机构返回 401：令牌已过期。', 'The agency answered 401: the token has expired.'),
      },
    });
    expect(text('outbox-problem')).toBe('机构返回 401：令牌已过期。');
    await fireEvent.click(byId('lang-en'));
    expect(text('outbox-problem')).toBe('The agency answered 401: the token has expired.');
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  it('reads the outbox again when the sender has news, never on a timer, and stops listening when left', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { backend } = await openSettings({ outbox: { ...OUTBOX_IDLE, queued: 5, sender: 'running' } });
    expect(backend.argsOf('outbox_state')).toHaveLength(1);
    expect(text('outbox-queued')).toBe('5 件');
    expect(backend.argsOf('events_watch')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);

    backend.outbox = { ...backend.outbox, queued: 4, sending: 1 };
    backend.push({ kind: 'case_changed', id: 'c1' });
    await waitFor(() => expect(text('outbox-queued')).toBe('4 件'));
    expect(text('outbox-sending')).toBe('1 件');
    expect(backend.argsOf('outbox_state')).toHaveLength(2);

    backend.outbox = { ...backend.outbox, sender: 'stopped', problem: localized('网络不通。', 'The network is down.') };
    backend.push({ kind: 'sender_changed' });
    await waitFor(() => expect(byId('outbox-sender').dataset.sender).toBe('stopped'));
    expect(text('outbox-problem')).toBe('网络不通。');

    await fireEvent.click(byId('nav-cases'));
    await waitFor(() => expect(document.getElementById('outbox-sender')).toBeNull());
    const asked = backend.argsOf('outbox_state').length;
    backend.push({ kind: 'missed' });
    await tick();
    expect(backend.argsOf('outbox_state')).toHaveLength(asked);
  });

  it('says when the outbox cannot be read, and recovers with the next news', async () => {
    const backend = mockBackend({ agency: AGENCY_SET });
    backend.fail.outbox_state = DATABASE_ERROR;
    const { container } = render(App);
    await waitFor(() => byId('nav-settings'));
    await fireEvent.click(byId('nav-settings'));
    const error = await waitFor(() => byId('outbox-error'));
    expect(error.textContent).toContain('发送队列的情况暂时无法读取');
    expect(error.textContent).toContain(DATABASE_ERROR.message.zh);
    await waitFor(() => byId('agency-endpoint'));
    await expectNoAxeViolations(container);

    delete backend.fail.outbox_state;
    backend.push({ kind: 'sender_changed' });
    await waitFor(() => byId('outbox-sender'));
    expect(document.getElementById('outbox-error')).toBeNull();
  });

  it('goes to the unlock screen when the store is locked by the next news', async () => {
    const { backend, container } = await openSettings();
    backend.store = 'locked';
    backend.push({ kind: 'case_changed', id: 'c1' });
    await waitFor(() => byId('unlock-passphrase'));
    expect(container.querySelector('h1')?.textContent).toBe('输入口令解锁');
  });
});

describe('settings: display and this computer', () => {
  it('switches the language and elderly mode like the header does, and saves them', async () => {
    const { backend, container } = await openSettings({ settings: { lang: 'zh', elderly: false, operator: '王芳' } });
    await fireEvent.click(byId('settings-lang-en'));
    expect(document.documentElement.lang).toBe('en');
    expect(input('settings-lang-en').checked).toBe(true);
    expect(byId('lang-en').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() =>
      expect(backend.argsOf('settings_set').at(-1)).toEqual({ settings: { lang: 'en', elderly: false, operator: '王芳' } }),
    );

    await fireEvent.click(byId('settings-elderly'));
    expect(input('settings-elderly').checked).toBe(true);
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    expect(byId('elderly-toggle').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() =>
      expect(backend.argsOf('settings_set').at(-1)).toEqual({ settings: { lang: 'en', elderly: true, operator: '王芳' } }),
    );
    await expectNoAxeViolations(container);

    // 繁體中文: the whole screen, the header's switch and <html lang> (which picks Traditional glyphs).
    await fireEvent.click(byId('settings-lang-zh-Hant'));
    expect(document.documentElement.lang).toBe('zh-Hant');
    expect(container.querySelector('h1')?.textContent).toBe('設定');
    expect(document.title).toBe('辦卡 Banka · 設定');
    expect(byId('lang-zh-Hant').getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.brand')?.textContent).toContain('辦卡');
    await waitFor(() => expect(backend.settings).toEqual({ lang: 'zh-Hant', elderly: true, operator: '王芳' }));
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('settings-lang-zh'));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.querySelector('.brand')?.textContent).toContain('办卡');
    expect(backend.argsOf('settings_set')).toHaveLength(4);
    await waitFor(() => expect(backend.settings).toEqual({ lang: 'zh', elderly: true, operator: '王芳' }));
  });

  it('saves the operator’s name with the other settings', async () => {
    const { backend, container } = await openSettings({ settings: { lang: 'zh', elderly: true, operator: null } });
    expect(input('settings-operator').value).toBe('');
    await typeInto('settings-operator', '  李经办 ');
    await fireEvent.submit(byId('operator-form'));
    await waitFor(() => expect(text('operator-message')).toBe('经办人姓名已保存。'));
    expect(byId('operator-message').getAttribute('role')).toBe('status');
    expect(backend.argsOf('settings_set')).toEqual([{ settings: { lang: 'zh', elderly: true, operator: '  李经办 ' } }]);
    // Shown as Rust saved it (trimmed).
    expect(input('settings-operator').value).toBe('李经办');
    await expectNoAxeViolations(container);

    // Kept by later display changes.
    await fireEvent.click(byId('lang-en'));
    await waitFor(() =>
      expect(backend.argsOf('settings_set').at(-1)).toEqual({ settings: { lang: 'en', elderly: true, operator: '李经办' } }),
    );
    expect(text('operator-message')).toBe('The operator’s name has been saved.');

    // A blank name is none.
    await typeInto('settings-operator', '   ');
    await fireEvent.submit(byId('operator-form'));
    await waitFor(() =>
      expect(backend.argsOf('settings_set').at(-1)).toEqual({ settings: { lang: 'en', elderly: true, operator: null } }),
    );
  });

  it('shows why the name was not saved, and keeps what was typed', async () => {
    const { backend, container } = await openSettings({ settings: { lang: 'zh', elderly: false, operator: '王芳' } });
    backend.fail.settings_set = {
      code: 'settings',
      message: localized('设置未能保存：磁盘已满', 'The settings could not be saved: disk full'),
    };
    await typeInto('settings-operator', '李经办');
    await fireEvent.submit(byId('operator-form'));
    const summary = await expectSummary(['设置未能保存：磁盘已满']);
    expect(summary.querySelector('a')).toBeNull();
    expect(text('operator-message')).toBe('');
    expect(input('settings-operator').value).toBe('李经办');
    // Said once, here: not also above the page as for a display change.
    expect(document.getElementById('settings-error')).toBeNull();
    await expectNoAxeViolations(container);

    // A refusal about the name itself goes to the field.
    backend.fail.settings_set = { code: 'bad_value', message: localized('姓名太长', 'The name is too long'), field: 'operator' };
    await fireEvent.submit(byId('operator-form'));
    await waitFor(() => expect(byId('error-summary').textContent).toContain('姓名太长'));
    expect(inlineError('settings-operator')).toBe('错误：姓名太长');
    expect(byId('error-summary').querySelector('a')?.getAttribute('href')).toBe('#settings-operator');
    await expectNoAxeViolations(container);

    delete backend.fail.settings_set;
    await fireEvent.submit(byId('operator-form'));
    await waitFor(() => expect(text('operator-message')).toBe('经办人姓名已保存。'));
    expect(document.getElementById('error-summary')).toBeNull();
    expect(backend.settings.operator).toBe('李经办');
  });

  it('shows where the data is stored, read only', async () => {
    await openSettings();
    const dir = byId('settings-data-dir');
    expect(dir.textContent).toBe(DATA_DIR);
    expect(dir.tagName).toBe('CODE');
    expect(dir.closest('dd')?.previousElementSibling?.textContent).toBe('数据保存位置');
  });

  it('keeps what was typed across language and elderly switches', async () => {
    await openSettings();
    await typeInto('agency-endpoint', 'https://typed.example.gov.cn');
    await typeInto('agency-token', 'typed-token');
    await typeInto('settings-operator', '张经办');
    await fireEvent.click(byId('lang-en'));
    await fireEvent.click(byId('settings-elderly'));
    expect(input('agency-endpoint').value).toBe('https://typed.example.gov.cn');
    expect(input('agency-token').value).toBe('typed-token');
    expect(input('settings-operator').value).toBe('张经办');
  });
});

describe('settings: change the passphrase', () => {
  const NEW_PASSPHRASE = 'a new one to remember';
  const CURRENT = 'passphrase-current';
  const NEW = 'passphrase-new';
  const CONFIRM = 'passphrase-confirm';

  /** Fills in the three fields (left as they are when not given) and submits the form. */
  async function change(fields: { current?: string; next?: string; confirm?: string }): Promise<void> {
    if (fields.current !== undefined) await typeInto(CURRENT, fields.current);
    if (fields.next !== undefined) await typeInto(NEW, fields.next);
    if (fields.confirm !== undefined) await typeInto(CONFIRM, fields.confirm);
    await fireEvent.click(byId('passphrase-change'));
  }

  /** Opens the settings and waits for the store's minimum (the new passphrase's hint). */
  async function openPassphrase(options: BackendOptions = {}) {
    const opened = await openSettings(options);
    await waitFor(() => byId('passphrase-new-hint'));
    return opened;
  }

  it('explains itself and asks for the current passphrase and the new one twice', async () => {
    const { container } = await openPassphrase();
    const section = byId('passphrase-heading').closest('section')!;
    expect(section.getAttribute('aria-labelledby')).toBe('passphrase-heading');
    expect(text('passphrase-heading')).toBe('更改口令');
    expect(section.querySelector('.intro')?.textContent).toContain('所有资料仍然加密保存');
    expect(section.querySelector('.intro')?.textContent).toContain('忘记的口令无法找回');
    expect(section.querySelector('.intro')?.textContent).toContain('请把新口令写下来');

    const fields: [string, string, string][] = [
      [CURRENT, '现在的口令', 'current-password'],
      [NEW, '新口令', 'new-password'],
      [CONFIRM, '再输入一次新口令', 'new-password'],
    ];
    for (const [id, label, autocomplete] of fields) {
      expect(document.querySelector(`label[for="${id}"]`)?.textContent).toBe(label);
      expect(input(id).type).toBe('password');
      expect(input(id).getAttribute('autocomplete')).toBe(autocomplete);
      expect(input(id).value).toBe('');
      expect(input(id).hasAttribute('aria-invalid')).toBe(false);
    }
    // The store's minimum comes from Rust (store_status), as on the unlock screen.
    expect(text('passphrase-new-hint')).toBe(MESSAGES.zh.common.passphraseHintNew(8));
    expect(byId(NEW).getAttribute('aria-describedby')).toBe('passphrase-new-hint');
    expect(byId(CURRENT).hasAttribute('aria-describedby')).toBe(false);
    expect(byId('passphrase-change').getAttribute('type')).toBe('submit');
    expect(text('passphrase-change')).toBe('更改口令');
    expect(byId('passphrase-message').getAttribute('role')).toBe('status');
    expect(text('passphrase-message')).toBe('');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(text('passphrase-heading')).toBe('Change the passphrase');
    expect(section.querySelector('.intro')?.textContent).toContain('A forgotten passphrase cannot be recovered');
    expect(document.querySelector(`label[for="${CONFIRM}"]`)?.textContent).toBe('Type the new passphrase again');
    expect(text('passphrase-new-hint')).toBe(MESSAGES.en.common.passphraseHintNew(8));
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  /** The settings screen's messages that are plain text (not functions or lists). */
  type Words = Messages['settings'];
  type TextKey = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words];

  const UI_CHECKS: {
    name: string;
    fields: { current?: string; next?: string; confirm?: string };
    errors: [string, TextKey][];
  }[] = [
    {
      name: 'nothing typed',
      fields: {},
      errors: [
        [CURRENT, 'errCurrentPassphraseMissing'],
        [NEW, 'errNewPassphraseMissing'],
      ],
    },
    { name: 'no current passphrase', fields: { next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE }, errors: [[CURRENT, 'errCurrentPassphraseMissing']] },
    { name: 'no new passphrase', fields: { current: PASSPHRASE }, errors: [[NEW, 'errNewPassphraseMissing']] },
    { name: 'the new one not typed again', fields: { current: PASSPHRASE, next: NEW_PASSPHRASE }, errors: [[CONFIRM, 'errNewConfirmMissing']] },
    {
      name: 'the two new ones differ',
      fields: { current: PASSPHRASE, next: NEW_PASSPHRASE, confirm: 'a new one to rememder' },
      errors: [[CONFIRM, 'errNewConfirmMismatch']],
    },
    {
      name: 'the new one the same as the current one',
      fields: { current: PASSPHRASE, next: PASSPHRASE, confirm: PASSPHRASE },
      errors: [[NEW, 'errNewPassphraseUnchanged']],
    },
  ];

  for (const { name, fields, errors } of UI_CHECKS) {
    it(`says what to correct without asking Rust: ${name}`, async () => {
      const { backend, container } = await openPassphrase();
      await change(fields);
      const summary = await expectSummary(errors.map(([, key]) => MESSAGES.zh.settings[key]));
      expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(errors.map(([id]) => `#${id}`));
      for (const [id, key] of errors) expect(inlineError(id)).toBe(`错误：${MESSAGES.zh.settings[key]}`);
      for (const id of [CURRENT, NEW, CONFIRM].filter((f) => !errors.some(([e]) => e === f))) {
        expect(byId(id).hasAttribute('aria-invalid')).toBe(false);
      }
      expect(backend.argsOf('store_change_passphrase')).toEqual([]);
      // What was typed stays, to be corrected.
      expect(input(CURRENT).value).toBe(fields.current ?? '');
      expect(input(NEW).value).toBe(fields.next ?? '');
      expect(text('passphrase-message')).toBe('');
      await expectNoAxeViolations(container);

      // Keyboard users go from the summary to the field.
      await fireEvent.click(summary.querySelector('a')!);
      expect(document.activeElement).toBe(byId(errors[0]![0]));

      await fireEvent.click(byId('lang-en'));
      expect([...byId('error-summary').querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual(
        errors.map(([, key]) => MESSAGES.en.settings[key]),
      );
      for (const [id, key] of errors) expect(inlineError(id)).toBe(`Error: ${MESSAGES.en.settings[key]}`);
      await expectNoAxeViolations(container);
    });
  }

  it('shows a wrong current passphrase at its field, and clears it to be typed afresh', async () => {
    const { backend, container } = await openPassphrase();
    await change({ current: 'not the passphrase', next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    const summary = await expectSummary([WRONG_PASSPHRASE.message.zh]);
    expect(summary.querySelector('a')?.getAttribute('href')).toBe(`#${CURRENT}`);
    expect(inlineError(CURRENT)).toBe(`错误：${WRONG_PASSPHRASE.message.zh}`);
    expect(byId(NEW).hasAttribute('aria-invalid')).toBe(false);
    expect(backend.argsOf('store_change_passphrase')).toEqual([{ current: 'not the passphrase', new: NEW_PASSPHRASE }]);
    expect(input(CURRENT).value).toBe('');
    expect(input(NEW).value).toBe(NEW_PASSPHRASE);
    expect(input(CONFIRM).value).toBe(NEW_PASSPHRASE);
    expect(text('passphrase-message')).toBe('');
    expect(byId<HTMLButtonElement>('passphrase-change').disabled).toBe(false);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(inlineError(CURRENT)).toBe(`Error: ${WRONG_PASSPHRASE.message.en}`);
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);

    // Typed right, it is changed and the errors go.
    await change({ current: PASSPHRASE });
    await waitFor(() => expect(text('passphrase-message')).toBe(MESSAGES.en.settings.passphraseChanged));
    expect(document.getElementById('error-summary')).toBeNull();
    expect(byId(CURRENT).hasAttribute('aria-invalid')).toBe(false);
  });

  it('shows Rust’s strength rule at the new passphrase', async () => {
    const { backend, container } = await openPassphrase();
    await change({ current: PASSPHRASE, next: 'short', confirm: 'short' });
    const summary = await expectSummary([WEAK_PASSPHRASE.message.zh]);
    expect(summary.querySelector('a')?.getAttribute('href')).toBe(`#${NEW}`);
    expect(inlineError(NEW)).toBe(`错误：${WEAK_PASSPHRASE.message.zh}`);
    expect(byId(NEW).getAttribute('aria-describedby')).toBe('passphrase-new-hint passphrase-new-error');
    expect(byId(CURRENT).hasAttribute('aria-invalid')).toBe(false);
    expect(backend.argsOf('store_change_passphrase')).toEqual([{ current: PASSPHRASE, new: 'short' }]);
    expect(input(CURRENT).value).toBe(PASSPHRASE);
    await expectNoAxeViolations(container);

    await fireEvent.click(summary.querySelector('a')!);
    expect(document.activeElement).toBe(byId(NEW));
    await fireEvent.click(byId('lang-en'));
    expect(inlineError(NEW)).toBe(`Error: ${WEAK_PASSPHRASE.message.en}`);
    await expectNoAxeViolations(container);
  });

  it('changes it, clears the fields and says so', async () => {
    const { backend, container } = await openPassphrase();
    // An earlier error is cleared by the change.
    await change({});
    await expectSummary([MESSAGES.zh.settings.errCurrentPassphraseMissing, MESSAGES.zh.settings.errNewPassphraseMissing]);

    await change({ current: PASSPHRASE, next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    await waitFor(() => expect(text('passphrase-message')).toBe('口令已更改。下次打开时请使用新口令。'));
    expect(byId('passphrase-message').getAttribute('role')).toBe('status');
    expect(backend.argsOf('store_change_passphrase')).toEqual([{ current: PASSPHRASE, new: NEW_PASSPHRASE }]);
    for (const id of [CURRENT, NEW, CONFIRM]) {
      expect(input(id).value).toBe('');
      expect(byId(id).hasAttribute('aria-invalid')).toBe(false);
    }
    expect(document.getElementById('error-summary')).toBeNull();
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(text('passphrase-message')).toBe('The passphrase has been changed. Use the new one next time Banka opens.');
    await expectNoAxeViolations(container);

    // The old one no longer opens it.
    await change({ current: PASSPHRASE, next: 'yet another passphrase', confirm: 'yet another passphrase' });
    await expectSummary([WRONG_PASSPHRASE.message.en]);
    expect(text('passphrase-message')).toBe('');
  });

  it('is busy while Rust changes it', async () => {
    const { backend, container } = await openPassphrase();
    let release!: () => void;
    backend.hold.store_change_passphrase = new Promise<void>((r) => (release = r));
    await change({ current: PASSPHRASE, next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    const button = byId<HTMLButtonElement>('passphrase-change');
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(text('passphrase-message')).toBe('正在更改…');
    expect(byId('passphrase-form').getAttribute('aria-busy')).toBe('true');
    await expectNoAxeViolations(container);
    // Submitting again (Enter in a field) asks nothing more.
    await fireEvent.submit(byId('passphrase-form'));
    expect(backend.argsOf('store_change_passphrase')).toHaveLength(1);

    release();
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(text('passphrase-message')).toBe('口令已更改。下次打开时请使用新口令。');
    expect(byId('passphrase-form').getAttribute('aria-busy')).toBe('false');
    expect(text('passphrase-change')).toBe('更改口令');
  });

  it('lists an error no field can fix without a link, and keeps what was typed', async () => {
    const { backend } = await openPassphrase();
    backend.fail.store_change_passphrase = DATABASE_ERROR;
    await change({ current: PASSPHRASE, next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    const summary = await expectSummary([DATABASE_ERROR.message.zh]);
    expect(summary.querySelector('a')).toBeNull();
    for (const id of [CURRENT, NEW, CONFIRM]) expect(byId(id).hasAttribute('aria-invalid')).toBe(false);
    expect(input(CURRENT).value).toBe(PASSPHRASE);
    expect(input(NEW).value).toBe(NEW_PASSPHRASE);
  });

  it('goes to the unlock screen when the store turns out locked', async () => {
    const { backend, container } = await openPassphrase();
    backend.store = 'locked';
    await change({ current: PASSPHRASE, next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    await waitFor(() => byId('unlock-passphrase'));
    expect(container.querySelector('h1')?.textContent).toBe('输入口令解锁');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    expect(document.getElementById('passphrase-current')).toBeNull();
  });

  it('shows and hides what was typed in all three fields', async () => {
    await openPassphrase();
    const show = byId('passphrase-show');
    expect(show.getAttribute('aria-controls')).toBe(`${CURRENT} ${NEW} ${CONFIRM}`);
    await fireEvent.click(show);
    for (const id of [CURRENT, NEW, CONFIRM]) expect(input(id).type).toBe('text');
    expect(show.textContent?.trim()).toBe('隐藏口令');
    expect(show.nextElementSibling?.textContent?.trim()).toBe('口令已显示');
    await fireEvent.click(show);
    for (const id of [CURRENT, NEW, CONFIRM]) expect(input(id).type).toBe('password');
    expect(show.nextElementSibling?.textContent?.trim()).toBe('口令已隐藏');

    // Hidden again once changed.
    await fireEvent.click(show);
    await change({ current: PASSPHRASE, next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    await waitFor(() => expect(text('passphrase-message')).toBe('口令已更改。下次打开时请使用新口令。'));
    for (const id of [CURRENT, NEW, CONFIRM]) expect(input(id).type).toBe('password');
  });

  it('keeps what was typed across language and elderly switches', async () => {
    await openPassphrase();
    await typeInto(CURRENT, PASSPHRASE);
    await typeInto(NEW, NEW_PASSPHRASE);
    await fireEvent.click(byId('lang-en'));
    await fireEvent.click(byId('settings-elderly'));
    expect(input(CURRENT).value).toBe(PASSPHRASE);
    expect(input(NEW).value).toBe(NEW_PASSPHRASE);
  });
});
