// What every screen shares, held once instead of passed down through every component: the
// display settings (language, elderly mode), the UI's words in that language and the flow
// catalogue. App.svelte loads and saves the settings; any component reads `app.lang`,
// `app.elderly`, `app.t` and `app.flows`.

import type { FlowTitle } from '../bindings/FlowTitle';
import { MESSAGES, type Lang, type Messages } from './i18n';
import { listFlows } from './ipc';
import { DEFAULT_SETTINGS } from './settings';

class AppState {
  lang = $state<Lang>(DEFAULT_SETTINGS.lang);
  elderly = $state(DEFAULT_SETTINGS.elderly);
  /** The UI's words in the current language. */
  readonly t: Messages = $derived(MESSAGES[this.lang]);
  /** The flows there are (flow_list): empty until Rust answers, or when it could not (a flow
   *  then shows as its id). */
  flows = $state<FlowTitle[]>([]);
  #flowsAsked = false;

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
    this.flows = [];
    this.#flowsAsked = false;
  }
}

export const app = new AppState();
