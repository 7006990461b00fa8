// SMS verification codes. A field whose path ends in `sms_code` holds the code sent to the mobile
// number of its own group (`proxy.sms_code` → `proxy.mobile`, `collection.recipient_sms_code` →
// `collection.recipient_mobile`), or else to the applicant's (`applicant.mobile`).
import type { FieldState } from '../../bindings/FieldState';
import type { IpcError } from '../ipc';

const CODE = 'sms_code';

export function isSmsCode(path: string): boolean {
  return path.endsWith(CODE);
}

/** The mobile number (as saved) that the code of `path` goes to; null while none is given. */
export function smsMobile(path: string, fields: readonly FieldState[]): string | null {
  const shown = (p: string) => fields.find((f) => f.path === p && f.status !== 'hidden');
  const field = shown(`${path.slice(0, -CODE.length)}mobile`) ?? shown('applicant.mobile');
  const value = field?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Failures that say nothing about the code (no agency, no network): the agency checks it later. */
const NOT_ASKED = ['agency_not_configured', 'agency_unavailable', 'agency_unauthorized', 'bad_endpoint', 'internal'];

/** Whether the agency looked at the code and refused it. */
export function refusedCode(error: IpcError): boolean {
  return !NOT_ASKED.includes(error.code);
}
