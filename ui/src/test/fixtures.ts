// Canned answers shaped like the Rust side's: ValidationReports (banka-rules report.rs), flows,
// case summaries and IpcErrors.
import type { AgencySettings } from '../bindings/AgencySettings';
import type { CaseSummary } from '../bindings/CaseSummary';
import type { Finding } from '../bindings/Finding';
import type { FlowTitle } from '../bindings/FlowTitle';
import type { IpcError } from '../bindings/IpcError';
import type { OutboxState } from '../bindings/OutboxState';
import type { ValidationReport } from '../bindings/ValidationReport';

export const VALID_ID = '11010519491231002X';

export const validId: ValidationReport = {
  valid: true,
  normalized: VALID_ID,
  errors: [],
  warnings: [],
  kind: 'citizen_id',
  birth_date: '1949-12-31',
  gender: 'female',
  region: '北京市朝阳区',
  age: 76,
};

export const BAD_ID = '110105194912310021';

export const checkCharacter: Finding = {
  code: 'check_character',
  severity: 'error',
  field_zh: '证件号码',
  field_en: 'ID number',
  message_zh: '证件号码的最后一位（校验码）与前面各位不符，可能有一位输错或两位颠倒，请对照证件逐位核对。',
  message_en:
    'The last character of the ID number (the check character) does not match the others: one may be mistyped or two swapped. Check it against the card.',
};

export const birthDateInFuture: Finding = {
  code: 'birth_date_future',
  severity: 'error',
  field_zh: '证件号码',
  field_en: 'ID number',
  message_zh: '证件号码中的出生日期（第7至14位）晚于今天，请核对出生年份。',
  message_en: 'The date of birth in the ID number (characters 7 to 14) is after today. Check the year of birth.',
};

export const invalidId: ValidationReport = {
  valid: false,
  normalized: BAD_ID,
  errors: [checkCharacter, birthDateInFuture],
  warnings: [],
};

export const OLD_ID = '110105491231002';

export const upgradedFrom15: Finding = {
  code: 'upgraded_from_15',
  severity: 'warning',
  field_zh: '证件号码',
  field_en: 'ID number',
  message_zh: '这是15位的旧证件号码，已按国家标准转换为18位。请核对新号码与身份证上的号码一致。',
  message_en:
    'This is an old 15-digit ID number; it has been converted to 18 characters by the national standard. Check that the new number matches the card.',
};

export const upgradedId: ValidationReport = {
  valid: true,
  normalized: '110105194912310021',
  errors: [],
  warnings: [upgradedFrom15],
  kind: 'citizen_id',
  birth_date: '1949-12-31',
  gender: 'male',
  region: '北京市朝阳区',
  age: 76,
};

export const hkPermit: ValidationReport = {
  valid: true,
  normalized: 'H12345678',
  errors: [],
  warnings: [],
  kind: 'hk_macau_travel_permit',
  region: '香港',
};

export const postalNotBeijing: ValidationReport = {
  valid: true,
  normalized: '200001',
  errors: [],
  warnings: [
    {
      code: 'postal_code_not_beijing',
      severity: 'warning',
      field_zh: '邮政编码',
      field_en: 'postal code',
      message_zh: '北京地址的邮政编码通常以10开头，请确认邮政编码与地址一致。',
      message_en: 'A Beijing address usually has a postal code starting with 10. Check that it matches the address.',
    },
  ],
};

/** What the mock answers for a value it was not given: a generic length error. */
export function lengthError(value: string): ValidationReport {
  return {
    valid: false,
    normalized: value,
    errors: [
      {
        code: 'length',
        severity: 'error',
        field_zh: '证件号码',
        field_en: 'ID number',
        message_zh: `证件号码应为18位或15位，您输入了${value.length}位。请对照证件逐位核对。`,
        message_en: `The ID number should have 18 or 15 characters; you entered ${value.length}. Check it against the card.`,
      },
    ],
    warnings: [],
  };
}

// --- The case store: flows, cases and errors shaped like the Rust side's (commands/cases.rs). ---

