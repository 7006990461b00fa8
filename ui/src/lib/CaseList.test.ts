// The case list, through the whole app with the store unlocked: search, filter, pages, new
// drafts, deletion, and export and import of case bundles.
import { fireEvent, render, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { CaseSummary } from '../bindings/CaseSummary';
import type { Status } from '../bindings/Status';
import { STATUSES } from './i18n';
import type { IpcError } from './ipc';
import {
  BAD_BUNDLE,
  BUNDLE_PASSPHRASE,
  CASES,
  DATABASE_ERROR,
  LOCKED,
  WEAK_PASSPHRASE,
  WRONG_PASSPHRASE,
  ipcError,
  reason,
  summary,
} from '../test/fixtures';
import {
  byId,
  deferred,
  expectNoAxeViolations,
  localTime,
  mockBackend,
  row,
  rowIds,
  typeInto,
  waitForCases,
} from '../test/helpers';

async function openList(cases: CaseSummary[] = CASES, pageSize?: number) {
  const backend = mockBackend({ cases, pageSize });
  const view = render(App);
  await waitForCases();
  return { backend, ...view };
}

/** A row's cells but its checkbox's. */
const cells = (id: string) => [...row(id).querySelectorAll('th, td:not(.select)')].map((c) => c.textContent?.trim());
const count = () => byId('case-count').textContent?.trim();

describe('case list', () => {
  it('shows the cases with masked numbers, flow titles, statuses and local times', async () => {
    const { backend, container } = await openList();
    expect(backend.argsOf('case_list')).toEqual([{ query: { limit: 20 } }]);
    expect(container.querySelector('h1')?.textContent).toBe('申领案件');
    expect(document.title).toBe('办卡 Banka · 申领案件');
    expect(count()).toBe('共 3 件');
    expect(byId('case-count').getAttribute('aria-live')).toBe('polite');

    const table = byId<HTMLTableElement>('case-table');
    expect(table.caption?.textContent).toBe('申领案件，最近修改的在前');
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.map((th) => th.getAttribute('scope'))).toEqual(Array(8).fill('col'));
    expect(headers.map((th) => th.textContent?.trim())).toEqual([
      '选择列出的全部申请',
      '姓名',
      '身份证号',
      '手机号',
      '申领事项',
      '状态',
      '最后修改',
      '操作',
    ]);
    expect(rowIds()).toEqual(['c-zhang', 'c-li', 'c-blank']);

    await waitFor(() => expect(cells('c-zhang')[3]).toBe('本人申领社会保障卡'));
    expect(cells('c-zhang').slice(0, 6)).toEqual([
      '张三',
      '1101**********002X',
      '138****8000',
      '本人申领社会保障卡',
      '已提交',
      localTime('2026-11-21T06:05:00Z'),
    ]);
    expect(row('c-zhang').querySelector('time')?.getAttribute('datetime')).toBe('2026-11-21T06:05:00Z');
    expect(cells('c-zhang')[5]).toMatch(/^2026-11-2[12] \d\d:05$/);
    // A status reason is shown under the status.
    expect(row('c-li').querySelector('.tag')?.textContent).toBe('已驳回');
    expect(row('c-li').querySelector('.reason')?.textContent).toBe('原因：照片不合格');
    expect(row('c-li').dataset.status).toBe('rejected');
    // Nothing given yet: said in words, not left blank.
    expect(cells('c-blank').slice(0, 3)).toEqual(['未填写', '未填写', '未填写']);
    expect(row('c-zhang').querySelector('th')?.getAttribute('scope')).toBe('row');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(count()).toBe('3 applications');
    expect(cells('c-zhang').slice(3, 5)).toEqual(['Apply for your own card', 'Submitted']);
    expect(cells('c-li')[4]).toContain('Rejected');
    expect(cells('c-blank')[0]).toBe('not given yet');
    expect(table.caption?.textContent).toBe('Applications, most recently changed first');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
    // The language switch asked for nothing again.
    expect(backend.argsOf('case_list')).toHaveLength(1);
  });

  it('names every status in both languages in the filter', async () => {
    await openList();
    const select = byId<HTMLSelectElement>('case-status-filter');
    const options = () => [...select.options].map((o) => [o.value, o.textContent]);
    expect(options()).toEqual([
      ['', '全部状态'],
      ['draft', '草稿'],
      ['ready', '待提交'],
      ['queued', '排队待发送'],
      ['sending', '正在发送'],
      ['submitted', '已提交'],
      ['accepted', '已受理'],
      ['in_production', '制卡中'],
      ['ready_for_pickup', '待领取'],
      ['mailed', '已寄出'],
      ['rejected', '已驳回'],
      ['failed', '发送失败'],
    ]);
    await fireEvent.click(byId('lang-en'));
    expect(options().map(([, label]) => label)).toEqual([
      'All statuses',
      'Draft',
      'Ready to submit',
      'Queued to send',
      'Sending',
      'Submitted',
      'Accepted',
      'Card being made',
      'Ready for pickup',
      'Mailed',
      'Rejected',
      'Sending failed',
    ]);
  });

  it('searches as you type, once typing pauses', async () => {
    const { backend } = await openList();
    expect(byId('case-search').closest('form')?.getAttribute('role')).toBe('search');
    expect(document.querySelector('label[for="case-search"]')?.textContent).toBe('姓名、身份证号后几位或手机号');
    await typeInto('case-search', '0');
    await typeInto('case-search', '00');
    await typeInto('case-search', '002X');
    await waitFor(() => expect(rowIds()).toEqual(['c-zhang']));
    // One request for the three keystrokes.
    expect(backend.argsOf('case_list')).toEqual([{ query: { limit: 20 } }, { query: { limit: 20, text: '002X' } }]);
    expect(count()).toBe('共 1 件');

    await typeInto('case-search', '李');
    await waitFor(() => expect(rowIds()).toEqual(['c-li']));
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, text: '李' } });
  });

  it('searches at once on submit, and keeps the typed text across a language switch', async () => {
    const { backend } = await openList();
    const input = byId<HTMLInputElement>('case-search');
    input.value = '  张三 ';
    await fireEvent.input(input);
    await fireEvent.submit(input.closest('form')!);
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, text: '张三' } });
    await waitFor(() => expect(rowIds()).toEqual(['c-zhang']));
    // The pending search was folded into the submit: no second request follows.
    await new Promise((r) => setTimeout(r, 300));
    expect(backend.argsOf('case_list')).toHaveLength(2);

    await fireEvent.click(byId('lang-en'));
    expect(byId<HTMLInputElement>('case-search').value).toBe('  张三 ');
    await fireEvent.click(byId('elderly-toggle'));
    expect(byId<HTMLInputElement>('case-search').value).toBe('  张三 ');
  });

  it('filters by status, with the search text', async () => {
    const { backend } = await openList();
    const select = byId<HTMLSelectElement>('case-status-filter');
    select.value = 'rejected';
    await fireEvent.change(select);
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, status: 'rejected' } });
    await waitFor(() => expect(rowIds()).toEqual(['c-li']));

    await typeInto('case-search', '张');
    await waitFor(() => expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, text: '张', status: 'rejected' } }));
    await waitFor(() => expect(byId('case-empty').textContent).toContain('没有找到符合条件的案件'));
    expect(document.getElementById('case-table')).toBeNull();
    expect(count()).toBe('共 0 件');

    select.value = '';
    await fireEvent.change(select);
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, text: '张' } });
    await waitFor(() => expect(rowIds()).toEqual(['c-zhang']));
  });

  it('loads more with an offset when there are more than one page', async () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      summary({ id: `c-${i}`, applicant_name: `申请人${i}`, updated_at: `2026-11-2${i}T00:00:00Z` }),
    );
    const { backend, container } = await openList(many, 3);
    expect(rowIds()).toEqual(['c-0', 'c-1', 'c-2']);
    expect(count()).toBe('共 7 件，已显示 3 件');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('load-more'));
    await waitFor(() => expect(rowIds()).toHaveLength(6));
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, offset: 3 } });
    expect(count()).toBe('共 7 件，已显示 6 件');
    await fireEvent.click(byId('lang-en'));
    expect(count()).toBe('7 applications, 6 shown');
    expect(byId('load-more').textContent?.trim()).toBe('Load more');

    await fireEvent.click(byId('load-more'));
    await waitFor(() => expect(rowIds()).toHaveLength(7));
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, offset: 6 } });
    expect(document.getElementById('load-more')).toBeNull();
    // The button went away: focus moved to the first case that came in.
    expect(document.activeElement).toBe(row('c-6').querySelector('th'));
  });

  it('keeps the search when loading more', async () => {
    const many = Array.from({ length: 4 }, (_, i) => summary({ id: `c-${i}`, applicant_name: `王${i}` }));
    const { backend } = await openList([...many, CASES[0]!], 2);
    await typeInto('case-search', '王');
    await waitFor(() => expect(count()).toBe('共 4 件，已显示 2 件'));
    await fireEvent.click(byId('load-more'));
    await waitFor(() => expect(rowIds()).toEqual(['c-0', 'c-1', 'c-2', 'c-3']));
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20, text: '王', offset: 2 } });
  });

  it('says when there are no cases at all', async () => {
    const { container } = await openList([]);
    expect(byId('case-empty').textContent).toContain('本机还没有申领案件');
    expect(byId('case-empty').dataset.filtered).toBe('false');
    expect(document.getElementById('case-table')).toBeNull();
    expect(count()).toBe('共 0 件');
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('lang-en'));
    expect(byId('case-empty').textContent).toContain('There are no applications on this computer yet');
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  it('says when nothing matches the search', async () => {
    const { container } = await openList();
    await typeInto('case-search', '赵');
    await waitFor(() => byId('case-empty'));
    expect(byId('case-empty').textContent).toContain('没有找到符合条件的案件');
    expect(byId('case-empty').dataset.filtered).toBe('true');
    await fireEvent.click(byId('lang-en'));
    expect(byId('case-empty').textContent).toContain('No applications match');
    await expectNoAxeViolations(container);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`says why a case was rejected or failed, and what to do next (${lang})`, async () => {
      const failed = summary({
        id: 'c-failed',
        status: 'failed',
        status_reason: reason('网络连接超时', 'The connection timed out'),
        applicant_name: '王五',
      });
      const { container } = await openList([CASES[1]!, failed, CASES[0]!]);
      if (lang === 'en') await fireEvent.click(byId('lang-en'));
      const said = (id: string) => [row(id).querySelector('.reason')?.textContent, row(id).querySelector('.next-step')?.textContent];
      expect(said('c-li')).toEqual(
        lang === 'zh'
          ? ['原因：照片不合格', '请打开这份申请，按上面的原因修改，然后重新提交。']
          : ['Reason: The photo was not accepted', 'Open the application, change what the agency names above, and submit it again.'],
      );
      expect(said('c-failed')[0]).toBe(lang === 'zh' ? '原因：网络连接超时' : 'Reason: The connection timed out');
      expect(said('c-failed')[1]).toContain(lang === 'zh' ? '会自动重新发送' : 'it will be sent again automatically');
      expect(said('c-failed')[1]).toContain(lang === 'zh' ? '“设置 → 机构接口”' : 'Settings → Agency endpoint');
      // Other statuses have nothing to do.
      expect(row('c-zhang').querySelector('.next-step')).toBeNull();
      await expectNoAxeViolations(container);
    });
  }

  it('colours each status by what Rust says it means', async () => {
    const tones: Record<Status, string> = {
      draft: 'grey',
      ready: 'blue',
      queued: 'blue',
      sending: 'blue',
      submitted: 'purple',
      accepted: 'purple',
      in_production: 'purple',
      ready_for_pickup: 'green',
      mailed: 'green',
      rejected: 'red',
      failed: 'red',
    };
    await openList(STATUSES.map((status) => summary({ id: `c-${status}`, status })), 50);
    for (const status of STATUSES) {
      expect(row(`c-${status}`).querySelector('.tag')?.className, status).toContain(`tag-${tones[status]}`);
    }
  });

  it('shows Rust’s message when the list cannot be read, and tries again', async () => {
    const backend = mockBackend({ cases: CASES });
    backend.fail.case_list = DATABASE_ERROR;
    const { container } = render(App);
    const alert = await waitFor(() => byId('case-error'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(DATABASE_ERROR.message.zh);
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('lang-en'));
    expect(byId('case-error').textContent).toContain(DATABASE_ERROR.message.en);

    delete backend.fail.case_list;
    await fireEvent.click(within(byId('case-error')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rowIds()).toHaveLength(3));
  });

  it('says what is lost when the store is damaged where the list is kept, and lists what could be read', async () => {
    const backend = mockBackend({ cases: CASES });
    backend.salvaged = { unreadable: 2 };
    const { container } = render(App);
    await waitForCases();
    expect(rowIds()).toHaveLength(3);
    const alert = byId('case-salvaged');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('数据存储已损坏');
    expect(alert.textContent).toContain('有 2 条记录无法读出');
    expect(alert.textContent).toContain('banka check');
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('lang-en'));
    expect(byId('case-salvaged').textContent).toContain('2 records could not be read');

    // Nothing lost: said so; and a whole store again shows no notice.
    backend.salvaged = { unreadable: 0 };
    await fireEvent.click(byId('case-search-submit'));
    await waitFor(() => expect(byId('case-salvaged').textContent).toContain('none is lost'));
    backend.salvaged = null;
    await fireEvent.click(byId('case-search-submit'));
    await waitFor(() => expect(document.getElementById('case-salvaged')).toBeNull());
  });
});

