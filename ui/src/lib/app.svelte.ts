// What every screen shares, held once instead of passed down through every component: the
// settings (language, elderly mode, the operator's name), the UI's words in that language, the
// flow catalogue, and whether a screen found the case store locked. App.svelte loads and saves the
// settings and shows the unlock screen; any component reads `app.lang`, `app.elderly`,
// `app.operator`, `app.t` and `app.flows`, and hands a locked answer to `app.lockedOut`.

import type { FlowTitle } from '../bindings/FlowTitle';
import { MESSAGES, type Lang, type Messages } from './i18n';
import { listFlows, type IpcError } from './ipc';
import { DEFAULT_SETTINGS } from './settings';

class AppState {
  lang = $state<Lang>(DEFAULT_SETTINGS.lang);
  elderly = $state(DEFAULT_SETTINGS.elderly);
  /** The operator's name as saved (none: not given): cases are recorded under what Rust has. */
  operator = $state<string | null>(DEFAULT_SETTINGS.operator);
  /** The UI's words in the current language. */
  readonly t: Messages = $derived(MESSAGES[this.lang]);
  /** The flows there are (flow_list): empty until Rust answers, or when it could not (a flow
   *  then shows as its id). */
  flows = $state<FlowTitle[]>([]);
  #flowsAsked = false;
  /** Rust told a screen that the case store is locked: App.svelte shows the unlock screen until
   *  it is open again. */
  storeLocked = $state(false);

  /** Whether `error` is Rust saying the case store is locked. No screen shows that itself: the
   *  app goes to the unlock screen instead. An arrow, so that it can be handed on as it is. */
  readonly lockedOut = (error: IpcError): boolean => {
    if (error.code !== 'locked') return false;
    this.storeLocked = true;
    return true;
  };

  /** Reads the flow catalogue the first time a screen needs it; after a failure the next screen
   *  asks again. */
  loadFlows(): void {
    if (this.#flowsAsked) return;
    this.#flowsAsked = true;
    listFlows()
      .then((flows) => (this.flows = flows))
      .catch(() => (this.#flowsAsked = false));
  }

  /** Back to what the window opens with (tests start each from here). */
  reset(): void {
    this.lang = DEFAULT_SETTINGS.lang;
    this.elderly = DEFAULT_SETTINGS.elderly;
    this.operator = DEFAULT_SETTINGS.operator;
    this.flows = [];
    this.#flowsAsked = false;
    this.storeLocked = false;
  }
}

export const app = new AppState();
