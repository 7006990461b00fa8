// Canned answers shaped like the Rust side's: ValidationReports (banka-rules report.rs), flows,
// case summaries and IpcErrors.
import type { AgencySettings } from '../bindings/AgencySettings';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { Status } from '../bindings/Status';
import type { CaseSummary } from '../bindings/CaseSummary';
import type { StatusFacts } from '../bindings/StatusFacts';
import statuses from '../bindings/statuses.json';
import type { CaseView } from '../bindings/CaseView';
import type { FieldError as EngineError } from '../bindings/FieldError';
import type { Finding } from '../bindings/Finding';
import type { FlowTitle } from '../bindings/FlowTitle';
import type { IpcError } from '../bindings/IpcError';
import type { OutboxState } from '../bindings/OutboxState';
import type { ValidationReport } from '../bindings/ValidationReport';
// For the wizard's step text, SMS codes, photo checks and reopening (the wizard helper's block at the end).
import type { PhotoCheck } from '../bindings/PhotoCheck';
// For the start screen and the pickers (the block at the end).
import type { Branch } from '../bindings/Branch';
import type { CodeItem } from '../bindings/CodeItem';
import type { CodeList } from '../bindings/CodeList';
import type { Directory } from '../bindings/Directory';
import type { Place } from '../bindings/Place';
import type { RegionChoices } from '../bindings/RegionChoices';
import { engineEvaluation, type TestFlow } from './engine';
import { localized } from './localized';

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
  label: localized('证件号码', 'ID number'),
  message: localized('证件号码的最后一位（校验码）与前面各位不符，可能有一位输错或两位颠倒，请对照证件逐位核对。', 'The last character of the ID number (the check character) does not match the others: one may be mistyped or two swapped. Check it against the card.'),
};

export const birthDateInFuture: Finding = {
  code: 'birth_date_future',
  severity: 'error',
  label: localized('证件号码', 'ID number'),
  message: localized('证件号码中的出生日期（第7至14位）晚于今天，请核对出生年份。', 'The date of birth in the ID number (characters 7 to 14) is after today. Check the year of birth.'),
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
  label: localized('证件号码', 'ID number'),
  message: localized('这是15位的旧证件号码，已按国家标准转换为18位。请核对新号码与身份证上的号码一致。', 'This is an old 15-digit ID number; it has been converted to 18 characters by the national standard. Check that the new number matches the card.'),
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
      label: localized('邮政编码', 'postal code'),
      message: localized('北京地址的邮政编码通常以10开头，请确认邮政编码与地址一致。', 'A Beijing address usually has a postal code starting with 10. Check that it matches the address.'),
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
        label: localized('证件号码', 'ID number'),
        message: localized(`证件号码应为18位或15位，您输入了${value.length}位。请对照证件逐位核对。`, `The ID number should have 18 or 15 characters; you entered ${value.length}. Check it against the card.`),
      },
    ],
    warnings: [],
  };
}

// --- The case store: flows, cases and errors shaped like the Rust side's (commands/cases.rs). ---

/** The channel's words at the end (seed 001's, for every flow here). */
export const WORDS: FlowTitle['words'] = {
  confirm: localized('是否确认提交个人申领？', 'Do you want to submit your application?'),
  done: localized('您已完成个人申领业务办理，请在个人中心我的办事中查看办事进度。', 'You have applied for your card. Follow its progress under My applications.'),
};

export const FLOWS: FlowTitle[] = [
  { id: 'bj-individual', jurisdiction: 'beijing', title: localized('本人申领社会保障卡', 'Apply for your own card'), elderly: false, words: WORDS, continues: null },
  { id: 'bj-minor', jurisdiction: 'beijing', title: localized('为18岁以下孩子代办', 'Apply for a child under 18'), elderly: false, words: WORDS, continues: null },
  { id: 'bj-retiree', jurisdiction: 'beijing', title: localized('退休人员申领社会保障卡', 'Apply for your card as a retiree'), elderly: true, words: WORDS, continues: null },
];

/** A case summary with everything given a plain default. */
/** What each status allows, as Rust says (generated by tests/bindings.rs from `Status::facts`). */
export const STATUS_FACTS = Object.fromEntries(statuses.map((s) => [s.status, s.facts])) as Record<Status, StatusFacts>;

/** `value` with every case summary in it given the facts of its status, as Rust answers. */
export function withFacts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withFacts) as T;
  // Only JSON-shaped values: bytes (previews) and other objects go back as they are.
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withFacts(v);
  if (typeof out.status === 'string' && typeof out.flow_id === 'string' && out.status in STATUS_FACTS) {
    out.facts = STATUS_FACTS[out.status as Status];
  }
  return out as T;
}

