// Errors shown on a form: in the error summary and, when they belong to a field, beside it.
// Each carries both languages (like Rust's), so a language switch re-renders them in place.

import { MESSAGES, type Messages } from './i18n';
import type { IpcError } from './ipc';

export interface FieldError {
  /** The id of the input the error is about; none for errors no field can fix (a damaged key file). */
  field?: string;
  message_zh: string;
  message_en: string;
}

/** An error the UI found itself, from the message that `pick` takes out of each language. */
export function uiError(field: string, pick: (t: Messages) => string): FieldError {
  return { field, message_zh: pick(MESSAGES.zh), message_en: pick(MESSAGES.en) };
}

/** An error from Rust, tied to `field` when there is one. */
export function ipcFieldError(e: IpcError, field?: string): FieldError {
  return field === undefined
    ? { message_zh: e.message_zh, message_en: e.message_en }
    : { field, message_zh: e.message_zh, message_en: e.message_en };
}

/** The error about `field`, if any (what the inline message shows). */
export function errorFor(errors: readonly FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => e.field === field);
}
