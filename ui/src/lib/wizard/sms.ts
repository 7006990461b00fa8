// SMS verification codes: a field with `sms_to` (from the flow) holds the code sent to the mobile
// number of that field.
import type { FieldState } from '../../bindings/FieldState';
import type { IpcError } from '../ipc';

/** The mobile number (as saved) that `field`'s code is sent to (the flow's `sms_to`); null while
 *  none is given or the field is no SMS code. */
export function smsMobile(field: FieldState, fields: readonly FieldState[]): string | null {
  const value = fields.find((f) => f.path === field.sms_to && f.status !== 'hidden')?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Failures that say nothing about the code (no agency, no network): the agency checks it later. */
const NOT_ASKED = ['agency_not_configured', 'agency_unavailable', 'agency_unauthorized', 'bad_endpoint', 'internal'];

/** Whether the agency looked at the code and refused it. */
export function refusedCode(error: IpcError): boolean {
  return !NOT_ASKED.includes(error.code);
}