export function summary(over: Partial<CaseSummary> & { id: string }): CaseSummary {
  return {
    facts: STATUS_FACTS[over.status ?? 'draft'],
    flow_id: 'bj-individual',
    flow_version: 1,
    status: 'draft',
    created_at: '2026-11-20T01:00:00Z',
    updated_at: '2026-11-20T01:00:00Z',
    operator: null,
    agency_reference: null,
    status_reason: null,
    applied_on: null,
    applicant_name: '',
    applicant_id_number_masked: '',
    applicant_mobile_masked: '',
    ...over,
  };
}

/** A status reason in both languages, as the agency gives it. */
export const reason = localized;

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
    status_reason: reason('照片不合格', 'The photo was not accepted'),
    updated_at: '2026-11-20T23:30:00Z',
    applicant_name: '李四',
    applicant_id_number_masked: '1101**********0021',
    applicant_mobile_masked: '139****0000',
  }),
  summary({ id: 'c-blank', updated_at: '2026-11-19T08:00:00Z' }),
];

export function ipcError(code: ErrorCode, zh: string, en: string, field?: string): IpcError {
  const message = localized(zh, en);
  return field === undefined ? { code, message } : { code, message, field };
}

/** The agency refused, with its own code (as Rust passes it on). */
export function agencyRefusal(agency_code: string, zh: string, en: string, field?: string): IpcError {
  return { ...ipcError('agency_refused', zh, en, field), agency_code };
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
  'bad_endpoint',
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
  problem: null,
};

// --- A case in the wizard (commands/cases.rs CaseView): its evaluation is the real engine's, for
// the UI tests' small flows (test/engine.ts); the summary and documents are the store's part. ---

/** The sha256 the store gives the card photo (the engine sees an upload as its hash). */
export const PHOTO_SHA = 'ab';

/** The engine's "required" error for a field, shaped like Rust's (for a field shown alone). */
export function missingError(field: string, zh: string, en: string): EngineError {
  return {
    field,
    code: 'required',
    severity: 'error',
    label: localized(zh, en),
    message: localized(`请填写${zh}`, `Enter the ${en.toLowerCase()}`),
  };
}

/** A case of the UI tests' `flow` as Rust opens it: `summary` from the store, the card photo when
 *  stored (with `check`), and what the engine says of the answers and the upload. */
export function wizardView(
  flow: TestFlow,
  summary: CaseSummary,
  answers: Record<string, unknown>,
  photo: boolean,
  check: PhotoCheck | null = null,
  startedVersion: number | null = null,
): CaseView {
  const seen = photo ? { ...answers, 'documents.card_photo': PHOTO_SHA } : answers;
  return {
    summary,
    answers: answers as CaseView['answers'],
    documents: photo
      ? [{ kind: 'card_photo', sha256: PHOTO_SHA, file_name: 'me.jpg', size: 10, width: 358, height: 441, checks: check as CaseView['documents'][number]['checks'], added_at: '2026-11-20T01:00:00Z' }]
      : [],
    evaluation: engineEvaluation({ flow, started_version: startedVersion, answers: seen }),
  };
}

// --- The start screen and the pickers: every flow, the region cascade, the bank directory
// (commands/pickers.rs; the sample directory of banka-agency server/banks.rs). ---

/** Every flow the engine ships (FLOWS holds the first three). */
export const ALL_FLOWS: FlowTitle[] = [
  ...FLOWS,
  { id: 'bj-employer-open', jurisdiction: 'beijing', title: localized('单位开通集体申请', 'Open your organisation’s collective application'), elderly: false, words: WORDS, continues: null },
  { id: 'bj-employer-submit', jurisdiction: 'beijing', title: localized('职工申请信息提交', 'Submit your employees’ applications'), elderly: false, words: WORDS, continues: null },
  {
    id: 'bj-employee-confirm',
    jurisdiction: 'beijing',
    title: localized('单位集体申请：个人信息确认', 'Confirm your details for your employer’s collective application'),
    elderly: false,
    words: WORDS,
    continues: null,
  },
  { id: 'gd-individual', jurisdiction: 'guangdong', title: localized('社保卡申领（本人申领）', 'Apply for your own card (Guangdong)'), elderly: false, words: WORDS, continues: null },
  { id: 'gd-minor', jurisdiction: 'guangdong', title: localized('代未成年子女申领社保卡', 'Apply for your child under 18 (Guangdong)'), elderly: false, words: WORDS, continues: null },
  { id: 'gd-card-cleanup', jurisdiction: 'guangdong', title: localized('一人一卡清理', 'One person, one card: clean up other cards'), elderly: false, words: WORDS, continues: 'gd-individual' },
];

