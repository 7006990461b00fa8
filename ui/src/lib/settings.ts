// Display settings (language, elderly mode), persisted in localStorage and applied to <html>.

import { HTML_LANG, type Lang } from './i18n';

export interface Settings {
  lang: Lang;
  elderly: boolean;
}

export const SETTINGS_KEY = 'banka.settings';

/** The class on <html> that turns on elderly mode (large text, large targets, more contrast). */
export const ELDERLY_CLASS = 'elderly';

export const DEFAULT_SETTINGS: Settings = { lang: 'zh', elderly: false };

export function loadSettings(): Settings {
  try {
    const raw = globalThis.localStorage?.getItem(SETTINGS_KEY);
    if (!raw) return { ...DEFAULT_SETTINGS };
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return { ...DEFAULT_SETTINGS };
    const { lang, elderly } = parsed as Record<string, unknown>;
    return {
      lang: lang === 'en' || lang === 'zh' ? lang : DEFAULT_SETTINGS.lang,
      elderly: elderly === true,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(settings: Settings): void {
  try {
    globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage may be unavailable (private mode, quota): the settings then last for this session.
  }
}

/** Sets `<html lang>` and the elderly-mode class. */
export function applySettings(settings: Settings, root: HTMLElement = document.documentElement): void {
  root.lang = HTML_LANG[settings.lang];
  root.classList.toggle(ELDERLY_CLASS, settings.elderly);
}
