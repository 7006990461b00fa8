// A settings form's save without a page: one at a time, the screen's errors cleared first, the
// form's own check before Rust, Rust's error tied to its input, a locked store left to the app.
import { describe, expect, it, vi } from 'vitest';
import { ipcError } from '../test/fixtures';
import { deferred } from '../test/helpers';
import { uiError, type FieldError } from './errors';
import type { IpcError } from './ipc';
import { Submitting } from './submitting.svelte';

function form() {
  const shown: FieldError[][] = [];
  const submitting = new Submitting({
    onErrors: (found) => shown.push(found),
    handled: (error) => error.code === 'locked',
    fields: { endpoint: 'agency-endpoint' },
  });
  return { submitting, shown };
}

describe('submitting', () => {
  it('clears the errors, is busy while it is sent, ignores a second submit meanwhile, then is done', async () => {
    const { submitting, shown } = form();
    const answer = deferred<void>();
    let sent = 0;
    const first = submitting.submit(() => (sent++, answer.promise));
    expect(submitting.busy).toBe(true);
    expect(shown).toEqual([[]]);
    expect(await submitting.submit(() => (sent++, answer.promise))).toBe(false);
    await vi.waitFor(() => expect(sent).toBe(1));
    answer.resolve();
    expect(await first).toBe(true);
    expect([submitting.busy, submitting.done]).toEqual([false, true]);
  });

  it('shows what the check finds without sending', async () => {
    const { submitting, shown } = form();
    const missing = uiError('passphrase-new', (m) => m.settings.errNewPassphraseMissing);
    let sent = false;
    expect(await submitting.submit(async () => void (sent = true), () => [missing])).toBe(false);
    expect(sent).toBe(false);
    expect(shown).toEqual([[missing]]);
    expect(submitting.done).toBe(false);
  });

  it('ties Rust’s error to the input its field names, whether it is thrown or given back', async () => {
    const { submitting, shown } = form();
    const refused = ipcError('bad_endpoint', '地址不对', 'Wrong address', 'endpoint');
    expect(await submitting.submit(() => Promise.reject(refused))).toBe(false);
    expect(shown.at(-1)).toEqual([{ field: 'agency-endpoint', message: refused.message }]);
    const general = ipcError('internal', '出错', 'Failed');
    expect(await submitting.submit(async (): Promise<IpcError> => general)).toBe(false);
    expect(shown.at(-1)).toEqual([{ message: general.message }]);
    expect([submitting.busy, submitting.done]).toEqual([false, false]);
  });

  it('leaves a locked store to the app', async () => {
    const { submitting, shown } = form();
    expect(await submitting.submit(() => Promise.reject(ipcError('locked', '已锁定', 'Locked')))).toBe(false);
    expect(shown).toEqual([[]]);
  });
});
