// Display settings (language, elderly mode). Rust keeps them in its settings file (getSettings /
// saveSettings in ipc.ts); this module holds the defaults the app starts with and applies them to <html>.

import type { Settings } from '../bindings/Settings';
import { HTML_LANG } from './i18n';

export type { Settings };

/** The class on <html> that turns on elderly mode (large text, large targets, more contrast). */
export const ELDERLY_CLASS = 'elderly';

/** What the window shows until settings_get answers (the same as Rust's defaults). */
export const DEFAULT_SETTINGS: Settings = { lang: 'zh', elderly: false, operator: null };

/** Sets `<html lang>` and the elderly-mode class. */
export function applySettings(
  settings: Pick<Settings, 'lang' | 'elderly'>,
  root: HTMLElement = document.documentElement,
): void {
  root.lang = HTML_LANG[settings.lang];
  root.classList.toggle(ELDERLY_CLASS, settings.elderly);
}
