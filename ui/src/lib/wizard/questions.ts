// Elderly mode asks one question per page. A form step's visible fields become its pages: each
// field that can be answered on its own page, and fields only shown to be checked (locked,
// derived) together on one, since they ask nothing.
import type { FieldState } from '../../bindings/FieldState';

const readOnly = (f: FieldState) => f.status === 'locked' || f.status === 'derived';

export function questionPages(fields: readonly FieldState[]): FieldState[][] {
  const pages: FieldState[][] = [];
  for (const field of fields) {
    const last = pages.at(-1);
    if (last && readOnly(field) && last.every(readOnly)) last.push(field);
    else pages.push([field]);
  }
  return pages;
}
