/**
 * The wizard's autosave: every answer is saved as it is given, one save after another, so that
 * the evaluation shown is the last answer's. Typing is saved after a pause, or at once when the
 * field is left (`flush`); leaving the page saves what was typed (`leave`). No DOM here.
 */
import type { CaseView } from '../../bindings/CaseView';
import type { JsonValue } from '../../bindings/serde_json/JsonValue';
import { toIpcError, type IpcError } from '../ipc';

/** How long typing pauses before the answer is saved. */
export const TYPING_DELAY_MS = 400;

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface AutosaveOptions {
  /** Saves one answer; resolves with the case as it now is. */
  send: (path: string, value: JsonValue | null) => Promise<CaseView>;
  onSaved: (view: CaseView) => void;
  /** An error another screen shows (a locked store): true when it was taken care of there. */
  handled: (error: IpcError) => boolean;
  /** Told of each answer as its save starts. */
  onAnswer?: (path: string) => void;
  delayMs?: number;
}

export class Autosave {
  state = $state<SaveState>('idle');
  /** Why the last save failed; cleared by the next one that succeeds. */
  error = $state<IpcError | null>(null);

  readonly #options: AutosaveOptions;
  #chain: Promise<unknown> = Promise.resolve();
  #inFlight = 0;
  readonly #typing = new Map<string, { timer: ReturnType<typeof setTimeout>; value: JsonValue | null }>();

  constructor(options: AutosaveOptions) {
    this.#options = options;
  }

  /** Nothing typed waits and nothing is being saved. */
  get idle(): boolean {
    return this.#typing.size === 0 && this.#inFlight === 0;
  }

  /** Saves `value` after the saves before it. */
  save(path: string, value: JsonValue | null): Promise<unknown> {
    const waiting = this.#typing.get(path);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.#typing.delete(path);
    }
    this.#options.onAnswer?.(path);
    this.#inFlight += 1;
    this.state = 'saving';
    const run = this.#chain.then(async () => {
      try {
        this.#options.onSaved(await this.#options.send(path, value));
        this.error = null;
      } catch (e) {
        const error = toIpcError(e);
        if (!this.#options.handled(error)) this.error = error;
      } finally {
        this.#inFlight -= 1;
        if (this.idle) this.state = this.error ? 'failed' : 'saved';
      }
    });
    this.#chain = run;
    return run;
  }

  /** Typing: saved once it pauses. */
  type(path: string, value: JsonValue | null): void {
    const waiting = this.#typing.get(path);
    if (waiting) clearTimeout(waiting.timer);
    this.state = 'saving';
    this.#typing.set(path, {
      value,
      timer: setTimeout(() => {
        this.#typing.delete(path);
        void this.save(path, value);
      }, this.#options.delayMs ?? TYPING_DELAY_MS),
    });
  }

  /** Saves what was typed into `path` now; false when nothing waited. */
  flush(path: string): boolean {
    const waiting = this.#typing.get(path);
    if (!waiting) return false;
    void this.save(path, waiting.value);
    return true;
  }

  /** Saves everything typed now, and waits for every save. */
  async flushAll(): Promise<void> {
    this.leave();
    await this.#chain;
  }

  /** Saves everything typed now (the page is going away). */
  leave(): void {
    for (const [path, waiting] of [...this.#typing]) void this.save(path, waiting.value);
  }
}
