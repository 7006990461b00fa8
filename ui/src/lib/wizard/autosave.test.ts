// The wizard's autosave without a page: the order of saves, typing pauses, failures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../../bindings/CaseView';
import type { JsonValue } from '../../bindings/serde_json/JsonValue';
import { deferred } from '../../test/helpers';
import { ipcError, summary, wizardView } from '../../test/fixtures';
import { Autosave, TYPING_DELAY_MS } from './autosave.svelte';

/** A backend whose every save waits until the test lets it answer. */
function backend() {
  const sent: { path: string; value: JsonValue | null; answer: ReturnType<typeof deferred<CaseView>> }[] = [];
  const shown: CaseView[] = [];
  const handled: string[] = [];
  const saver = new Autosave({
    send: (path, value) => {
      const answer = deferred<CaseView>();
      sent.push({ path, value, answer });
      return answer.promise;
    },
    onSaved: (view) => shown.push(view),
    handled: (error) => {
      if (error.code !== 'locked') return false;
      handled.push(error.code);
      return true;
    },
  });
  return { saver, sent, shown, handled };
}

const view = (name: string) => wizardView('ui-small', summary({ id: 'c1' }), { 'applicant.name': name }, false);

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves one answer after another, and shows the last one’s case', async () => {
    const { saver, sent, shown } = backend();
    const first = saver.save('applicant.name', '王');
    const second = saver.save('applicant.name', '王小明');
    expect(saver.state).toBe('saving');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    sent[0]!.answer.resolve(view('王'));
    await first;
    expect(saver.state).toBe('saving');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.value).toBe('王小明');
    sent[1]!.answer.resolve(view('王小明'));
    await second;
    expect(shown.map((v) => v.answers['applicant.name'])).toEqual(['王', '王小明']);
    expect(saver.state).toBe('saved');
    expect(saver.idle).toBe(true);
  });

  it('saves typing once it pauses, with the last text, or at once when the field is left', async () => {
    const { saver, sent } = backend();
    saver.type('applicant.name', '王');
    vi.advanceTimersByTime(TYPING_DELAY_MS - 1);
    saver.type('applicant.name', '王小');
    vi.advanceTimersByTime(TYPING_DELAY_MS - 1);
    expect(sent).toHaveLength(0);
    expect(saver.idle).toBe(false);
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => expect(sent.map((s) => s.value)).toEqual(['王小']));

    saver.type('applicant.phone', '138');
    expect(saver.flush('applicant.phone')).toBe(true);
    expect(saver.flush('applicant.phone')).toBe(false);
    sent[0]!.answer.resolve(view('王小'));
    await vi.waitFor(() => expect(sent.map((s) => s.value)).toEqual(['王小', '138']));
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    expect(sent).toHaveLength(2);
  });

  it('flushAll saves what was typed and waits for every save', async () => {
    const { saver, sent } = backend();
    saver.type('applicant.name', '王小明');
    const all = saver.flushAll();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    let done = false;
    void all.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    sent[0]!.answer.resolve(view('王小明'));
    await all;
    expect(saver.state).toBe('saved');
  });

  it('keeps the error of a failed save until one succeeds, and leaves a locked store to the app', async () => {
    const { saver, sent, handled } = backend();
    const failing = saver.save('applicant.name', '王');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    sent[0]!.answer.reject(ipcError('disk_full', '磁盘已满', 'The disk is full'));
    await failing;
    expect(saver.state).toBe('failed');
    expect(saver.error?.code).toBe('disk_full');

    const locked = saver.save('applicant.name', '王');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    sent[1]!.answer.reject(ipcError('locked', '已锁定', 'Locked'));
    await locked;
    expect(handled).toEqual(['locked']);
    expect(saver.error?.code).toBe('disk_full');

    const again = saver.save('applicant.name', '王');
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    sent[2]!.answer.resolve(view('王'));
    await again;
    expect(saver.error).toBeNull();
    expect(saver.state).toBe('saved');
  });

  it('tells of each answer as its save starts', async () => {
    const told: string[] = [];
    const saver = new Autosave({ send: async () => view('王'), onSaved: () => {}, handled: () => false, onAnswer: (p) => told.push(p) });
    saver.type('applicant.sms_code', '1234');
    expect(told).toEqual([]);
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    await saver.flushAll();
    expect(told).toEqual(['applicant.sms_code']);
  });
});
