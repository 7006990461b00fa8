// Errors shown on a form: in the error summary and, when they belong to a field, beside it.
// Each carries every language (like Rust's), so a language switch re-renders them in place.

import type { Localized } from '../bindings/Localized';
import { words, type Messages } from './i18n';
import type { IpcError } from './ipc';

export interface FieldError {
  /** The id of the input the error is about; none for errors no field can fix (a damaged key file). */
  field?: string;
  message: Localized;
}

/** An error the UI found itself, from the message that `message` takes out of each language. */
export function uiError(field: string, message: (t: Messages) => string): FieldError {
  return { field, message: words(message) };
}

/** An error from Rust, tied to `field` when there is one. */
export function ipcFieldError(e: IpcError, field?: string): FieldError {
  return field === undefined ? { message: e.message } : { field, message: e.message };
}

/** The error about `field`, if any (what the inline message shows). */
export function errorFor(errors: readonly FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => e.field === field);
}
