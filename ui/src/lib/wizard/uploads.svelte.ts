/**
 * A documents step's uploads, each document on its own: what is being done to it (one thing at a
 * time: uploading, fixing), what its last check found and its fix changed, why the last try
 * failed, and a preview of the stored picture (an object URL, let go once replaced, removed or
 * the page is left). No DOM here.
 */
import type { CaseView } from '../../bindings/CaseView';
import type { DocumentKind } from '../../bindings/DocumentKind';
import type { Localized } from '../../bindings/Localized';
import type { PhotoCheck } from '../../bindings/PhotoCheck';
import type { Upload } from '../../bindings/Upload';
import {
  acceptDocument,
  addDocument,
  documentPreview,
  fixDocument,
  pickDocument,
  removeDocument,
  toIpcError,
  useDefaultChildPhoto,
  type IpcError,
} from '../ipc';

export interface UploadState {
  busy: 'uploading' | 'fixing' | null;
  check: PhotoCheck | null;
  changes: Localized[];
  error: IpcError | null;
  preview: string | null;
}

export class Uploads {
  #states = $state<Record<string, UploadState>>({});

  readonly #caseId: () => string;
  readonly #onView: (view: CaseView) => void;
  readonly #canPreview = typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function';

  /** `onView`: the case as an upload left it (what is missing changes with each upload). */
  constructor(caseId: () => string, onView: (view: CaseView) => void) {
    this.#caseId = caseId;
    this.#onView = onView;
  }

  /** What this page did with `kind`; none before anything was. */
  of(kind: DocumentKind): UploadState | undefined {
    return this.#states[kind];
  }

  #stateOf(kind: DocumentKind): UploadState {
    this.#states[kind] ??= { busy: null, check: null, changes: [], error: null, preview: null };
    return this.#states[kind];
  }

  #preview(s: UploadState, picture: Blob): void {
    if (!this.#canPreview) return;
    if (s.preview) URL.revokeObjectURL(s.preview);
    s.preview = URL.createObjectURL(picture);
  }

  async #loadPreview(kind: DocumentKind): Promise<void> {
    if (!this.#canPreview) return;
    try {
      const bytes = await documentPreview(this.#caseId(), kind);
      this.#preview(this.#stateOf(kind), new Blob([bytes as BlobPart]));
    } catch {
      // No preview: the upload itself is still recorded.
    }
  }

  /** Previews the pictures stored before the page opened, of the documents it asks for. */
  showStored(view: CaseView): void {
    for (const info of view.documents) {
      const kind = info.kind as DocumentKind;
      if (view.evaluation.required_documents.includes(kind)) void this.#loadPreview(kind);
    }
  }

  /**
   * Stores a picture for `kind` by `action` (null: the person cancelled) and shows its check and
   * preview: from `local` (the file the page read) when given, else the stored picture.
   */
  async #store(kind: DocumentKind, busy: UploadState['busy'], action: () => Promise<Upload | null>, local?: Blob): Promise<void> {
    const s = this.#stateOf(kind);
    if (s.busy) return;
    s.busy = busy;
    s.error = null;
    let stored: CaseView | null = null;
    try {
      const result = await action();
      if (!result) return;
      s.check = result.check;
      s.changes = result.changes;
      stored = result.view;
      if (local) this.#preview(s, local);
      else await this.#loadPreview(kind);
    } catch (e) {
      s.error = toIpcError(e);
    } finally {
      s.busy = null;
      // The case as the upload left it, once the page no longer says it is busy.
      if (stored) this.#onView(stored);
    }
  }

  /** The picture chosen in the system's file dialog. */
  pick(kind: DocumentKind): Promise<void> {
    return this.#store(kind, 'uploading', () => pickDocument(this.#caseId(), kind));
  }

  /** A file the page was given (its file input, a drop). */
  add(kind: DocumentKind, file: File): Promise<void> {
    return this.#store(kind, 'uploading', async () => addDocument(this.#caseId(), kind, file.name, new Uint8Array(await file.arrayBuffer())), file);
  }

  /** The default cartoon card photo. */
  useDefault(kind: DocumentKind): Promise<void> {
    return this.#store(kind, 'uploading', () => useDefaultChildPhoto(this.#caseId()));
  }

  fix(kind: DocumentKind): Promise<void> {
    return this.#store(kind, 'fixing', () => fixDocument(this.#caseId(), kind));
  }

  /** Uses the stored picture despite its advice; true once recorded (the case is to be read again). */
  async accept(kind: DocumentKind): Promise<boolean> {
    const s = this.#stateOf(kind);
    s.error = null;
    try {
      await acceptDocument(this.#caseId(), kind);
    } catch (e) {
      s.error = toIpcError(e);
      return false;
    }
    s.check = null;
    return true;
  }

  /** Removes the stored picture and forgets its check; the error when it could not. */
  async remove(kind: DocumentKind): Promise<IpcError | null> {
    try {
      await removeDocument(this.#caseId(), kind);
    } catch (e) {
      return toIpcError(e);
    }
    const s = this.#stateOf(kind);
    if (s.preview) URL.revokeObjectURL(s.preview);
    this.#states[kind] = { ...s, check: null, changes: [], error: null, preview: null };
    return null;
  }

  /** Leaving the page: the previews are let go. */
  dispose(): void {
    for (const s of Object.values(this.#states)) if (s.preview) URL.revokeObjectURL(s.preview);
  }
}
