/**
 * A settings form's save: busy while it is sent (a second submit meanwhile is ignored), done once
 * it went through (until the next try), and what stopped it sent to the screen's one error summary
 * (`onErrors`), tied to the input Rust's `field` names. No DOM here.
 */
import { ipcFieldError, type FieldError } from './errors';
import { toIpcError, type IpcError } from './ipc';

export interface SubmittingOptions {
  /** Shows these errors (none: clears them). */
  onErrors: (found: FieldError[]) => unknown;
  /** An error another screen shows (a locked store): true when it was taken care of there. */
  handled: (error: IpcError) => boolean;
  /** Rust's `field` on a refused value → the id of the input it is about. */
  fields: Record<string, string>;
}

export class Submitting {
  busy = $state(false);
  done = $state(false);

  readonly #options: SubmittingOptions;

  constructor(options: SubmittingOptions) {
    this.#options = options;
  }

  /**
   * Sends the form with `send`, which rejects with (or resolves to) the error that stopped it,
   * unless `check` finds what is wrong without asking Rust. True once it went through.
   */
  async submit(send: () => Promise<IpcError | null | void>, check?: () => FieldError[]): Promise<boolean> {
    if (this.busy) return false;
    this.done = false;
    const found = check?.() ?? [];
    if (found.length > 0) {
      await this.#options.onErrors(found);
      return false;
    }
    this.busy = true;
    await this.#options.onErrors([]);
    let error: IpcError | null = null;
    try {
      error = (await send()) ?? null;
    } catch (e) {
      error = toIpcError(e);
    }
    this.busy = false;
    if (error) {
      const field = error.field === undefined ? undefined : this.#options.fields[error.field];
      if (!this.#options.handled(error)) await this.#options.onErrors([ipcFieldError(error, field)]);
      return false;
    }
    this.done = true;
    return true;
  }
}
