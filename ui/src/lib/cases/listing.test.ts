// The case list's data without a page: only the latest search's answer is shown, typing waits for
// a pause, pages add up without listing a case twice.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseSummary } from '../../bindings/CaseSummary';
import type { Query } from '../../bindings/Query';
import { CASES, ipcError } from '../../test/fixtures';
import { deferred } from '../../test/helpers';
import { CaseListing, PAGE, SEARCH_DELAY_MS } from './listing.svelte';

type Page = { cases: CaseSummary[]; total: number };

/** case_list answered by the test, one request at a time. */
function backend() {
  const asked: { query: Query; answer: ReturnType<typeof deferred<Page>> }[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== 'case_list') throw new Error(`unexpected ${cmd}`);
    const answer = deferred<Page>();
    asked.push({ query: (args as { query: Query }).query, answer });
    return answer.promise;
  });
  return asked;
}

describe('case listing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    clearMocks();
  });

  it('shows only the latest search’s answer, whatever order they come in', async () => {
    const asked = backend();
    const listing = new CaseListing(() => false);
    const first = listing.load();
    listing.text = '张';
    const second = listing.search();
    expect(asked.map((a) => a.query)).toEqual([{ limit: PAGE }, { limit: PAGE, text: '张' }]);
    asked[1]!.answer.resolve({ cases: [CASES[0]!], total: 1 });
    await second;
    asked[0]!.answer.resolve({ cases: CASES, total: 3 });
    await first;
    expect(listing.cases).toEqual([CASES[0]]);
    expect(listing.shownFiltered).toBe(true);
    expect(listing.loading).toBe(false);
  });

  it('searches once typing pauses, with the filter, and clears both on showAll', async () => {
    const asked = backend();
    const listing = new CaseListing(() => false);
    listing.status = 'draft';
    listing.type('1');
    listing.type('13800');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 1);
    expect(asked).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked.map((a) => a.query)).toEqual([{ limit: PAGE, text: '13800', status: 'draft' }]);
    asked[0]!.answer.resolve({ cases: [], total: 0 });
    void listing.showAll();
    expect(asked[1]!.query).toEqual({ limit: PAGE });
    expect([listing.text, listing.status]).toEqual(['', '']);
  });

  it('adds the next page without a case twice, and keeps count of what is added and removed', async () => {
    const asked = backend();
    const listing = new CaseListing(() => false);
    const first = listing.load();
    asked[0]!.answer.resolve({ cases: CASES.slice(0, 2), total: 3 });
    await first;
    expect(listing.more).toBe(true);
    const next = listing.load(true);
    expect(asked[1]!.query).toEqual({ limit: PAGE, offset: 2 });
    asked[1]!.answer.resolve({ cases: CASES.slice(1), total: 3 });
    await next;
    expect(listing.cases.map((c) => c.id)).toEqual(CASES.map((c) => c.id));
    expect(listing.more).toBe(false);
    listing.remove(CASES[0]!.id);
    expect([listing.cases.length, listing.total]).toEqual([2, 2]);
    listing.add(CASES[0]!);
    listing.add(CASES[0]!);
    expect(listing.cases[0]).toEqual(CASES[0]);
    expect(listing.total).toBe(3);
  });

  it('leaves a locked store to the app and keeps any other failure to show', async () => {
    const asked = backend();
    const locked: string[] = [];
    const listing = new CaseListing((e) => (e.code === 'locked' ? (locked.push(e.code), true) : false));
    const first = listing.load();
    asked[0]!.answer.reject(ipcError('locked', '已锁定', 'Locked'));
    await first;
    expect(listing.error).toBeNull();
    expect(locked).toEqual(['locked']);
    const second = listing.load();
    asked[1]!.answer.reject(ipcError('internal', '出错', 'Failed'));
    await second;
    expect(listing.error?.code).toBe('internal');
    expect(listing.loaded).toBe(false);
  });
});
