// SMS verification codes: a field with `sms_to` (from the flow) holds the code sent to the mobile
// number of that field.
import type { ErrorCode } from '../../bindings/ErrorCode';
import type { FieldError } from '../../bindings/FieldError';
import type { FieldState } from '../../bindings/FieldState';
import type { Localized } from '../../bindings/Localized';
import { words } from '../i18n';
import { toIpcError, verifySmsCode, type IpcError } from '../ipc';

/** The mobile number (as saved) that `field`'s code is sent to (the flow's `sms_to`); null while
 *  none is given or the field is no SMS code. */
export function smsMobile(field: FieldState, fields: readonly FieldState[]): string | null {
  const value = fields.find((f) => f.path === field.sms_to && f.status !== 'hidden')?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Failures that say nothing about the code (no agency, no network): the agency checks it later. */
const NOT_ASKED: readonly ErrorCode[] = ['agency_not_configured', 'agency_unavailable', 'agency_unauthorized', 'bad_endpoint', 'internal'];

/** Whether the agency looked at the code and refused it. */
export function refusedCode(error: IpcError): boolean {
  return !NOT_ASKED.includes(error.code);
}

/**
 * Checks with the agency the codes among `shown` that were typed since the case opened
 * (`unverified`, from which the accepted ones are taken out). Returns the error of each code the
 * agency refused; a code it could not be asked about (none set up, offline) stays unverified, and
 * the agency checks it when the case is sent.
 */
export async function checkCodes(
  shown: readonly FieldState[],
  fields: readonly FieldState[],
  unverified: Set<string>,
): Promise<FieldError[]> {
  const refused: FieldError[] = [];
  for (const field of shown) {
    const code = typeof field.value === 'string' ? field.value.trim() : '';
    const mobile = smsMobile(field, fields);
    if (!unverified.has(field.path) || code === '' || !mobile) continue;
    let refusal: Localized | null = null;
    try {
      if (!(await verifySmsCode(mobile, code)).verified) refusal = words((t) => t.wizard.smsWrong);
    } catch (e) {
      const error = toIpcError(e);
      if (!refusedCode(error)) continue;
      refusal = error.message;
    }
    if (!refusal) {
      unverified.delete(field.path);
      continue;
    }
    refused.push({ field: field.path, code: 'sms_code_wrong', severity: 'error', label: field.label, message: refusal });
  }
  return refused;
}
