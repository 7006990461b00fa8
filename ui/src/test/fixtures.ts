// Canned answers shaped like the Rust side's: ValidationReports (banka-rules report.rs), flows,
// case summaries and IpcErrors.
import type { AgencySettings } from '../bindings/AgencySettings';
import type { CaseSummary } from '../bindings/CaseSummary';
import type { CaseView } from '../bindings/CaseView';
import type { FieldError as EngineError } from '../bindings/FieldError';
import type { FieldState } from '../bindings/FieldState';
import type { StepState } from '../bindings/StepState';
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

// --- A case in the wizard (commands/cases.rs CaseView, banka-flows engine.rs Evaluation). ---


/** A small flow: "your details" (name, ID number, gender), the card photo, check answers. */
export const WIZARD_STEPS: StepState[] = [
  { id: 'basic-info', title_zh: '基本信息', title_en: 'Your details', kind: 'form', visible: true, complete: false, blocked: false },
  { id: 'uploads', title_zh: '上传照片', title_en: 'Photo', kind: 'documents', visible: true, complete: false, blocked: true },
  { id: 'check-answers', title_zh: '核对您的信息', title_en: 'Check your answers', kind: 'check-answers', visible: true, complete: false, blocked: true },
];

export const WIZARD_FIELDS: FieldState[] = [
  { path: 'applicant.name', step: 'basic-info', label_zh: '姓名', label_en: 'Name', input: 'text', status: 'required', value: null, defaulted: false },
  { path: 'applicant.id_number', step: 'basic-info', label_zh: '身份证号码', label_en: 'ID number', input: 'id-number', status: 'required', value: null, defaulted: false },
  {
    path: 'applicant.gender',
    step: 'basic-info',
    label_zh: '性别',
    label_en: 'Gender',
    input: 'choice',
    status: 'required',
    value: null,
    defaulted: false,
    options: [
      { value: 'male', zh: '男', en: 'Male' },
      { value: 'female', zh: '女', en: 'Female' },
    ],
  },
];

/** The engine's "required" error for a field, shaped like Rust's. */
export function missingError(field: string, zh: string, en: string): EngineError {
  return {
    field,
    code: 'required',
    severity: 'error',
    field_zh: zh,
    field_en: en,
    message_zh: `请填写${zh}`,
    message_en: `Enter the ${en.toLowerCase()}`,
  };
}

/**
 * What the engine makes of `answers` in the small flow: an error per missing answer, steps
 * complete when their fields (or the photo) have none, rows for check answers.
 */
export function evaluateWizard(id: string, answers: Record<string, unknown>, hasPhoto: boolean, status: CaseView['summary']['status'] = 'draft', reference: string | null = null): CaseView {
  const errors: EngineError[] = [];
  const fields = WIZARD_FIELDS.map((f) => ({ ...f, value: (answers[f.path] ?? null) as FieldState['value'] }));
  for (const f of fields) {
    if (f.value === null || f.value === '') errors.push(missingError(f.path, f.label_zh, f.label_en));
  }
  if (!hasPhoto) errors.push(missingError('documents.card_photo', '制卡照片', 'Card photo'));
  const basicOk = !errors.some((e) => e.field.startsWith('applicant.'));
  const steps: StepState[] = [
    { ...WIZARD_STEPS[0]!, complete: basicOk },
    { ...WIZARD_STEPS[1]!, complete: hasPhoto, blocked: !basicOk },
    { ...WIZARD_STEPS[2]!, complete: true, blocked: !basicOk || !hasPhoto },
  ];
  const answerOf = (path: string, lang: 'zh' | 'en') => {
    const v = answers[path];
    if (v === undefined || v === null) return lang === 'zh' ? '未填写' : 'Not given';
    const option = WIZARD_FIELDS.find((f) => f.path === path)?.options?.find((o) => o.value === v);
    return option ? option[lang] : String(v);
  };
  return {
    summary: summary({ id, status, agency_reference: reference, applicant_name: String(answers['applicant.name'] ?? '') }),
    answers: answers as CaseView['answers'],
    documents: hasPhoto
      ? [{ kind: 'card_photo', sha256: 'ab', file_name: 'me.jpg', size: 10, width: 358, height: 441, checks: null, added_at: '2026-11-20T01:00:00Z' }]
      : [],
    evaluation: {
      flow: 'bj-individual',
      version: 1,
      steps,
      fields,
      required_documents: ['card_photo'],
      missing_documents: hasPhoto ? [] : ['card_photo'],
      allowed_collection_methods: [],
      locked_fields: [],
      errors,
      warnings: [],
      revisit: [],
      next_flow: null,
      check_answers: [
        {
          step: 'basic-info',
          title_zh: '基本信息',
          title_en: 'Your details',
          rows: WIZARD_FIELDS.map((f) => ({
            path: f.path,
            label_zh: f.label_zh,
            label_en: f.label_en,
            answer_zh: answerOf(f.path, 'zh'),
            answer_en: answerOf(f.path, 'en'),
          })),
        },
        {
          step: 'uploads',
          title_zh: '上传照片',
          title_en: 'Photo',
          rows: [
            {
              path: 'documents.card_photo',
              label_zh: '制卡照片',
              label_en: 'Card photo',
              answer_zh: hasPhoto ? '已上传' : '未上传',
              answer_en: hasPhoto ? 'Uploaded' : 'Not uploaded',
            },
          ],
        },
      ],
      answers_to_submit: {},
      ready: errors.length === 0,
    },
  };
}