export const FLOWS: FlowTitle[] = [
  { id: 'bj-individual', title_zh: '本人申领社会保障卡', title_en: 'Apply for your own card', elderly: false },
  { id: 'bj-minor', title_zh: '为18岁以下孩子代办', title_en: 'Apply for a child under 18', elderly: false },
  { id: 'bj-retiree', title_zh: '退休人员申领社会保障卡', title_en: 'Apply for your card as a retiree', elderly: true },
];

/** A case summary with everything given a plain default. */
export function summary(over: Partial<CaseSummary> & { id: string }): CaseSummary {
  return {
    flow_id: 'bj-individual',
    flow_version: 1,
    status: 'draft',
    created_at: '2026-11-20T01:00:00Z',
    updated_at: '2026-11-20T01:00:00Z',
    operator: null,
    agency_reference: null,
    status_reason: null,
    applicant_name: '',
    applicant_id_number_masked: '',
    applicant_mobile_masked: '',
    ...over,
  };
}

/** Three cases, newest change first (as case_list orders them). */
export const CASES: CaseSummary[] = [
  summary({
    id: 'c-zhang',
    status: 'submitted',
    updated_at: '2026-11-21T06:05:00Z',
    applicant_name: '张三',
    applicant_id_number_masked: '1101**********002X',
    applicant_mobile_masked: '138****8000',
  }),
  summary({
    id: 'c-li',
    flow_id: 'bj-retiree',
    status: 'rejected',
    status_reason: '照片不合格',
    updated_at: '2026-11-20T23:30:00Z',
    applicant_name: '李四',
    applicant_id_number_masked: '1101**********0021',
    applicant_mobile_masked: '139****0000',
  }),
  summary({ id: 'c-blank', updated_at: '2026-11-19T08:00:00Z' }),
];

export function ipcError(code: string, message_zh: string, message_en: string, field?: string): IpcError {
  return field === undefined ? { code, message_zh, message_en } : { code, message_zh, message_en, field };
}

export const WRONG_PASSPHRASE = ipcError(
  'wrong_passphrase',
  '口令不正确，请重新输入（注意大小写）。',
  'The passphrase is wrong. Type it again (it is case-sensitive).',
);

export const WEAK_PASSPHRASE = ipcError(
  'weak_passphrase',
  '口令太短：请至少使用 8 个字符。',
  'The passphrase is too short: use at least 8 characters.',
);

export const LOCKED = ipcError(
  'locked',
  '数据已加密，请先输入口令解锁。',
  'The data is encrypted: enter the passphrase to unlock it.',
);

export const DATABASE_ERROR = ipcError(
  'database',
  '数据库出错，本次修改未保存（之前保存的内容都在）。请重试；如仍出错，请联系技术支持。',
  'A database error stopped this change (everything saved before is safe). Try again; if it persists, contact support.',
);

// --- The agency settings and the outbox (commands/agency.rs). ---

/** Nothing set up yet: no endpoint, no token, no training. */
export const AGENCY_UNSET: AgencySettings = { endpoint: null, has_token: false, training: false, training_url: null };

export const AGENCY_ENDPOINT = 'https://api.example.gov.cn/banka';

/** A real agency, with its token saved. */
export const AGENCY_SET: AgencySettings = {
  endpoint: AGENCY_ENDPOINT,
  has_token: true,
  training: false,
  training_url: null,
};

/** Where the in-process practice agency answers (loopback, a port of its own). */
export const TRAINING_URL = 'http://127.0.0.1:47613';

export const HTTP_ENDPOINT = ipcError(
  'insecure_endpoint',
  '接口地址必须以 https:// 开头（只有本机地址可以用 http://）。',
  'The endpoint must start with https:// (only this computer’s own address may use http://).',
  'endpoint',
);

/** An empty outbox and no sender: nothing is set up. */
export const OUTBOX_IDLE: OutboxState = {
  queued: 0,
  sending: 0,
  failed: 0,
  sender: 'not_configured',
  problem_zh: null,
  problem_en: null,
};