describe('new application', () => {
  it('reveals the flows, asks for a choice, and starts a draft of the chosen one', async () => {
    const { backend, container } = await openList();
    const toggle = byId('new-case');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(byId('new-case-panel').hidden).toBe(true);

    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.querySelectorAll('input[name="new-flow"]')).toHaveLength(3));
    const radio = (id: string) => document.querySelector<HTMLInputElement>(`input[name="new-flow"][value="${id}"]`)!;
    expect(radio('bj-minor').labels?.[0]?.textContent).toBe('为孩子代办（18岁以下）');
    expect(container.querySelector('legend')?.textContent).toBe('哪一项符合您的情况？');
    await expectNoAxeViolations(container);

    // No choice yet: an error, linked to the first choice.
    await fireEvent.click(byId('new-case-start'));
    const summaryBox = await waitFor(() => byId('new-case-errors'));
    await waitFor(() => expect(document.activeElement).toBe(summaryBox));
    expect(summaryBox.querySelector('a')?.getAttribute('href')).toBe('#new-flow-bj-individual');
    expect(byId('new-flow-error').textContent).toContain('请选择要办理的事项');
    expect(backend.argsOf('case_new')).toEqual([]);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(radio('bj-minor').labels?.[0]?.textContent).toBe('For your child (under 18)');
    expect(byId('new-flow-error').textContent).toContain('Choose what the application is for');
    await fireEvent.click(byId('lang-zh'));

    await fireEvent.click(radio('bj-minor'));
    await fireEvent.click(byId('new-case-start'));
    await waitFor(() => expect(backend.argsOf('case_new')).toEqual([{ flow: 'bj-minor' }]));
    // The new draft opens in the wizard at once.
    await waitFor(() => expect(backend.argsOf('case_open')).toEqual([{ id: 'new-1' }]));
    await waitFor(() => expect(byId('wizard-heading').textContent).toBe('基本信息'));
    expect(document.querySelector('#case-table')).toBeNull();
    await expectNoAxeViolations(container);

    // Back to the list: the draft heads it.
    await fireEvent.click(byId('back-to-list'));
    await waitForCases();
    expect(rowIds()[0]).toBe('new-1');
    expect(rowIds()).toHaveLength(4);
    expect(row('new-1').dataset.status).toBe('draft');
    expect(cells('new-1')[3]).toBe('为18岁以下孩子代办');
    expect(count()).toBe('共 4 件');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    await expectNoAxeViolations(container);
  });

  it('comes back from a new draft to the whole list, whatever was searched', async () => {
    const { backend } = await openList();
    await typeInto('case-search', '张');
    await waitFor(() => expect(rowIds()).toEqual(['c-zhang']));
    await fireEvent.click(byId('new-case'));
    await fireEvent.click(document.querySelector<HTMLInputElement>('input[name="new-flow"][value="bj-individual"]')!);
    await fireEvent.click(byId('new-case-start'));
    await waitFor(() => byId('wizard-heading'));
    await fireEvent.click(byId('back-to-list'));
    await waitFor(() => expect(rowIds()).toEqual(['new-1', 'c-zhang', 'c-li', 'c-blank']));
    expect(byId<HTMLInputElement>('case-search').value).toBe('');
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20 } });
  });

  it('offers to continue only what Rust says can still change: a finalized case is viewed, not edited', async () => {
    const ready = summary({ id: 'c-ready', status: 'ready', applicant_name: '王晓明' });
    await openList([ready, ...CASES]);
    expect(ready.facts.editable).toBe(false);
    expect(row('c-ready').querySelector('.open-case')?.textContent).toBe('查看：王晓明（待提交）');
    expect(row('c-blank').querySelector('.open-case')?.textContent).toBe('继续填写：未填写姓名（草稿）');
  });

  it('opens a case from its row in the wizard', async () => {
    const { backend } = await openList();
    const open = row('c-blank').querySelector<HTMLButtonElement>('.open-case')!;
    expect(open.textContent).toBe('继续填写：未填写姓名（草稿）');
    expect(row('c-zhang').querySelector('.open-case')?.textContent).toBe('查看：张三（已提交）');
    await fireEvent.click(open);
    await waitFor(() => expect(backend.argsOf('case_open')).toEqual([{ id: 'c-blank' }]));
    await waitFor(() => expect(byId('wizard-heading').textContent).toBe('基本信息'));
    // The navigation's "cases" entry goes back to the list too.
    await fireEvent.click(byId('nav-cases'));
    await waitForCases();
    expect(rowIds()).toHaveLength(3);
  });

  it('shows Rust’s message when the draft cannot be made', async () => {
    const { backend } = await openList();
    backend.fail.case_new = DATABASE_ERROR;
    await fireEvent.click(byId('new-case'));
    await fireEvent.click(document.querySelector<HTMLInputElement>('input[name="new-flow"][value="bj-retiree"]')!);
    await fireEvent.click(byId('new-case-start'));
    const summaryBox = await waitFor(() => byId('new-case-errors'));
    expect(summaryBox.textContent).toContain(DATABASE_ERROR.message.zh);
    expect(rowIds()).toHaveLength(3);
  });

  it('closes on Cancel without starting anything', async () => {
    const { backend } = await openList();
    await fireEvent.click(byId('new-case'));
    await fireEvent.click(byId('new-case-cancel'));
    expect(byId('new-case').getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(byId('new-case'));
    expect(backend.argsOf('case_new')).toEqual([]);
  });
});

