// Words in the shape Rust sends them, for the fake backend and the tests' expectations.

import * as OpenCC from 'opencc-js';
import type { Localized } from '../bindings/Localized';

const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** `zh` and `en` with a 繁體 as OpenCC's s2tw seeds it (Rust adds the reviewed glossary on top);
 *  what a test needs is each language real and told apart. */
export const localized = (zh: string, en: string): Localized => ({ zh, 'zh-Hant': traditional(zh), en });

/** The same text in every language (a name, what a person typed), as Rust's `Localized::same`. */
export const same = (text: string): Localized => ({ zh: text, 'zh-Hant': text, en: text });
