// The settings screen, through the whole app: the agency endpoint and token, training mode, the
// outbox, display settings, the operator's name and the data folder.
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import type { SenderState } from '../bindings/SenderState';
import {
  AGENCY_ENDPOINT,
  AGENCY_SET,
  DATABASE_ERROR,
  HTTP_ENDPOINT,
  LOCKED,
  OUTBOX_IDLE,
  TRAINING_URL,
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
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['机构接口', '发送队列', '显示', '本机']);

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

    await fireEvent.click(byId('lang-toggle'));
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
    expect(error.textContent).toContain(DATABASE_ERROR.message_zh);
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

    await fireEvent.click(byId('lang-toggle'));
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

    await fireEvent.click(byId('lang-toggle'));
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

    const summary = await expectSummary([HTTP_ENDPOINT.message_zh]);
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#agency-endpoint');
    expect(inlineError('agency-endpoint')).toBe(`错误：${HTTP_ENDPOINT.message_zh}`);
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

    await fireEvent.click(byId('lang-toggle'));
    expect(byId('error-summary').textContent).toContain('There is a problem');
    expect(inlineError('agency-endpoint')).toBe(`Error: ${HTTP_ENDPOINT.message_en}`);
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
    const summary = await expectSummary([DATABASE_ERROR.message_zh]);
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

    await fireEvent.click(byId('lang-toggle'));
    expect([...counts.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Waiting to be sent',
      'Being sent',
      'Failed to send',
    ]);
    expect(text('outbox-queued')).toBe('3 applications');
    expect(text('outbox-sending')).toBe('1 application');
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
      await fireEvent.click(byId('lang-toggle'));
      expect(byId('outbox-sender').textContent).toContain(en);
    });
  }

  it('gives the sender’s problem in the current language', async () => {
    const { container } = await openSettings({
      outbox: {
        ...OUTBOX_IDLE,
        queued: 4,
        sender: 'unauthorized',
        problem_zh: '机构返回 401：令牌已过期。',
        problem_en: 'The agency answered 401: the token has expired.',
      },
    });
    expect(text('outbox-problem')).toBe('机构返回 401：令牌已过期。');
    await fireEvent.click(byId('lang-toggle'));
    expect(text('outbox-problem')).toBe('The agency answered 401: the token has expired.');
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  it('asks again every 3 seconds while shown, and stops when left', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { backend } = await openSettings({ outbox: { ...OUTBOX_IDLE, queued: 5, sender: 'running' } });
    expect(backend.argsOf('outbox_state')).toHaveLength(1);
    expect(text('outbox-queued')).toBe('5 件');

    backend.outbox = { ...backend.outbox, queued: 4, sending: 1 };
    await vi.advanceTimersByTimeAsync(2999);
    expect(backend.argsOf('outbox_state')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await waitFor(() => expect(text('outbox-queued')).toBe('4 件'));
    expect(text('outbox-sending')).toBe('1 件');
    expect(backend.argsOf('outbox_state')).toHaveLength(2);

    backend.outbox = { ...backend.outbox, sender: 'stopped', problem_zh: '网络不通。', problem_en: 'The network is down.' };
    await vi.advanceTimersByTimeAsync(3000);
    await waitFor(() => expect(byId('outbox-sender').dataset.sender).toBe('stopped'));
    expect(text('outbox-problem')).toBe('网络不通。');

    await fireEvent.click(byId('nav-cases'));
    await waitFor(() => expect(document.getElementById('outbox-sender')).toBeNull());
    expect(vi.getTimerCount()).toBe(0);
    const asked = backend.argsOf('outbox_state').length;
    await vi.advanceTimersByTimeAsync(9000);
    expect(backend.argsOf('outbox_state')).toHaveLength(asked);
  });

  it('says when the outbox cannot be read, and recovers on the next refresh', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const backend = mockBackend({ agency: AGENCY_SET });
    backend.fail.outbox_state = DATABASE_ERROR;
    const { container } = render(App);
    await waitFor(() => byId('nav-settings'));
    await fireEvent.click(byId('nav-settings'));
    const error = await waitFor(() => byId('outbox-error'));
    expect(error.textContent).toContain('发送队列的情况暂时无法读取');
    expect(error.textContent).toContain(DATABASE_ERROR.message_zh);
    await waitFor(() => byId('agency-endpoint'));
    await expectNoAxeViolations(container);

    delete backend.fail.outbox_state;
    await vi.advanceTimersByTimeAsync(3000);
    await waitFor(() => byId('outbox-sender'));
    expect(document.getElementById('outbox-error')).toBeNull();
  });

  it('goes to the unlock screen when the store is locked between refreshes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { backend, container } = await openSettings();
    backend.store = 'locked';
    await vi.advanceTimersByTimeAsync(3000);
    await waitFor(() => byId('unlock-passphrase'));
    expect(container.querySelector('h1')?.textContent).toBe('输入口令解锁');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('settings: display and this computer', () => {
  it('switches the language and elderly mode like the header does, and saves them', async () => {
    const { backend, container } = await openSettings({ settings: { lang: 'zh', elderly: false, operator: '王芳' } });
    await fireEvent.click(byId('settings-lang-en'));
    expect(document.documentElement.lang).toBe('en');
    expect(input('settings-lang-en').checked).toBe(true);
    expect(byId('lang-toggle').textContent).toContain('中文');
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

    await fireEvent.click(byId('settings-lang-zh'));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(backend.argsOf('settings_set')).toHaveLength(3);
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
    await fireEvent.click(byId('lang-toggle'));
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
      message_zh: '设置未能保存：磁盘已满',
      message_en: 'The settings could not be saved: disk full',
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
    backend.fail.settings_set = { code: 'bad_value', message_zh: '姓名太长', message_en: 'The name is too long', field: 'operator' };
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
    await fireEvent.click(byId('lang-toggle'));
    await fireEvent.click(byId('settings-elderly'));
    expect(input('agency-endpoint').value).toBe('https://typed.example.gov.cn');
    expect(input('agency-token').value).toBe('typed-token');
    expect(input('settings-operator').value).toBe('张经办');
  });
});