describe('delete', () => {
  const dialogProto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  afterEach(() => {
    delete dialogProto.showModal;
    delete dialogProto.close;
  });

  const deleteButton = (id: string) => row(id).querySelector<HTMLButtonElement>('button.delete-case')!;

  it('names whose application each delete button is for', async () => {
    await openList();
    expect(deleteButton('c-zhang').textContent).toBe('删除张三的申请');
    expect(deleteButton('c-blank').textContent).toBe(`删除未填写姓名的草稿（${localTime(CASES[2]!.created_at)}）`);
    await fireEvent.click(byId('lang-en'));
    expect(deleteButton('c-zhang').textContent).toBe('Delete 张三’s application');
    expect(deleteButton('c-blank').textContent).toBe(`Delete draft with no name yet (${localTime(CASES[2]!.created_at)})`);
  });

  it('asks first, then deletes and says so', async () => {
    const { backend, container } = await openList();
    await fireEvent.click(deleteButton('c-zhang'));
    const dialog = await waitFor(() => byId('delete-dialog'));
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(document.activeElement).toBe(byId('cancel-delete'));
    expect(dialog.getAttribute('aria-labelledby')).toBe('delete-heading');
    expect(byId('delete-heading').textContent).toBe('删除这件申请？');
    expect(byId('delete-warning').textContent).toBe('删除后无法恢复，申请人的资料和照片会从本机彻底清除。');
    expect(dialog.textContent).toContain('张三 · 本人申领社会保障卡 · 已提交');
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('lang-en'));
    expect(byId('delete-warning').textContent).toBe(
      'This cannot be undone: the applicant’s details and photos are removed from this computer for good.',
    );
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('lang-zh'));

    await fireEvent.click(byId('confirm-delete'));
    await waitFor(() => expect(document.getElementById('delete-dialog')).toBeNull());
    expect(backend.argsOf('case_delete')).toEqual([{ id: 'c-zhang' }]);
    expect(rowIds()).toEqual(['c-li', 'c-blank']);
    expect(count()).toBe('共 2 件');
    const message = byId('case-message');
    expect(message.textContent?.trim()).toBe('已删除');
    expect(document.activeElement).toBe(message);
  });

  it('does nothing on Cancel, and gives focus back to the delete button', async () => {
    const { backend } = await openList();
    await fireEvent.click(deleteButton('c-li'));
    await waitFor(() => byId('delete-dialog'));
    await fireEvent.click(byId('cancel-delete'));
    await waitFor(() => expect(document.getElementById('delete-dialog')).toBeNull());
    expect(document.activeElement).toBe(deleteButton('c-li'));
    expect(backend.argsOf('case_delete')).toEqual([]);
    expect(rowIds()).toHaveLength(3);
  });

  it('cancels on Escape', async () => {
    const { backend } = await openList();
    await fireEvent.click(deleteButton('c-blank'));
    const dialog = await waitFor(() => byId('delete-dialog'));
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(document.getElementById('delete-dialog')).toBeNull());
    expect(document.activeElement).toBe(deleteButton('c-blank'));
    expect(backend.argsOf('case_delete')).toEqual([]);
  });

  it('opens as a modal dialog where the webview can', async () => {
    const opened: string[] = [];
    dialogProto.showModal = function (this: HTMLDialogElement) {
      opened.push('showModal');
      this.setAttribute('open', '');
    };
    dialogProto.close = function (this: HTMLDialogElement) {
      opened.push('close');
      this.removeAttribute('open');
    };
    const { backend } = await openList();
    await fireEvent.click(deleteButton('c-zhang'));
    const dialog = await waitFor(() => byId('delete-dialog'));
    expect(opened).toEqual(['showModal']);
    expect(document.activeElement).toBe(byId('cancel-delete'));
    // The webview's own Escape handling fires "cancel": it cancels here too.
    await fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(document.getElementById('delete-dialog')).toBeNull());
    expect(opened).toEqual(['showModal', 'close']);
    expect(document.activeElement).toBe(deleteButton('c-zhang'));
    expect(backend.argsOf('case_delete')).toEqual([]);
  });

  it('keeps the dialog open with Rust’s message when the delete fails', async () => {
    const { backend, container } = await openList();
    backend.fail.case_delete = DATABASE_ERROR;
    await fireEvent.click(deleteButton('c-zhang'));
    await waitFor(() => byId('delete-dialog'));
    await fireEvent.click(byId('confirm-delete'));
    const error = await waitFor(() => byId('delete-error'));
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(DATABASE_ERROR.message.zh);
    expect(rowIds()).toHaveLength(3);
    await waitFor(() => expect(document.activeElement).toBe(byId('cancel-delete')));
    await expectNoAxeViolations(container);
  });
  describe('according to the case’s status', () => {
    /** Rust's refusal while the outbox is sending the case (banka-cases Error::BeingSent). */
    const BEING_SENT = ipcError(
      'being_sent',
      '这件申请正在发送给经办机构，现在不能删除。请等发送结束（几秒到几分钟）后再试。',
      'This application is being sent to the agency and cannot be deleted now. Try again once sending has finished (seconds to minutes).',
    );
    const sending = summary({ id: 'c-sending', status: 'sending', applicant_name: '赵六', updated_at: '2026-11-21T07:00:00Z' });
    const queued = summary({ id: 'c-queued', status: 'queued', applicant_name: '钱七', updated_at: '2026-11-21T06:30:00Z' });
    const referenced = summary({
      id: 'c-referenced',
      status: 'accepted',
      agency_reference: 'BJ2026112100042',
      applicant_name: '孙八',
      updated_at: '2026-11-21T06:10:00Z',
    });
    /** Sending, queued and accepted-with-a-reference cases, then the usual three. */
    const STATUS_CASES = [sending, queued, referenced, ...CASES];

    const QUEUED_ZH = '这件申请还没有交给经办机构，删除后就不会再发送。';
    const QUEUED_EN = 'This application has not reached the agency yet; once deleted it will not be sent.';
    const SENT_ZH = '删除只清除本机上的资料，不会撤回已交给经办机构的申请。';
    const SENT_EN = 'Deleting only removes it from this computer; the application the agency has is not withdrawn.';

    async function askToDelete(id: string) {
      await fireEvent.click(deleteButton(id));
      return waitFor(() => byId('delete-dialog'));
    }

    it('offers no delete button for a case being sent, and one for every other status', async () => {
      const { container } = await openList(STATUS_CASES);
      expect(rowIds()).toEqual(['c-sending', 'c-queued', 'c-referenced', 'c-zhang', 'c-li', 'c-blank']);
      expect(row('c-sending').querySelector('button.delete-case')).toBeNull();
      for (const id of ['c-queued', 'c-referenced', 'c-zhang', 'c-li', 'c-blank']) {
        expect(row(id).querySelector('button.delete-case')).not.toBeNull();
      }
      await expectNoAxeViolations(container);
    });

    for (const lang of ['zh', 'en'] as const) {
      it(`says a queued case will not be sent once deleted (${lang})`, async () => {
        const { container } = await openList(STATUS_CASES);
        if (lang === 'en') await fireEvent.click(byId('lang-en'));
        const dialog = await askToDelete('c-queued');
        expect(byId('delete-consequence').textContent).toBe(lang === 'zh' ? QUEUED_ZH : QUEUED_EN);
        expect(dialog.getAttribute('aria-describedby')).toBe('delete-warning delete-consequence');
        await expectNoAxeViolations(container);
      });

      it(`says deleting a submitted case does not withdraw it, with its reference number (${lang})`, async () => {
        const submitted = summary({ ...CASES[0]!, agency_reference: 'BJ2026112100017' });
        const { container } = await openList([submitted, ...CASES.slice(1)]);
        if (lang === 'en') await fireEvent.click(byId('lang-en'));
        const dialog = await askToDelete('c-zhang');
        expect(byId('delete-warning').textContent).toBe(
          lang === 'zh'
            ? '删除后无法恢复，申请人的资料和照片会从本机彻底清除。'
            : 'This cannot be undone: the applicant’s details and photos are removed from this computer for good.',
        );
        expect(byId('delete-consequence').textContent).toBe(
          lang === 'zh'
            ? `${SENT_ZH}受理编号：BJ2026112100017，如需查询请先记下。`
            : `${SENT_EN} Its reference number is BJ2026112100017: note it down first if you may need it.`,
        );
        expect(dialog.getAttribute('aria-describedby')).toBe('delete-warning delete-consequence');
        await expectNoAxeViolations(container);
        await fireEvent.click(byId('elderly-toggle'));
        await expectNoAxeViolations(container);
      });
    }

    it('names no reference number when the agency has given none, and follows the language', async () => {
      await openList(STATUS_CASES);
      await askToDelete('c-zhang');
      expect(byId('delete-consequence').textContent).toBe(SENT_ZH);
      await fireEvent.click(byId('lang-en'));
      expect(byId('delete-consequence').textContent).toBe(SENT_EN);
      await fireEvent.click(byId('cancel-delete'));
      await waitFor(() => expect(document.getElementById('delete-dialog')).toBeNull());

      // Any status past the agency's door says the same; a reference is named whichever it is.
      await askToDelete('c-li');
      expect(byId('delete-consequence').textContent).toBe(SENT_EN);
      await fireEvent.click(byId('cancel-delete'));
      await waitFor(() => expect(document.getElementById('delete-dialog')).toBeNull());
      await askToDelete('c-referenced');
      expect(byId('delete-consequence').textContent).toContain('Its reference number is BJ2026112100042');
    });

    it('adds nothing for a draft, which is only on this computer', async () => {
      const { container } = await openList(STATUS_CASES);
      const dialog = await askToDelete('c-blank');
      expect(byId('delete-warning').textContent).toBe('删除后无法恢复，申请人的资料和照片会从本机彻底清除。');
      expect(document.getElementById('delete-consequence')).toBeNull();
      expect(dialog.getAttribute('aria-describedby')).toBe('delete-warning');
      await expectNoAxeViolations(container);
    });

    for (const lang of ['zh', 'en'] as const) {
      it(`shows Rust’s refusal while the case is being sent, and keeps the case (${lang})`, async () => {
        const { backend, container } = await openList(STATUS_CASES);
        if (lang === 'en') await fireEvent.click(byId('lang-en'));
        // Listed as queued, but the outbox took it up meanwhile: Rust refuses.
        backend.fail.case_delete = BEING_SENT;
        await askToDelete('c-queued');
        await fireEvent.click(byId('confirm-delete'));
        const error = await waitFor(() => byId('delete-error'));
        expect(error.getAttribute('role')).toBe('alert');
        expect(error.textContent).toBe(lang === 'zh' ? BEING_SENT.message.zh : BEING_SENT.message.en);
        expect(byId('delete-dialog').hasAttribute('open')).toBe(true);
        await waitFor(() => expect(document.activeElement).toBe(byId('cancel-delete')));
        expect(backend.argsOf('case_delete')).toEqual([{ id: 'c-queued' }]);
        expect(rowIds()).toContain('c-queued');
        expect(backend.cases.map((c) => c.id)).toContain('c-queued');
        expect(byId('case-message').textContent?.trim()).toBe('');
        await expectNoAxeViolations(container);

        await fireEvent.click(byId('cancel-delete'));
        await waitFor(() => expect(document.getElementById('delete-dialog')).toBeNull());
        expect(rowIds()).toEqual(['c-sending', 'c-queued', 'c-referenced', 'c-zhang', 'c-li', 'c-blank']);
        expect(document.activeElement).toBe(deleteButton('c-queued'));
      });
    }
  });
});

