// Element ids the wizard gives its inputs: the error summary links to them, and tests find them.
import type { JsonValue } from '../../bindings/serde_json/JsonValue';

/** The id of a field's input (for radios and checkboxes: the first one's). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The id of a document's file input (its error is `documents.<kind>`). */
export function documentId(kind: string): string {
  return `doc-${kind}`;
}

/** Where an engine error about `path` points: a field's input or a document's file input. */
export function targetId(path: string): string {
  return path.startsWith('documents.') ? documentId(path.slice('documents.'.length)) : fieldId(path);
}

/** Whether two JSON values are the same (options are compared by value). */
export function sameValue(a: JsonValue | null | undefined, b: JsonValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A value as the text inputs show it. */
export function asText(value: JsonValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