/** A few places of GB/T 2260: a municipality (its own only city) and a province of several cities. */
export const PROVINCES: Place[] = [
  { code: 110000, name: '北京市' },
  { code: 440000, name: '广东省' },
];
export const CITIES: Record<number, Place[]> = {
  110000: [{ code: 110000, name: '北京市' }],
  440000: [
    { code: 440100, name: '广州市' },
    { code: 440300, name: '深圳市' },
  ],
};
export const DISTRICTS: Record<number, Place[]> = {
  110000: [
    { code: 110101, name: '东城区' },
    { code: 110105, name: '朝阳区' },
  ],
  440100: [
    { code: 440104, name: '越秀区' },
    { code: 440106, name: '天河区' },
  ],
  440300: [{ code: 440304, name: '福田区' }],
};

/** What region_choices answers: like Rust's, a saved district code opens at its province and city. */
export function regionChoicesFor(code: string | null, province: number | null, city: number | null): RegionChoices {
  const saved = code === null ? NaN : Number(code.trim());
  if (!Number.isNaN(saved)) {
    province = Math.floor(saved / 10_000) * 10_000;
    city = (CITIES[province] ?? []).find((c) => (DISTRICTS[c.code] ?? []).some((d) => d.code === saved))?.code ?? null;
  }
  const cities = province === null ? [] : (CITIES[province] ?? []);
  const chosenCity = cities.some((c) => c.code === city) ? city : null;
  const districts = chosenCity === null ? [] : (DISTRICTS[chosenCity] ?? []);
  return { provinces: PROVINCES, cities, districts, province, city: chosenCity };
}

/** The code lists the branch picker offers (the real ones have all 16 districts and 21 cities). */
export const AREA_LISTS: Partial<Record<CodeList, CodeItem[]>> = {
  beijing_districts: [
    { code: '110101', ...localized('东城区', 'Dongcheng') },
    { code: '110105', ...localized('朝阳区', 'Chaoyang') },
  ],
  guangdong_cities: [
    { code: '4401', ...localized('广州市', 'Guangzhou') },
    { code: '4403', ...localized('深圳市', 'Shenzhen') },
  ],
};

export const ZHANQIANLU: Branch = {
  id: 'icbc-110105-1',
  name: '中国工商银行北京朝阳站前路支行（示例）',
  bank: '中国工商银行',
  region: '110105',
  address: '北京市朝阳区站前路8号（示例地址）',
  phone: '400-000-0001',
};

export const BRANCHES: Branch[] = [
  ZHANQIANLU,
  {
    id: 'abc-110105-1',
    name: '中国农业银行北京朝阳人民路支行（示例）',
    bank: '中国农业银行',
    region: '110105',
    address: '北京市朝阳区人民路15号（示例地址）',
    phone: '400-000-0003',
  },
  {
    id: 'icbc-110105-2',
    name: '中国工商银行北京朝阳建设路支行（示例）',
    bank: '中国工商银行',
    region: '110105',
    address: '北京市朝阳区建设路22号（示例地址）',
    phone: '400-000-0002',
  },
  {
    id: 'ccb-4401-1',
    name: '中国建设银行广州站前路支行（示例）',
    bank: '中国建设银行',
    region: '4401',
    address: '广东省广州市站前路58号（示例地址）',
    phone: '400-000-0101',
  },
];

/** Pinyin (initials or in full) of the words the sample branches are found by: what Rust's search
 *  works out, looked up here. */
const PINYIN: Record<string, string> = {
  zql: '站前路',
  zhanqianlu: '站前路',
  rml: '人民路',
  jsl: '建设路',
  gs: '工商',
  gsyh: '工商银行',
};

/** What bank_branches answers: the region's banks, and its branches matching `q`. */
export function directoryFor(region: string, q: string): Directory {
  const here = BRANCHES.filter((b) => b.region === region);
  const banks = [...new Set(here.map((b) => b.bank))].map((name) => ({ id: name, name }));
  const text = q.trim().toLowerCase();
  const words = [text, PINYIN[text]].filter((w): w is string => w !== undefined && w !== '');
  const branches = here.filter((b) => text === '' || words.some((w) => b.name.includes(w) || b.address.includes(w)));
  return { sample: true, banks, branches };
}

