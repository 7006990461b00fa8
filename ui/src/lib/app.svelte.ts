// What every screen shares, held once instead of passed down through every component: the
// display settings (language, elderly mode) and the UI's words in that language. App.svelte
// loads and saves the settings; any component reads `app.lang`, `app.elderly` and `app.t`.

import { MESSAGES, type Lang, type Messages } from './i18n';
import { DEFAULT_SETTINGS } from './settings';

class AppState {
  lang = $state<Lang>(DEFAULT_SETTINGS.lang);
  elderly = $state(DEFAULT_SETTINGS.elderly);
  /** The UI's words in the current language. */
  readonly t: Messages = $derived(MESSAGES[this.lang]);

  /** Back to what the window opens with (tests start each from here). */
  reset(): void {
    this.lang = DEFAULT_SETTINGS.lang;
    this.elderly = DEFAULT_SETTINGS.elderly;
  }
}

export const app = new AppState();
