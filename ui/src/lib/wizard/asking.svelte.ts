/**
 * Asking the agency the flow's due questions (eligibility once the applicant is known, an
 * employer's banks or employees): on opening, on leaving a step, on request, and again by itself
 * while a question could not be asked (offline). One question at a time; no DOM here.
 */
import type { CaseView } from '../../bindings/CaseView';
import { askAgency, toIpcError, type IpcError } from '../ipc';

/** How often the agency is asked again while a question waits for it (offline). */
export const ASK_AGAIN_MS = 15000;

export class Asking {
  asking = $state(false);
  /** Why the agency could not be asked (none set up is not an error: it is asked when sent). */
  error = $state<IpcError | null>(null);

  readonly #caseId: () => string;
  readonly #onAnswered: (view: CaseView) => void;
  readonly #handled: (error: IpcError) => boolean;

  constructor(caseId: () => string, onAnswered: (view: CaseView) => void, handled: (error: IpcError) => boolean) {
    this.#caseId = caseId;
    this.#onAnswered = onAnswered;
    this.#handled = handled;
  }

  async ask(): Promise<void> {
    if (this.asking) return;
    this.error = null;
    this.asking = true;
    try {
      this.#onAnswered(await askAgency(this.#caseId()));
    } catch (e) {
      const error = toIpcError(e);
      if (error.code !== 'agency_not_configured' && !this.#handled(error)) this.error = error;
    } finally {
      this.asking = false;
    }
  }

  /** Asks again every `ASK_AGAIN_MS` while `ready()` says nothing is being typed; the stop function. */
  retry(ready: () => boolean): () => void {
    const timer = setInterval(() => {
      if (ready()) void this.ask();
    }, ASK_AGAIN_MS);
    return () => clearInterval(timer);
  }
}