export const AGENCY_NOT_CONFIGURED = ipcError(
  'agency_not_configured',
  '还没有设置机构接口：请在“设置”中填写接口地址，或开启培训模式。',
  'No agency is set up: set its endpoint address under Settings, or turn on training mode.',
);

// --- The wizard helper's block: step text, SMS codes, photo checks with marks. ---

/** ui-text's first step text (what the official page says). */
export const STEP_TEXT = {
  zh: '您将申请第三代社会保障卡。\n请如实填写。',
  en: 'You are applying for a third-generation social security card.\nAnswer truthfully.',
};

/** The code the practice agency gives back. */
export const TRAINING_SMS_CODE = '246810';

/** A card photo the wrong size (the agency refuses it) with glare (advisory), its face too small:
 *  every kind of mark but a document's. Refused problems first, as the page lists them. */
export const PHOTO_CHECK: PhotoCheck = {
  ok: false,
  problems: [
    { code: 'size', message: localized('照片尺寸不是358×441像素。', 'The photo is not 358×441 pixels.'), fixable: true, blocks: true },
    { code: 'glare', message: localized('照片有反光。', 'The photo has glare.'), fixable: false, blocks: false },
  ],
  width: 600,
  height: 800,
  marks: {
    face: { x: 200, y: 180, width: 200, height: 260 },
    crop: { x: 90, y: 60, width: 420, height: 517 },
    glare: { x: 260, y: 220, width: 60, height: 40 },
    document: null,
  },
};

/** The same photo after the fix. */
export const PHOTO_FIXED: PhotoCheck = {
  ok: true,
  problems: [],
  width: 358,
  height: 441,
  marks: { face: { x: 100, y: 90, width: 160, height: 210 }, crop: null, glare: null, document: null },
};
// --- End of the wizard helper's block. ---

// --- Case bundles: export and import (commands/bundles.rs, banka-cases bundle.rs; the case list
// helper's block). ---

/** The passphrase the sample bundle was sealed with. */
export const BUNDLE_PASSPHRASE = 'two machines, one passphrase';

/** An import with a wrong passphrase, or of a damaged file: Rust cannot tell them apart. */
export const BAD_BUNDLE = ipcError(
  'bad_bundle',
  '案件包无法导入：口令不对，或文件已损坏、被改动 / wrong passphrase, or the file is damaged or was altered (aead::Error)。未导入任何内容，请向对方重新索取文件。',
  'The case bundle cannot be imported: 口令不对，或文件已损坏、被改动 / wrong passphrase, or the file is damaged or was altered (aead::Error). Nothing was imported; ask for the file again.',
);

/** A new case in the sample bundle. */
export const WANG = summary({
  id: 'c-wang',
  status: 'ready',
  created_at: '2026-11-18T01:00:00Z',
  updated_at: '2026-11-18T02:00:00Z',
  applicant_name: '王晓明',
  applicant_id_number_masked: '1101**********0035',
  applicant_mobile_masked: '137****5678',
});

/** The sample bundle: 王晓明's case (new here), a newer copy of 李四's, 张三's (the same as here)
 *  and one changed on both computers (further down a long list: not among the cases listed). */
export const BUNDLE = {
  passphrase: BUNDLE_PASSPHRASE,
  cases: [WANG, { ...CASES[1]!, status: 'submitted' as const, status_reason: null, updated_at: '2026-11-22T03:00:00Z' }],
  skipped: [
    { id: 'c-zhang', reason: localized('本机已有此案件的相同或更新版本。', 'this machine already has the same or a newer copy.') },
    {
      id: 'c-elsewhere',
      reason: localized(
        '此案件在两台电脑上都有修改，为免丢失，保留了本机的版本。请在一台电脑上核对后重新导出。',
        "the case was changed on both machines; this machine's copy was kept so nothing is lost. Reconcile on one machine and export again.",
      ),
    },
  ],
};
// --- End of the case bundles block. ---

// --- The employer's roster (the roster helper's block): ui-employer's page chooses among the
// confirmed employees of `agency.employees`, as banka-agency agency_data.rs from_employees stores it. ---

/** The agency's list: one confirmed, two waiting for the employee, one already submitted. */
export const EMPLOYEES = [
  { id: 'emp-0001', name: '孙立伟', status: 'confirmed' },
  { id: 'emp-0002', name: '周敏', status: 'registered' },
  { id: 'emp-0003', name: '吴昊', status: 'registered' },
  { id: 'emp-0004', name: '郑十', status: 'submitted' },
];
// --- End of the roster helper's block. ---