describe('export and import', () => {
  const selectBox = (id: string) => document.querySelector<HTMLInputElement>(`input.select-case[value="${id}"]`)!;
  const selectAll = () => byId<HTMLInputElement>('select-all');
  const selectedCount = () => byId('selected-count').textContent?.trim();
  const PASSPHRASE = 'a long bundle passphrase';

  /** Selects the cases `ids`, presses "Export selected" and waits for the dialog. */
  async function openExport(ids: string[]) {
    for (const id of ids) await fireEvent.click(selectBox(id));
    await fireEvent.click(byId('export-selected'));
    return waitFor(() => byId('export-dialog'));
  }

  async function typePassphrases(passphrase: string, confirm = passphrase) {
    await typeInto('bundle-passphrase', passphrase);
    await typeInto('bundle-passphrase-confirm', confirm);
  }

  it('selects cases one by one or all those listed, each checkbox naming whose case it is', async () => {
    const { container } = await openList();
    expect(selectBox('c-zhang').labels?.[0]?.textContent?.trim()).toBe('选择张三的申请');
    expect(selectBox('c-blank').labels?.[0]?.textContent?.trim()).toBe(`选择未填写姓名的草稿（${localTime(CASES[2]!.created_at)}）`);
    expect(selectAll().labels?.[0]?.textContent?.trim()).toBe('选择列出的全部申请');
    expect(selectedCount()).toBe('未选择申请');
    expect(byId('export-selected').getAttribute('aria-describedby')).toBe('selected-count');

    await fireEvent.click(selectBox('c-zhang'));
    expect(selectBox('c-zhang').checked).toBe(true);
    expect(row('c-zhang').classList.contains('selected')).toBe(true);
    expect(selectedCount()).toBe('已选择 1 份申请');
    // Some selected: the checkbox for all says so.
    expect(selectAll().checked).toBe(false);
    expect(selectAll().indeterminate).toBe(true);
    await expectNoAxeViolations(container);

    await fireEvent.click(selectAll());
    expect(['c-zhang', 'c-li', 'c-blank'].map((id) => selectBox(id).checked)).toEqual([true, true, true]);
    expect(selectAll().checked).toBe(true);
    expect(selectAll().indeterminate).toBe(false);
    expect(selectedCount()).toBe('已选择 3 份申请');
    await fireEvent.click(selectAll());
    expect(['c-zhang', 'c-li', 'c-blank'].map((id) => selectBox(id).checked)).toEqual([false, false, false]);
    expect(selectedCount()).toBe('未选择申请');

    // A selection outlives a search: cases found by two searches go into one bundle.
    await fireEvent.click(selectBox('c-zhang'));
    await typeInto('case-search', '李');
    await waitFor(() => expect(rowIds()).toEqual(['c-li']));
    expect(selectAll().checked).toBe(false);
    await fireEvent.click(selectAll());
    expect(selectedCount()).toBe('已选择 2 份申请');

    await fireEvent.click(byId('lang-en'));
    expect(selectBox('c-li').labels?.[0]?.textContent?.trim()).toBe('Select 李四’s application');
    expect(selectAll().labels?.[0]?.textContent?.trim()).toBe('Select all the applications listed');
    expect(selectedCount()).toBe('2 applications selected');
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  it('forgets a deleted case’s selection', async () => {
    await openList();
    await fireEvent.click(selectBox('c-zhang'));
    await fireEvent.click(row('c-zhang').querySelector<HTMLButtonElement>('button.delete-case')!);
    await fireEvent.click(await waitFor(() => byId('confirm-delete')));
    await waitFor(() => expect(rowIds()).toEqual(['c-li', 'c-blank']));
    expect(selectedCount()).toBe('未选择申请');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`asks to select cases first when none is (${lang})`, async () => {
      const { backend, container } = await openList();
      if (lang === 'en') await fireEvent.click(byId('lang-en'));
      await fireEvent.click(byId('export-selected'));
      const summaryBox = await waitFor(() => byId('selection-errors'));
      await waitFor(() => expect(document.activeElement).toBe(summaryBox));
      const message = lang === 'zh' ? '请先选择要导出的申请' : 'Select the applications to export first';
      const link = summaryBox.querySelector('a')!;
      expect(link.getAttribute('href')).toBe('#select-all');
      expect(link.textContent).toBe(message);
      expect(byId('selection-error').textContent).toContain(message);
      expect(selectAll().getAttribute('aria-invalid')).toBe('true');
      expect(selectAll().getAttribute('aria-describedby')).toBe('selection-error');
      expect(document.getElementById('export-dialog')).toBeNull();
      expect(backend.argsOf('cases_export')).toEqual([]);
      await expectNoAxeViolations(container);

      await fireEvent.click(link);
      expect(document.activeElement).toBe(selectAll());
      await fireEvent.click(selectBox('c-li'));
      expect(document.getElementById('selection-errors')).toBeNull();
      expect(document.getElementById('selection-error')).toBeNull();
      expect(selectAll().hasAttribute('aria-invalid')).toBe(false);
    });
  }

  it('gives each error summary on the page its own id, each linking to its own field', async () => {
    const { container } = await openList();
    /** Every id in the document that more than one element has. */
    const duplicateIds = () => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    };
    const linkIn = (id: string) => byId(id).querySelector('a')!;

    // Nothing selected, then the new-case panel asked to start with no choice: two summaries at once.
    await fireEvent.click(byId('export-selected'));
    await waitFor(() => byId('selection-errors'));
    await fireEvent.click(byId('new-case'));
    await fireEvent.click(byId('new-case-start'));
    await waitFor(() => byId('new-case-errors'));
    expect(byId('selection-errors').isConnected).toBe(true);
    expect(document.querySelectorAll('.error-summary')).toHaveLength(2);
    expect(document.getElementById('error-summary')).toBeNull();
    expect(duplicateIds()).toEqual([]);
    expect(linkIn('selection-errors').getAttribute('href')).toBe('#select-all');
    expect(linkIn('new-case-errors').getAttribute('href')).toBe('#new-flow-bj-individual');
    await fireEvent.click(linkIn('selection-errors'));
    expect(document.activeElement).toBe(selectAll());
    await fireEvent.click(linkIn('new-case-errors'));
    expect(document.activeElement).toBe(byId('new-flow-bj-individual'));
    await expectNoAxeViolations(container);

    // The import dialog's own summary beside the new-case panel's (opening it clears the selection's).
    await fireEvent.click(byId('import-bundle'));
    await waitFor(() => byId('import-dialog'));
    await fireEvent.click(byId('confirm-import'));
    await waitFor(() => byId('bundle-errors'));
    expect(document.getElementById('selection-errors')).toBeNull();
    expect(byId('new-case-errors').isConnected).toBe(true);
    expect(byId('bundle-errors').closest('dialog')).toBe(byId('import-dialog'));
    expect(duplicateIds()).toEqual([]);
    expect(linkIn('bundle-errors').getAttribute('href')).toBe('#bundle-passphrase');
    await fireEvent.click(linkIn('bundle-errors'));
    expect(document.activeElement).toBe(byId('bundle-passphrase'));
    await expectNoAxeViolations(container);
  });

  it('links the error to the search when no case is listed', async () => {
    await openList([]);
    await fireEvent.click(byId('export-selected'));
    const summaryBox = await waitFor(() => byId('selection-errors'));
    expect(summaryBox.querySelector('a')?.getAttribute('href')).toBe('#case-search');
  });

  it('asks for a passphrase typed twice, checking the two are the same', async () => {
    const { backend, container } = await openList();
    const dialog = await openExport(['c-zhang', 'c-blank']);
    expect(dialog.getAttribute('aria-labelledby')).toBe('export-heading');
    expect(dialog.getAttribute('aria-describedby')).toBe('export-warning');
    expect(byId('export-heading').textContent).toBe('导出 2 份申请');
    expect([...dialog.querySelectorAll('.chosen li')].map((li) => li.textContent)).toEqual([
      '张三 · 本人申领社会保障卡 · 已提交',
      '未填写姓名 · 本人申领社会保障卡 · 草稿',
    ]);
    expect(byId('export-warning').textContent).toContain('接收的电脑导入时需要输入这个口令');
    expect(byId('export-warning').textContent).toContain('个人资料');
    // The form's first field has focus; the store's minimum is said up front.
    expect(document.activeElement).toBe(byId('bundle-passphrase'));
    await waitFor(() => expect(byId('bundle-passphrase-hint').textContent).toContain('至少8个字符'));
    expect(byId('bundle-passphrase').getAttribute('aria-describedby')).toBe('bundle-passphrase-hint');
    expect(document.querySelector('label[for="bundle-passphrase"]')?.textContent).toBe('案件包口令');
    expect(document.querySelector('label[for="bundle-passphrase-confirm"]')?.textContent).toBe('再输入一次口令');
    // Enter in a field confirms: the confirm button submits the dialog's form.
    expect(byId<HTMLButtonElement>('confirm-export').type).toBe('submit');
    expect(byId('confirm-export').getAttribute('form')).toBe('bundle-form');
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('confirm-export'));
    let summaryBox = await waitFor(() => byId('bundle-errors'));
    expect(summaryBox.closest('dialog')).toBe(dialog);
    await waitFor(() => expect(document.activeElement).toBe(summaryBox));
    expect(byId('bundle-passphrase-error').textContent).toContain('请输入案件包口令');

    await typePassphrases(PASSPHRASE, 'a long bundle passfrase');
    await fireEvent.click(byId('confirm-export'));
    await waitFor(() => expect(byId('bundle-passphrase-confirm-error').textContent).toContain('两次输入的口令不一样'));
    summaryBox = byId('bundle-errors');
    await waitFor(() => expect(document.activeElement).toBe(summaryBox));
    expect(summaryBox.querySelector('a')?.getAttribute('href')).toBe('#bundle-passphrase-confirm');
    const confirm = byId('bundle-passphrase-confirm');
    expect(confirm.getAttribute('aria-invalid')).toBe('true');
    expect(confirm.getAttribute('aria-describedby')).toBe('bundle-passphrase-confirm-error');
    expect(byId('bundle-passphrase').hasAttribute('aria-invalid')).toBe(false);
    expect(byId<HTMLButtonElement>('confirm-export').disabled).toBe(false);
    expect(backend.argsOf('cases_export')).toEqual([]);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(byId('export-heading').textContent).toBe('Export 2 applications');
    expect(byId('bundle-passphrase-confirm-error').textContent).toContain('The two passphrases are different');
    expect(byId('export-warning').textContent).toContain('needs this passphrase');
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`shows Rust’s refusal of a weak passphrase at the field (${lang})`, async () => {
      const { backend, container } = await openList();
      if (lang === 'en') await fireEvent.click(byId('lang-en'));
      await openExport(['c-li']);
      await typePassphrases('short');
      await fireEvent.click(byId('confirm-export'));
      const error = await waitFor(() => byId('bundle-passphrase-error'));
      const message = lang === 'zh' ? WEAK_PASSPHRASE.message.zh : WEAK_PASSPHRASE.message.en;
      expect(error.textContent).toContain(message);
      const summaryBox = byId('bundle-errors');
      await waitFor(() => expect(document.activeElement).toBe(summaryBox));
      expect(summaryBox.querySelector('a')?.getAttribute('href')).toBe('#bundle-passphrase');
      expect(summaryBox.querySelector('a')?.textContent).toBe(message);
      const input = byId('bundle-passphrase');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toBe('bundle-passphrase-hint bundle-passphrase-error');
      expect(backend.argsOf('cases_export')).toEqual([{ ids: ['c-li'], passphrase: 'short' }]);
      expect(byId<HTMLButtonElement>('confirm-export').disabled).toBe(false);
      expect(byId('bundle-running').textContent?.trim()).toBe('');
      await expectNoAxeViolations(container);
    });
  }

  it('exports, saying so while it runs and where the bundle went', async () => {
    const { backend, container } = await openList();
    await openExport(['c-zhang', 'c-blank']);
    await typePassphrases(PASSPHRASE);
    const saving = deferred<void>();
    backend.hold.cases_export = saving.promise;
    await fireEvent.click(byId('confirm-export'));

    const running = byId('bundle-running');
    expect(running.getAttribute('role')).toBe('status');
    await waitFor(() => expect(running.textContent).toContain('正在导出…'));
    expect(byId<HTMLButtonElement>('confirm-export').disabled).toBe(true);
    expect(byId<HTMLButtonElement>('cancel-export').disabled).toBe(true);
    expect(byId('confirm-export').textContent?.trim()).toBe('正在导出…');
    await expectNoAxeViolations(container);

    saving.resolve();
    await waitFor(() => expect(document.getElementById('export-dialog')).toBeNull());
    expect(backend.argsOf('cases_export')).toEqual([{ ids: ['c-zhang', 'c-blank'], passphrase: PASSPHRASE }]);
    const result = byId('bundle-result');
    expect(result.getAttribute('role')).toBe('status');
    expect(result.textContent?.trim()).toBe('已导出 2 份申请到 banka-20261121-1405.banka');
    expect(document.activeElement).toBe(result);
    // Done with: the selection is cleared.
    expect(selectedCount()).toBe('未选择申请');
    expect(selectBox('c-zhang').checked).toBe(false);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(result.textContent?.trim()).toBe('Exported 2 applications to banka-20261121-1405.banka');
    await expectNoAxeViolations(container);
  });

  it('changes nothing on Cancel, or when the save dialog is cancelled', async () => {
    const { backend } = await openList();
    await openExport(['c-li']);
    await fireEvent.click(byId('cancel-export'));
    await waitFor(() => expect(document.getElementById('export-dialog')).toBeNull());
    expect(document.activeElement).toBe(byId('export-selected'));

    backend.savedAs = null;
    await fireEvent.click(byId('export-selected'));
    await waitFor(() => byId('export-dialog'));
    await typePassphrases(PASSPHRASE);
    await fireEvent.click(byId('confirm-export'));
    await waitFor(() => expect(document.getElementById('export-dialog')).toBeNull());
    expect(backend.argsOf('cases_export')).toEqual([{ ids: ['c-li'], passphrase: PASSPHRASE }]);
    expect(document.activeElement).toBe(byId('export-selected'));
    expect(byId('bundle-result').textContent?.trim()).toBe('');
    expect(selectedCount()).toBe('已选择 1 份申请');
    expect(selectBox('c-li').checked).toBe(true);
  });

  it('goes to the unlock screen when the store got locked meanwhile', async () => {
    const { backend } = await openList();
    await openExport(['c-li']);
    await typePassphrases(PASSPHRASE);
    backend.fail.cases_export = LOCKED;
    backend.store = 'locked';
    await fireEvent.click(byId('confirm-export'));
    await waitFor(() => byId('unlock-passphrase'));
    expect(document.getElementById('export-dialog')).toBeNull();
  });

  it('imports a bundle, reports what it did and lists the cases again', async () => {
    const { backend, container } = await openList();
    await typeInto('case-search', '张');
    await waitFor(() => expect(rowIds()).toEqual(['c-zhang']));

    await fireEvent.click(byId('import-bundle'));
    const dialog = await waitFor(() => byId('import-dialog'));
    expect(byId('import-heading').textContent).toBe('导入案件包');
    expect(dialog.getAttribute('aria-describedby')).toBe('import-warning');
    expect(byId('import-warning').textContent).toContain('.banka');
    expect(document.activeElement).toBe(byId('bundle-passphrase'));
    expect(document.getElementById('bundle-passphrase-confirm')).toBeNull();
    await expectNoAxeViolations(container);

    await typeInto('bundle-passphrase', BUNDLE_PASSPHRASE);
    const reading = deferred<void>();
    backend.hold.cases_import = reading.promise;
    await fireEvent.click(byId('confirm-import'));
    await waitFor(() => expect(byId('bundle-running').textContent).toContain('正在导入…'));
    expect(byId<HTMLButtonElement>('cancel-import').disabled).toBe(true);
    reading.resolve();

    await waitFor(() => expect(document.getElementById('import-dialog')).toBeNull());
    expect(backend.argsOf('cases_import')).toEqual([{ passphrase: BUNDLE_PASSPHRASE }]);
    // The whole list again: the new case and the newer copy are in it.
    expect(rowIds()).toEqual(['c-li', 'c-zhang', 'c-blank', 'c-wang']);
    expect(backend.argsOf('case_list').at(-1)).toEqual({ query: { limit: 20 } });
    expect(byId<HTMLInputElement>('case-search').value).toBe('');
    expect(row('c-li').dataset.status).toBe('submitted');
    expect(cells('c-wang')[0]).toBe('王晓明');
    expect(count()).toBe('共 4 件');

    const result = byId('bundle-result');
    expect(result.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(result);
    expect(result.querySelector('h2')?.textContent).toBe('案件包已导入');
    expect(result.textContent).toContain('新增 1 份，更新 1 份，跳过 2 份');
    const skipped = () => [...result.querySelectorAll('li')].map((li) => li.textContent?.trim());
    expect(skipped()).toEqual([
      '张三：本机已有此案件的相同或更新版本。',
      '编号 c-elsewhere：此案件在两台电脑上都有修改，为免丢失，保留了本机的版本。请在一台电脑上核对后重新导出。',
    ]);
    await expectNoAxeViolations(container);

    await fireEvent.click(byId('lang-en'));
    expect(result.querySelector('h2')?.textContent).toBe('Bundle imported');
    expect(result.textContent).toContain('1 added, 1 updated, 2 skipped');
    expect(skipped()[0]).toBe('张三: this machine already has the same or a newer copy.');
    expect(skipped()[1]).toMatch(/^Case c-elsewhere: the case was changed on both machines/);
    await expectNoAxeViolations(container);
    await fireEvent.click(byId('elderly-toggle'));
    await expectNoAxeViolations(container);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`shows why a bundle cannot be imported, in the dialog (${lang})`, async () => {
      const { backend, container } = await openList();
      if (lang === 'en') await fireEvent.click(byId('lang-en'));
      await fireEvent.click(byId('import-bundle'));
      await waitFor(() => byId('import-dialog'));

      // Nothing typed: asked for before Rust is.
      await fireEvent.click(byId('confirm-import'));
      await waitFor(() => byId('bundle-passphrase-error'));
      expect(backend.argsOf('cases_import')).toEqual([]);

      // A wrong passphrase or a damaged file: Rust cannot tell which, so no field is marked.
      await typeInto('bundle-passphrase', 'not the passphrase');
      await fireEvent.click(byId('confirm-import'));
      const pick = (e: IpcError) => e.message[lang];
      await waitFor(() => expect(byId('bundle-errors').textContent).toContain(pick(BAD_BUNDLE)));
      const summaryBox = byId('bundle-errors');
      await waitFor(() => expect(document.activeElement).toBe(summaryBox));
      expect(summaryBox.querySelector('a')).toBeNull();
      expect(byId('bundle-passphrase').hasAttribute('aria-invalid')).toBe(false);
      expect(byId('import-dialog').hasAttribute('open')).toBe(true);
      expect(byId<HTMLInputElement>('bundle-passphrase').value).toBe('not the passphrase');
      expect(rowIds()).toEqual(['c-zhang', 'c-li', 'c-blank']);
      await expectNoAxeViolations(container);

      // An error about the passphrase itself: marked at the field, which is cleared to type afresh.
      backend.fail.cases_import = { ...WRONG_PASSPHRASE, field: 'passphrase' };
      await fireEvent.click(byId('confirm-import'));
      await waitFor(() => expect(byId('bundle-passphrase-error').textContent).toContain(pick(WRONG_PASSPHRASE)));
      const input = byId<HTMLInputElement>('bundle-passphrase');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toBe('bundle-passphrase-error');
      expect(input.value).toBe('');
      expect(byId('bundle-errors').querySelector('a')?.getAttribute('href')).toBe('#bundle-passphrase');
      await expectNoAxeViolations(container);

      await fireEvent.keyDown(byId('import-dialog'), { key: 'Escape' });
      await waitFor(() => expect(document.getElementById('import-dialog')).toBeNull());
      expect(document.activeElement).toBe(byId('import-bundle'));
      expect(byId('bundle-result').textContent?.trim()).toBe('');
    });
  }

  it('changes nothing when the open dialog is cancelled', async () => {
    const { backend } = await openList();
    backend.bundle = null;
    await fireEvent.click(byId('import-bundle'));
    await waitFor(() => byId('import-dialog'));
    await typeInto('bundle-passphrase', BUNDLE_PASSPHRASE);
    await fireEvent.click(byId('confirm-import'));
    await waitFor(() => expect(document.getElementById('import-dialog')).toBeNull());
    expect(document.activeElement).toBe(byId('import-bundle'));
    expect(byId('bundle-result').textContent?.trim()).toBe('');
    expect(backend.argsOf('case_list')).toHaveLength(1);
  });
});
