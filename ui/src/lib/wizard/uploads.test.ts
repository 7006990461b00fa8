// A documents step's uploads without a page: busy one thing at a time, the check and the case an
// upload gives, previews made and let go, removal and "use anyway".
import { mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../../bindings/CaseView';
import type { Upload } from '../../bindings/Upload';
import { PHOTO_CHECK, ipcError, summary, wizardView } from '../../test/fixtures';
import { deferred } from '../../test/helpers';
import { localized } from '../../test/localized';
import { Uploads } from './uploads.svelte';

const stored = wizardView('ui-small', summary({ id: 'c1' }), {}, true);
const upload: Upload = { document: stored.documents[0]!, check: PHOTO_CHECK, changes: [localized('已裁剪', 'Cropped')], view: stored };

/** Rust's document commands, each answered by the test; the object URLs jsdom lacks. */
function backend() {
  const asked: { cmd: string; answer: ReturnType<typeof deferred<unknown>> }[] = [];
  mockIPC((cmd) => {
    const answer = deferred<unknown>();
    asked.push({ cmd, answer });
    return answer.promise;
  });
  const answer = async (cmd: string, value: unknown) => {
    await vi.waitFor(() => expect(asked.find((a) => a.cmd === cmd)).toBeDefined());
    asked.find((a) => a.cmd === cmd)!.answer.resolve(value);
  };
  const views: CaseView[] = [];
  const uploads = new Uploads(() => 'c1', (v) => views.push(v));
  return { asked, answer, views, uploads };
}

describe('uploads', () => {
  let urls: number;
  const url = URL as unknown as Record<'createObjectURL' | 'revokeObjectURL', unknown>;
  beforeEach(() => {
    urls = 0;
    url.createObjectURL = vi.fn(() => `blob:${++urls}`);
    url.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    delete url.createObjectURL;
    delete url.revokeObjectURL;
  });

  it('is busy with one thing at a time, then shows the check, the stored picture and the case', async () => {
    const { asked, answer, views, uploads } = backend();
    const picking = uploads.pick('card_photo');
    expect(uploads.of('card_photo')?.busy).toBe('uploading');
    await uploads.fix('card_photo');
    await answer('document_pick', upload);
    await answer('document_preview', new ArrayBuffer(4));
    await picking;
    expect(asked.map((a) => a.cmd)).toEqual(['document_pick', 'document_preview']);
    expect(uploads.of('card_photo')).toMatchObject({ busy: null, check: PHOTO_CHECK, changes: upload.changes, error: null, preview: 'blob:1' });
    expect(views).toEqual([stored]);
  });

  it('previews a file from the file itself, and keeps why an upload failed', async () => {
    const { asked, answer, views, uploads } = backend();
    const file = new File(['jpeg'], 'me.jpg');
    const adding = uploads.add('card_photo', file);
    await answer('document_add', upload);
    await adding;
    expect(URL.createObjectURL).toHaveBeenCalledWith(file);
    expect(asked.map((a) => a.cmd)).toEqual(['document_add']);

    const fixing = uploads.fix('card_photo');
    expect(uploads.of('card_photo')?.busy).toBe('fixing');
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    asked[1]!.answer.reject(ipcError('internal', '出错', 'Failed'));
    await fixing;
    expect(uploads.of('card_photo')).toMatchObject({ busy: null, check: PHOTO_CHECK, error: { code: 'internal' } });
    expect(views).toHaveLength(1);
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const { answer, views, uploads } = backend();
    const picking = uploads.pick('card_photo');
    await answer('document_pick', null);
    await picking;
    expect(uploads.of('card_photo')).toMatchObject({ busy: null, check: null, preview: null });
    expect(views).toEqual([]);
  });

  it('removes a picture, letting its preview go, and says why it could not', async () => {
    const { asked, answer, uploads } = backend();
    const adding = uploads.add('card_photo', new File(['jpeg'], 'me.jpg'));
    await answer('document_add', upload);
    await adding;

    const failing = uploads.remove('card_photo');
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    asked[1]!.answer.reject(ipcError('locked', '已锁定', 'Locked'));
    expect((await failing)?.code).toBe('locked');
    expect(uploads.of('card_photo')?.check).toEqual(PHOTO_CHECK);

    const removing = uploads.remove('card_photo');
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    asked[2]!.answer.resolve(null);
    expect(await removing).toBeNull();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:1');
    expect(uploads.of('card_photo')).toMatchObject({ check: null, changes: [], error: null, preview: null });
  });

  it('records "use anyway", and lets every preview go on leaving', async () => {
    const { asked, answer, uploads } = backend();
    uploads.showStored(stored);
    await answer('document_preview', new ArrayBuffer(4));
    await vi.waitFor(() => expect(uploads.of('card_photo')?.preview).toBe('blob:1'));

    const accepting = uploads.accept('card_photo');
    await answer('document_accept', stored.documents[0]);
    expect(await accepting).toBe(true);
    const refused = uploads.accept('card_photo');
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    asked[2]!.answer.reject(ipcError('internal', '出错', 'Failed'));
    expect(await refused).toBe(false);
    expect(uploads.of('card_photo')?.error?.code).toBe('internal');

    uploads.dispose();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:1');
  });
});
