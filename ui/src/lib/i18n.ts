// Every string the UI shows, in both languages. `Messages` is the contract: a key missing from
// either language (or a ValueKind / IdDocument without a name) is a type error.
// Messages that come from Rust (findings, errors) already carry both languages and are picked by
// `lang` (see `localized`).

import type { IdDocument } from '../bindings/IdDocument';
import type { Marks } from '../bindings/Marks'; // the wizard helper's block
import type { CasePlace } from '../bindings/CasePlace';
import type { DocumentKind } from '../bindings/DocumentKind';
import type { Gender } from '../bindings/Gender';
import type { Lang } from '../bindings/Lang';
import type { SenderState } from '../bindings/SenderState';
import type { Status } from '../bindings/Status';
import type { ValueKind } from '../bindings/ValueKind';
// For the start screen and the pickers (see the block "Start screen by situation…" below).
import type { CodeList } from '../bindings/CodeList';
import type { SituationFlow, SituationPlace } from './situations';

// The same union as the Rust settings' `lang`: what settings_get gives can be used as it is.
export type { Lang };

/** The value of `<html lang>` (and `lang` attributes) for each UI language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** The app's name is shown in both languages whatever the UI language. */
export const BRAND: Record<Lang, string> = { zh: '办卡', en: 'Banka' };

/** The order in which the kinds are offered. */
export const VALUE_KINDS: readonly ValueKind[] = [
  'id-number',
  'social-security-number',
  'hk-macau-travel-permit',
  'taiwan-travel-permit',
  'foreign-pr-id',
  'uscc',
  'mobile',
  'postal-code',
];

/** A case's statuses in the order of its life (the status filter offers them so). */
export const STATUSES: readonly Status[] = [
  'draft',
  'ready',
  'queued',
  'sending',
  'submitted',
  'accepted',
  'in_production',
  'ready_for_pickup',
  'mailed',
  'rejected',
  'failed',
];

export interface Messages {
  /** The document title, given the current page's heading. */
  title: (page: string) => string;
  /** The name of this language, written in it (shown on the switch to it). */
  langName: string;
  /** Before the other language's name on the language switch, for screen readers. */
  switchLanguage: string;
  elderlyMode: string;
  settings: string;
  /** Shown when settings_set rejected: the change holds for this session only. */
  settingsNotSaved: string;

  /** The name of the main navigation and its entries. */
  navLabel: string;
  navCases: string;
  navCheck: string;
  navSettings: string;
  /** While the app asks Rust whether the data is locked. */
  opening: string;
  /** What any unexpected failure says (a rejection that is not an IpcError). */
  internalError: string;

  /** The error summary's title (GOV.UK: "There is a problem"). */
  errorSummaryTitle: string;
  /** Read before an inline error message, for screen readers. */
  errorPrefix: string;

  unlockNewHeading: string;
  /** What the passphrase is for, in plain words: one paragraph each. */
  unlockNewIntro: readonly string[];
  unlockLockedHeading: string;
  unlockLockedIntro: string;
  passphraseLabel: string;
  /** The hint under a new passphrase; `min` comes from Rust (the store's rule). */
  passphraseHintNew: (min: number) => string;
  passphraseConfirmLabel: string;
  showPassphrase: string;
  hidePassphrase: string;
  /** Announced when the show/hide button is pressed. */
  passphraseShown: string;
  passphraseHidden: string;
  unlockSubmitNew: string;
  unlockSubmitLocked: string;
  unlocking: string;
  errPassphraseMissing: string;
  errConfirmMissing: string;
  errConfirmMismatch: string;

  casesHeading: string;
  searchLabel: string;
  searchButton: string;
  statusFilterLabel: string;
  allStatuses: string;
  statusNames: Record<Status, string>;
  /** The results count: how many match and, when fewer are listed, how many are. */
  caseCount: (total: number, shown: number) => string;
  casesLoading: string;
  casesFailed: string;
  /** The store is damaged where the list is kept: the cases were read back one by one. */
  listSalvaged: (unreadable: number) => string;
  tryAgain: string;
  tableCaption: string;
  colName: string;
  colIdNumber: string;
  colMobile: string;
  colFlow: string;
  colStatus: string;
  colUpdated: string;
  colActions: string;
  /** In place of an answer the applicant has not given yet. */
  notGiven: string;
  loadMore: string;
  noCases: string;
  noMatch: string;

  newCase: string;
  newCaseLegend: string;
  newCaseStart: string;
  cancel: string;
  errChooseFlow: string;
  /** Says which flow the new draft is for. */
  draftCreated: (flowTitle: string) => string;

  // --- Start screen by situation, next steps in the case list, region and branch pickers. ---
  /** The places the start screen groups its situations by. */
  placeNames: Record<SituationPlace, string>;
  /** Each situation in plain words, and who it is for (one sentence). */
  situations: Record<SituationFlow, { title: string; hint: string }>;
  /** On a situation whose flow opens in elderly mode. */
  opensElderly: string;
  resumeHeading: string;
  resumeIntro: string;
  /** In place of an applicant's name not given yet. */
  noName: string;
  /** Completes a resume button's accessible name: which draft. */
  resumeWhich: (name: string, flowTitle: string, when: string) => string;
  updatedAt: (when: string) => string;
  /** What to do about a case the agency rejected, or one that could not be sent. */
  nextSteps: Record<'rejected' | 'failed', string>;
  regionProvince: string;
  regionCity: string;
  regionDistrict: string;
  /** Under a date input: the format it takes. */
  dateHint: string;
  /** The label of the branch picker's district (or city) list. */
  branchArea: (list: CodeList) => string;
  branchSearchLabel: string;
  branchSearchHint: string;
  branchCount: (n: number) => string;
  branchNone: string;
  branchSample: string;
  branchOnlyBank: (bank: string) => string;
  branchAllBanks: string;
  branchShowOnly: (bank: string) => string;
  branchAddress: string;
  branchPhone: string;
  branchChosen: string;
  branchChange: string;
  /** After the reason a picker cannot be used: the text box below takes the answer. */
  pickerUnavailable: string;
  // --- End of the start screen and pickers block. ---

  deleteButton: string;
  /** Completes a delete button's accessible name ("删除" + this): whose application, or which draft. */
  deleteWhose: (name: string, statusName: string, when: string) => string;
  deleteHeading: string;
  deleteWarning: string;
  /** Names the case in the confirmation. */
  deleteWhich: (name: string, flowTitle: string, statusName: string) => string;
  /** What deleting means for a case where it is (Rust's `facts.place`), with its agency reference
   *  number when it has one; null when there is nothing to add to `deleteWarning`. */
  deleteConsequence: (place: CasePlace, reference: string | null) => string | null;
  confirmDelete: string;
  deleting: string;
  deleted: string;

  // --- Export and import of case bundles in the case list (the case list helper's block). ---
  /** The label of the checkbox that selects every case shown. */
  selectAllShown: string;
  /** Before `deleteWhose` in a row checkbox's label ("选择" + "张三的申请"). */
  selectCase: string;
  /** How many cases are selected (a selection outlives a search). */
  selectedCount: (n: number) => string;
  exportSelected: string;
  /** The import button, and the import dialog's heading. */
  importBundle: string;
  errNothingSelected: string;
  exportHeading: (n: number) => string;
  /** Before the list of the cases going into the bundle. */
  exportWhich: string;
  /** What the bundle holds, and who needs its passphrase. */
  exportWarning: string;
  /** What importing asks for and what it replaces. */
  importIntro: string;
  bundlePassphraseLabel: string;
  errBundlePassphraseMissing: string;
  confirmExport: string;
  confirmImport: string;
  exporting: string;
  importing: string;
  /** While Rust runs: its file dialog comes first, then the encryption. */
  exportRunning: string;
  importRunning: string;
  exportedTo: (n: number, fileName: string) => string;
  importedHeading: string;
  importCounts: (added: number, updated: number, skipped: number) => string;
  importSkippedHeading: string;
  /** A skipped case: its applicant (or `caseNumber`) and Rust's reason. */
  skippedCase: (who: string, reason: string) => string;
  /** A case known only by its id (not among those listed). */
  caseNumber: (id: string) => string;
  // --- End of the case bundles block. ---

  settingsHeading: string;
  /** While the agency settings are read. */
  settingsLoading: string;
  /** Save buttons while their save runs. */
  saving: string;

  agencyHeading: string;
  agencyIntro: string;
  endpointLabel: string;
  endpointHint: string;
  tokenLabel: string;
  /** The hint under the token when none is saved, and when one is. */
  tokenHintNew: string;
  tokenHintSaved: string;
  /** In the empty token field when a token is saved. */
  tokenPlaceholderSaved: string;
  removeToken: string;
  trainingLabel: string;
  /** What training mode does, in plain words. */
  trainingHint: string;
  /** Before the address where the practice agency answers while training mode is on. */
  trainingRunning: string;
  trainingNotRunning: string;
  agencySave: string;
  agencySaved: string;
  agencyLoadFailed: string;

  outboxHeading: string;
  outboxIntro: string;
  outboxQueued: string;
  outboxSending: string;
  outboxFailed: string;
  /** A number of applications in the outbox. */
  outboxCount: (n: number) => string;
  senderLabel: string;
  senderStates: Record<SenderState, string>;
  outboxLoading: string;
  sendNow: string;
  sendingNow: string;
  sendNowDone: (n: number) => string;
  outboxLoadFailed: string;

  displayHeading: string;
  langLegend: string;
  /** What elderly mode changes (its name is `elderlyMode`). */
  elderlyHint: string;

  computerHeading: string;
  operatorLabel: string;
  operatorHint: string;
  operatorSave: string;
  operatorSaved: string;
  dataDirLabel: string;
  dataDirHint: string;
  // --- Change the passphrase in Settings (the settings helper's block; lib/ChangePassphrase). ---
  changePassphraseHeading: string;
  /** Everything stays encrypted; a forgotten passphrase cannot be recovered. */
  changePassphraseIntro: string;
  currentPassphraseLabel: string;
  newPassphraseLabel: string;
  newPassphraseConfirmLabel: string;
  changePassphraseSubmit: string;
  /** While Rust rewraps the key (Argon2: about a second). */
  changingPassphrase: string;
  passphraseChanged: string;
  errCurrentPassphraseMissing: string;
  errNewPassphraseMissing: string;
  errNewPassphraseUnchanged: string;
  errNewConfirmMissing: string;
  errNewConfirmMismatch: string;
  // --- End of the change-the-passphrase block. ---

  heading: string;
  intro: string;
  kindLabel: string;
  valueLabel: string;
  beijingAddress: string;
  hints: Record<ValueKind, string>;
  valueKinds: Record<ValueKind, string>;

  emptyHint: string;
  resultHeading: string;
  valid: string;
  invalid: string;
  errorsHeading: string;
  pleaseNote: string;

  normalized: string;
  /** Shown when the normalized value differs from what was typed. */
  normalizedDiffers: (typed: string) => string;
  documentKind: string;
  documentKinds: Record<IdDocument, string>;
  birthDate: string;
  /** Formats a date of birth given as numbers (month 1–12). */
  formatDate: (year: number, month: number, day: number) => string;
  gender: string;
  genders: Record<Gender, string>;
  age: string;
  formatAge: (years: number) => string;
  region: string;

  ipcErrorTitle: string;
  ipcErrorBody: string;
  ipcErrorCode: (code: string) => string;

  // --- The application wizard (lib/wizard). ---
  /** The open action on a case list row, and its accessible completion (whose case). */
  openCase: string;
  openDraft: string;
  openWhose: (name: string, statusName: string) => string;
  backToList: string;
  wizardHeading: string;
  wizardLoading: string;
  wizardLoadFailed: string;
  /** The step indicator's name, and "step n of m". */
  stepsLabel: string;
  stepOf: (n: number, total: number) => string;
  stepComplete: string;
  saved: string;
  savingNow: string;
  saveFailed: string;
  optional: string;
  continueButton: string;
  backButton: string;
  lockedLabel: string;
  derivedHint: string;
  chooseOne: string;
  loadingList: string;
  filterList: string;
  yes: string;
  no: string;
  noAnswer: string;
  regionHint: string;
  pleaseNoteField: string;
  idHintsLabel: string;
  agencyFailed: string;
  askingAgency: string;
  nextFlowTitle: string;
  nextFlowBody: (flow: string) => string;
  followButton: string;
  uploadKinds: Record<DocumentKind, string>;
  uploadIntro: string;
  chooseFile: string;
  dropHere: string;
  uploading: string;
  fixing: string;
  uploadDone: string;
  uploadMissing: string;
  photoOk: string;
  photoProblems: string;
  /** Problems the agency would refuse the picture for: they block the case. */
  photoRefused: string;
  /** Findings worth a look that the person may accept. */
  photoAdvisory: string;
  useAnyway: string;
  usedAnyway: string;
  /** The eligibility gate, while the agency has not answered. */
  agencyWaitingTitle: string;
  agencyWaitingBody: string;
  agencyAskNow: string;
  /** 【继续申领】 after a clean-up (seed 004 §1.3.12). */
  continueApplication: string;
  /** 【获取图片】 (seed 004 §1.3.4). */
  getPhoto: string;
  gettingPhoto: string;
  agencyPhotoAlt: string;
  photoOnFileAlt: string;
  fixButton: string;
  fixedChanges: string;
  previewAlt: (kind: string) => string;
  checkHeading: string;
  changeLink: string;
  changeWhat: (label: string) => string;
  submitButton: string;
  submitHeading: string;
  submitWarning: string;
  confirmSubmit: string;
  submitting: string;
  notReady: string;
  queuedHeading: string;
  queuedBody: string;
  sendingBody: string;
  submittedHeading: string;
  referenceLabel: string;
  whatNextHeading: string;
  whatNextBody: string;
  caseStatusHeading: string;
  statusReason: string;
  /** The application date: the day the case was finalized, which the agency judges it on. */
  appliedOn: string;

  // --- Wizard: step text, SMS codes, documents, reopening, revisiting, one question per page
  // (the wizard helper's block). ---
  /** Under an SMS code field: where the code goes, or that a number is needed first. */
  smsGoesTo: (mobile: string) => string;
  smsNoMobile: string;
  smsSend: string;
  smsSending: string;
  /** The send button while another code cannot be asked for yet. */
  smsWait: (seconds: number) => string;
  smsSendAgain: string;
  smsSent: (mobile: string) => string;
  /** Before the code a training agency gives back. */
  smsTrainingCode: string;
  smsNoAgency: string;
  /** When the agency says the code is not right (and gives no message of its own). */
  smsWrong: string;
  /** The native "choose a file" dialog (Rust), beside the file input. */
  pickFile: string;
  removeDocument: string;
  removeHeading: (kind: string) => string;
  removeWarning: string;
  confirmRemove: string;
  removing: string;
  useDefaultPhoto: string;
  defaultPhotoHint: string;
  /** The legend of the marks drawn on a checked picture, and what each mark is. */
  marksLegend: string;
  markNames: Record<keyof Marks, string>;
  reopenIntro: string;
  reopenButton: string;
  reopening: string;
  /** Recorded with the reopening (the audit trail). */
  reopenReason: string;
  revisitTitle: string;
  revisitBody: string;
  /** Elderly mode: which question of the step is shown. */
  questionOf: (n: number, total: number) => string;
  // --- The employer's roster of employees (bj-employer-submit) ---
  rosterCaption: string;
  rosterName: string;
  rosterStatus: string;
  rosterStatuses: Record<'registered' | 'confirmed' | 'submitted', string>;
  rosterSummary: (total: number, confirmed: number, waiting: number, submitted: number) => string;
  rosterNoneConfirmed: string;
  /** The masked ID number column, when the agency gives one. */
  rosterIdNumber: string;
  /** A status the agency gave that has no words here. */
  rosterStatusUnknown: string;
  /** Everyone listed has already been submitted. */
  rosterAllSubmitted: string;
  /** The agency listed nobody. */
  rosterEmpty: string;
  /** There is no list from the agency on the case. */
  rosterNoList: string;
}

const zh: Messages = {
  title: (page) => `办卡 Banka · ${page}`,
  langName: '中文',
  switchLanguage: '切换语言：',
  elderlyMode: '长者模式',
  settings: '显示设置',
  settingsNotSaved: '显示设置未能保存，本次使用期间仍然有效。',

  navLabel: '主要页面',
  navCases: '申领案件',
  navCheck: '号码核验',
  navSettings: '设置',
  opening: '正在打开…',
  internalError: '程序内部出了问题。请稍后再试；如果一直这样，请联系工作人员。',

  errorSummaryTitle: '出现了问题',
  errorPrefix: '错误：',

  unlockNewHeading: '设置数据口令',
  unlockNewIntro: [
    '本机上的申领资料都会加密保存。以后每次打开办卡，都需要输入这个口令。',
    '口令忘记后无法找回，加密的资料也就无法打开。请把口令写下来，放在安全的地方。',
    '在服务网点，使用这台电脑的所有经办人都使用同一个口令。',
  ],
  unlockLockedHeading: '输入口令解锁',
  unlockLockedIntro: '本机上的申领资料已加密保存。请输入为这台电脑设置的口令。',
  passphraseLabel: '口令',
  passphraseHintNew: (min) => `至少${min}个字符，区分大小写。一句好记的话或几个词连在一起，比一串乱码更好记。`,
  passphraseConfirmLabel: '再输入一次口令',
  showPassphrase: '显示口令',
  hidePassphrase: '隐藏口令',
  passphraseShown: '口令已显示',
  passphraseHidden: '口令已隐藏',
  unlockSubmitNew: '设置口令并继续',
  unlockSubmitLocked: '解锁',
  unlocking: '正在解锁…',
  errPassphraseMissing: '请输入口令',
  errConfirmMissing: '请再输入一次口令，以免输错',
  errConfirmMismatch: '两次输入的口令不一样，请重新输入',

  casesHeading: '申领案件',
  searchLabel: '姓名、身份证号后几位或手机号',
  searchButton: '查找',
  statusFilterLabel: '状态',
  allStatuses: '全部状态',
  statusNames: {
    draft: '草稿',
    ready: '待提交',
    queued: '排队待发送',
    sending: '正在发送',
    submitted: '已提交',
    accepted: '已受理',
    in_production: '制卡中',
    ready_for_pickup: '待领取',
    mailed: '已寄出',
    rejected: '已驳回',
    failed: '发送失败',
  },
  caseCount: (total, shown) => (shown < total ? `共 ${total} 件，已显示 ${shown} 件` : `共 ${total} 件`),
  casesLoading: '正在读取申领案件…',
  casesFailed: '申领案件未能读取',
  listSalvaged: (unreadable) =>
    '数据存储已损坏，以下案件是逐个读出的，搜索和筛选暂不可用。' +
    (unreadable > 0 ? `有 ${unreadable} 条记录无法读出，其中的案件（最多 ${unreadable} 件）已丢失。` : '所有案件都已读出，没有丢失。') +
    '请尽快把这些案件导出备份，并用 banka check 查看损坏之处。',
  tryAgain: '重试',
  tableCaption: '申领案件，最近修改的在前',
  colName: '姓名',
  colIdNumber: '身份证号',
  colMobile: '手机号',
  colFlow: '申领事项',
  colStatus: '状态',
  colUpdated: '最后修改',
  colActions: '操作',
  notGiven: '未填写',
  loadMore: '显示更多',
  noCases: '本机还没有申领案件。选择“新建申请”开始第一件。',
  noMatch: '没有找到符合条件的案件。请检查输入，或改用身份证号后几位、手机号查找。',

  newCase: '新建申请',
  newCaseLegend: '哪一项符合您的情况？',
  newCaseStart: '开始',
  cancel: '取消',
  errChooseFlow: '请选择要办理的事项',
  draftCreated: (flowTitle) => `已新建草稿：${flowTitle}`,

  // --- Start screen by situation, next steps in the case list, region and branch pickers. ---
  placeNames: { beijing: '北京市', guangdong: '广东省', other: '其他事项' },
  situations: {
    'bj-individual': { title: '为本人申请', hint: '在北京参加社会保险的人，为自己申领第三代社保卡。' },
    'bj-minor': {
      title: '为孩子代办（18岁以下）',
      hint: '父母或其他监护人为18岁以下的孩子代办，用孩子的身份证或户口本。',
    },
    'bj-retiree': {
      title: '我已退休（长者版）',
      hint: '退休人员本人或帮他们办理的人使用；发卡银行就是现在发放养老金的银行。',
    },
    'bj-employer-open': {
      title: '单位经办人：开通单位集体申领',
      hint: '单位经办人为本单位开通集体申领，并定下职工可以选的银行和网点。',
    },
    'bj-employer-submit': {
      title: '单位经办人：提交职工名单',
      hint: '单位经办人把已经确认个人信息的职工一起提交。',
    },
    'bj-employee-confirm': {
      title: '职工：确认单位集体申领的个人信息',
      hint: '单位已开通集体申领时，职工核对自己的信息、上传照片后提交。',
    },
    'gd-individual': {
      title: '为本人申请',
      hint: '内地居民和港澳台居民在广东第一次申领社保卡。',
    },
    'gd-minor': {
      title: '为未成年子女申请',
      hint: '法定监护人为未满18岁的子女申领，用户口簿或子女的身份证。',
    },
    'gd-card-cleanup': {
      title: '一人一卡清理（已有多张社保卡）',
      hint: '在广东不同城市已有社保卡的人，先清理多出来的卡，再重新申领。',
    },
  },
  opensElderly: '将以长者模式（大字）打开',
  resumeHeading: '继续填写',
  resumeIntro: '这些申请还没有填完，可以接着填写：',
  noName: '未填写姓名',
  resumeWhich: (name, flowTitle, when) => `：${name}，${flowTitle}，${when}`,
  updatedAt: (when) => `最后修改：${when}`,
  nextSteps: {
    rejected: '请打开这份申请，按上面的原因修改，然后重新提交。',
    failed: '无需操作，会自动重新发送。如果一直发送失败，请到“设置 → 机构接口”检查接口地址和访问令牌。',
  },
  regionProvince: '省',
  regionCity: '市',
  regionDistrict: '区县',
  dateHint: '按“年-月-日”填写，例如 2016-05-01',
  branchArea: (list) => (list === 'guangdong_cities' ? '网点所在城市' : '网点所在的区'),
  branchSearchLabel: '搜索网点：名称、地址或拼音首字母',
  branchSearchHint: '例如输入“zql”可以找到“站前路支行”。不输入则列出全部网点。',
  branchCount: (n) => `找到 ${n} 个网点`,
  branchNone: '没有找到网点。请换个关键词，或清空搜索框查看全部网点。',
  branchSample: '示例数据：这些网点是培训用的示例，不是真实的银行网点。',
  branchOnlyBank: (bank) => `只列出“${bank}”的网点（与您填写的银行一致）。`,
  branchAllBanks: '显示所有银行的网点',
  branchShowOnly: (bank) => `只显示“${bank}”的网点`,
  branchAddress: '地址：',
  branchPhone: '电话：',
  branchChosen: '已选：',
  branchChange: '重新选择',
  pickerUnavailable: '请直接在下面填写。',
  // --- End of the start screen and pickers block. ---

  deleteButton: '删除',
  deleteWhose: (name, statusName, when) => (name ? `${name}的申请` : `未填写姓名的${statusName}（${when}）`),
  deleteHeading: '删除这件申请？',
  deleteWarning: '删除后无法恢复，申请人的资料和照片会从本机彻底清除。',
  deleteWhich: (name, flowTitle, statusName) => `${name || '未填写姓名'} · ${flowTitle} · ${statusName}`,
  deleteConsequence: (place, reference) => {
    if (place === 'outbox') return '这件申请还没有交给经办机构，删除后就不会再发送。';
    if (place === 'here') return null;
    const ref = reference?.trim();
    return `删除只清除本机上的资料，不会撤回已交给经办机构的申请。${ref ? `受理编号：${ref}，如需查询请先记下。` : ''}`;
  },
  confirmDelete: '确认删除',
  deleting: '正在删除…',
  deleted: '已删除',

  // --- Export and import of case bundles in the case list (the case list helper's block). ---
  selectAllShown: '选择列出的全部申请',
  selectCase: '选择',
  selectedCount: (n) => (n === 0 ? '未选择申请' : `已选择 ${n} 份申请`),
  exportSelected: '导出所选',
  importBundle: '导入案件包',
  errNothingSelected: '请先选择要导出的申请',
  exportHeading: (n) => `导出 ${n} 份申请`,
  exportWhich: '案件包里将有：',
  exportWarning:
    '案件包里有申请人的个人资料和照片，会用下面设置的口令加密。接收的电脑导入时需要输入这个口令：请当面或打电话告诉对方，不要和文件一起发送。',
  importIntro:
    '输入导出这个案件包时设置的口令，然后在打开的窗口中选择案件包文件（文件名以 .banka 结尾）。本机已有的申请，只有案件包里的版本更新时才会被替换。',
  bundlePassphraseLabel: '案件包口令',
  errBundlePassphraseMissing: '请输入案件包口令',
  confirmExport: '导出',
  confirmImport: '导入',
  exporting: '正在导出…',
  importing: '正在导入…',
  exportRunning: '正在导出…请在打开的窗口中选择保存位置，选好后还需要几秒钟加密。',
  importRunning: '正在导入…请在打开的窗口中选择案件包文件，选好后还需要几秒钟解密和检查。',
  exportedTo: (n, fileName) => `已导出 ${n} 份申请到 ${fileName}`,
  importedHeading: '案件包已导入',
  importCounts: (added, updated, skipped) => `新增 ${added} 份，更新 ${updated} 份，跳过 ${skipped} 份`,
  importSkippedHeading: '以下申请没有导入：',
  skippedCase: (who, reason) => `${who}：${reason}`,
  caseNumber: (id) => `编号 ${id}`,
  // --- End of the case bundles block. ---

  settingsHeading: '设置',
  settingsLoading: '正在读取设置…',
  saving: '正在保存…',

  agencyHeading: '机构接口',
  agencyIntro: '提交的申请从这台电脑发送到社保经办机构。接口地址和访问令牌由机构提供。',
  endpointLabel: '接口地址',
  endpointHint: '以 https:// 开头，例如 https://api.example.gov.cn/banka。开启培训模式时不使用这个地址。',
  tokenLabel: '访问令牌',
  tokenHintNew: '机构发给本网点的令牌。保存后不会再显示出来。',
  tokenHintSaved: '已保存一个令牌。留空则继续使用它；输入新的令牌会替换它。',
  tokenPlaceholderSaved: '已保存令牌，留空则保留',
  removeToken: '删除已保存的令牌',
  trainingLabel: '培训模式',
  trainingHint:
    '培训模式：在本机运行参考机构服务，申请只发送到这里，不会发给真实的机构；短信验证码显示在屏幕上。用于练习和演示。',
  trainingRunning: '培训服务正在本机运行，地址：',
  trainingNotRunning: '培训模式已开启，但培训服务没有在运行。',
  agencySave: '保存机构接口设置',
  agencySaved: '机构接口设置已保存。',
  agencyLoadFailed: '机构接口设置未能读取',

  outboxHeading: '发送队列',
  outboxIntro: '提交的申请先在这里排队，再自动发送给机构。这里每3秒更新一次。',
  outboxQueued: '排队待发送',
  outboxSending: '正在发送',
  outboxFailed: '发送失败',
  outboxCount: (n) => `${n} 件`,
  senderLabel: '发送程序：',
  senderStates: {
    running: '正在运行，排队的申请会自动发送。',
    stopped: '已停止，排队的申请暂时不会发送。',
    not_configured: '尚未设置。请在上方填写机构接口地址，或者开启培训模式。',
    unauthorized: '机构拒绝了访问令牌。请检查令牌是否正确，或者向机构申请新的令牌。',
  },
  outboxLoading: '正在读取发送队列…',
  sendNow: '立即发送',
  sendingNow: '正在发送…',
  sendNowDone: (n) => `已开始发送 ${n} 个等待中的案件。`,
  outboxLoadFailed: '发送队列的情况暂时无法读取',

  displayHeading: '显示',
  langLegend: '界面语言',
  elderlyHint: '文字更大，按钮更大，颜色对比更强。',

  computerHeading: '本机',
  operatorLabel: '经办人姓名',
  operatorHint: '在服务网点使用时请填写：每一处修改都会以这个姓名记录。居民在家使用时可以不填。',
  operatorSave: '保存姓名',
  operatorSaved: '经办人姓名已保存。',
  dataDirLabel: '数据保存位置',
  dataDirHint: '加密的申领资料保存在这台电脑的这个文件夹里。',
  // --- Change the passphrase in Settings (the settings helper's block). ---
  changePassphraseHeading: '更改口令',
  changePassphraseIntro:
    '更改后，所有资料仍然加密保存，换掉的只是打开它们的口令。忘记的口令无法找回，请把新口令写下来，放在安全的地方。',
  currentPassphraseLabel: '现在的口令',
  newPassphraseLabel: '新口令',
  newPassphraseConfirmLabel: '再输入一次新口令',
  changePassphraseSubmit: '更改口令',
  changingPassphrase: '正在更改…',
  passphraseChanged: '口令已更改。下次打开时请使用新口令。',
  errCurrentPassphraseMissing: '请输入现在的口令',
  errNewPassphraseMissing: '请输入新口令',
  errNewPassphraseUnchanged: '新口令和现在的口令一样，请换一个',
  errNewConfirmMissing: '请再输入一次新口令，以免输错',
  errNewConfirmMismatch: '两次输入的新口令不一样，请重新输入',
  // --- End of the change-the-passphrase block. ---

  heading: '号码核验',
  intro: '选择号码的种类，然后输入号码。我们会马上告诉您号码是否有效，以及号码包含的信息。号码只在本机检查，不会发送到网上。',
  kindLabel: '号码种类',
  valueLabel: '号码',
  beijingAddress: '这是北京的地址',
  hints: {
    'id-number': '18位，最后一位可能是字母X。15位的旧号码也可以输入。',
    'social-security-number': '社会保障号与本人的身份证号码相同，共18位。',
    'hk-macau-travel-permit': '字母H或M开头，后面是8位数字（可能还有2位换证次数），如H12345678。',
    'taiwan-travel-permit': '8位数字（可能还有2位换证次数）。',
    'foreign-pr-id': '18位，以9开头（2023年起签发的证件）。',
    uscc: '18位，由数字和大写字母组成，印在营业执照上。',
    mobile: '11位中国大陆手机号码。',
    'postal-code': '6位数字。',
  },
  valueKinds: {
    'id-number': '身份证号码（含港澳台居民居住证、外国人永久居留身份证）',
    'social-security-number': '社会保障号',
    'hk-macau-travel-permit': '港澳居民来往内地通行证',
    'taiwan-travel-permit': '台湾居民来往大陆通行证',
    'foreign-pr-id': '外国人永久居留身份证',
    uscc: '统一社会信用代码',
    mobile: '手机号码',
    'postal-code': '邮政编码',
  },

  emptyHint: '请在上方输入号码，检查结果会显示在这里。',
  resultHeading: '检查结果',
  valid: '号码有效',
  invalid: '号码有误',
  errorsHeading: '需要修改的地方：',
  pleaseNote: '请注意',

  normalized: '标准号码',
  normalizedDiffers: (typed) => `已整理为标准写法（您输入的是：${typed}）。`,
  documentKind: '证件种类',
  documentKinds: {
    citizen_id: '居民身份证',
    hk_residence_permit: '香港居民居住证',
    macau_residence_permit: '澳门居民居住证',
    taiwan_residence_permit: '台湾居民居住证',
    foreign_permanent_residence_id: '外国人永久居留身份证',
    hk_macau_travel_permit: '港澳居民来往内地通行证',
    taiwan_travel_permit: '台湾居民来往大陆通行证',
  },
  birthDate: '出生日期',
  formatDate: (year, month, day) => `${year}年${month}月${day}日`,
  gender: '性别',
  genders: { male: '男', female: '女' },
  age: '年龄',
  formatAge: (years) => `${years}岁`,
  region: '所属地区',

  ipcErrorTitle: '暂时无法检查',
  ipcErrorBody: '程序内部出了问题，号码没有检查成功。请稍后再试；如果一直这样，请联系工作人员。',
  ipcErrorCode: (code) => `错误代码：${code}`,

  openCase: '查看',
  openDraft: '继续填写',
  openWhose: (name, statusName) => (name ? `：${name}（${statusName}）` : `：未填写姓名（${statusName}）`),
  backToList: '返回案件列表',
  wizardHeading: '填写申请',
  wizardLoading: '正在打开申请…',
  wizardLoadFailed: '无法打开这份申请',
  stepsLabel: '申请步骤',
  stepOf: (n, total) => `第 ${n} 步，共 ${total} 步`,
  stepComplete: '（已完成）',
  saved: '已保存',
  savingNow: '正在保存…',
  saveFailed: '没有保存成功',
  optional: '（选填）',
  continueButton: '继续',
  backButton: '上一步',
  lockedLabel: '已锁定：',
  derivedHint: '根据您的回答自动得出，请核对。',
  chooseOne: '请选择',
  loadingList: '正在读取选项…',
  filterList: '筛选选项',
  yes: '是',
  no: '否',
  noAnswer: '未填写',
  regionHint: '6位行政区划代码，例如 110105。',
  pleaseNoteField: '请注意：',
  idHintsLabel: '从号码中读出',
  agencyFailed: '暂时无法向经办机构查询，您可以继续填写，稍后再试。',
  askingAgency: '正在向经办机构查询…',
  nextFlowTitle: '这份申请不能按当前事项办理',
  nextFlowBody: (flow) => `经办机构的答复如上。请改为办理“${flow}”。`,
  followButton: '改为办理该事项',
  uploadKinds: {
    id_card_front: '身份证国徽面',
    id_card_back: '身份证个人信息面',
    proxy_id_card_front: '代办人身份证国徽面',
    proxy_id_card_back: '代办人身份证个人信息面',
    birth_certificate: '出生医学证明',
    hukou_main_page: '户口本首页',
    hukou_applicant_page: '户口本申请人页',
    hukou_applicant_page_back: '户口本申请人页背面',
    hukou_householder_page: '户口本户主页',
    hukou_householder_page_back: '户口本户主页背面',
    travel_permit_front: '通行证正面',
    travel_permit_back: '通行证背面',
    residence_permit_front: '居住证正面',
    residence_permit_back: '居住证背面',
    card_photo: '制卡照片',
  },
  uploadIntro: '请逐项上传清晰的照片。上传后会自动检查，如有问题会告诉您怎么改。',
  chooseFile: '或者在这里选择文件',
  dropHere: '也可以把图片拖到这个框里。',
  uploading: '正在上传并检查…',
  fixing: '正在修正…',
  uploadDone: '已上传',
  uploadMissing: '还没有上传',
  photoOk: '检查通过。',
  photoProblems: '照片有以下问题：',
  photoRefused: '经办机构不会受理这张图片，须修正或重新上传：',
  photoAdvisory: '以下问题建议处理，也可以仍然使用这张图片：',
  useAnyway: '仍然使用这张图片',
  usedAnyway: '您已选择仍然使用这张图片（已记录）。',
  agencyWaitingTitle: '等待经办机构答复',
  agencyWaitingBody: '草稿已保存，您可以继续填写。联网后会自动向经办机构查询；经办机构确认可以申领后，才能提交申请。',
  agencyAskNow: '现在查询',
  continueApplication: '继续申领',
  getPhoto: '获取图片',
  gettingPhoto: '正在向经办机构获取相片…',
  agencyPhotoAlt: '相片回执号对应的制卡相片',
  photoOnFileAlt: '您在社保系统中的相片',
  fixButton: '一键修正',
  fixedChanges: '已修正：',
  previewAlt: (kind) => `已上传的${kind}`,
  checkHeading: '核对您的信息',
  changeLink: '修改',
  changeWhat: (label) => label,
  submitButton: '提交申请',
  submitHeading: '确认提交申请？',
  submitWarning: '提交后，申请将发送给经办机构，不能再修改。',
  confirmSubmit: '确认提交',
  submitting: '正在提交…',
  notReady: '申请还有未完成的地方，请先按上面的提示修改。',
  queuedHeading: '已排队，联网后自动发送',
  queuedBody: '申请已保存在本机的发送队列中，电脑联网后会自动发送给经办机构，您可以关闭这个页面。',
  sendingBody: '正在发送给经办机构…',
  submittedHeading: '已提交',
  referenceLabel: '受理编号',
  whatNextHeading: '接下来',
  whatNextBody: '经办机构审核后会制卡，进度会显示在案件列表中。请记下受理编号，以便查询。',
  caseStatusHeading: '申请状态',
  statusReason: '原因：',
  appliedOn: '申请日期：',

  // --- Wizard: step text, SMS codes, documents, reopening, revisiting, one question per page. ---
  smsGoesTo: (mobile) => `验证码将发送到手机 ${mobile}。`,
  smsNoMobile: '请先填写手机号码，再发送验证码。',
  smsSend: '发送验证码',
  smsSending: '正在发送…',
  smsWait: (seconds) => `${seconds}秒后可重新发送`,
  smsSendAgain: '重新发送验证码',
  smsSent: (mobile) => `验证码已发送到 ${mobile}，请在5分钟内填写。`,
  smsTrainingCode: '培训模式验证码：',
  smsNoAgency: '尚未设置经办机构接口，无法发送验证码。请在“设置”页的“机构接口”中填写接口地址和令牌，或开启培训模式。',
  smsWrong: '短信验证码不正确或已过期，请核对，或重新获取验证码。',
  pickFile: '选择图片…',
  removeDocument: '删除',
  removeHeading: (kind) => `删除${kind}？`,
  removeWarning: '删除后需要重新上传。',
  confirmRemove: '确认删除',
  removing: '正在删除…',
  useDefaultPhoto: '使用默认卡通照片',
  defaultPhotoHint: '不满7周岁的儿童可以使用系统提供的默认卡通照片。',
  marksLegend: '图上的标记：',
  markNames: {
    document: '紫色点线：证件的边缘',
    crop: '绿色虚线：一键修正后保留的范围',
    face: '蓝色实线：脸部',
    glare: '橙色阴影：反光的地方',
  },
  reopenIntro: '您可以按照上面的原因修改申请，然后重新提交。',
  reopenButton: '修改后重新提交',
  reopening: '正在打开…',
  reopenReason: '按经办机构的意见修改',
  revisitTitle: '请重新确认以下步骤',
  revisitBody: '您开始填写以后，申请表有了变化：以下步骤中有新的或改动过的问题，请重新查看您的回答。',
  questionOf: (n, total) => `第 ${n} 题，共 ${total} 题`,
  // --- The employer's roster of employees (bj-employer-submit) ---
  rosterCaption: '职工信息确认情况',
  rosterName: '姓名',
  rosterStatus: '状态',
  rosterStatuses: {
    registered: '待确认：职工尚未确认个人信息',
    confirmed: '信息已确认，可以提交',
    submitted: '已提交',
  },
  rosterSummary: (total, confirmed, waiting, submitted) =>
    `共 ${total} 名职工：${confirmed} 名可提交，${waiting} 名待确认${submitted > 0 ? `，${submitted} 名已提交` : ''}。`,
  rosterNoneConfirmed:
    '还没有职工确认个人信息，暂时不能提交。请通知职工通过“单位集体申请：个人信息确认”确认个人信息，然后再打开这份申请：名单会重新获取。',
  rosterIdNumber: '证件号码',
  rosterStatusUnknown: '状态不明，暂不能提交',
  rosterAllSubmitted: '名单上的职工都已提交，没有需要提交的职工。',
  rosterEmpty:
    '经办机构没有列出本单位的职工。请核对上一步填写的单位统一社会信用代码；再次打开这份申请时，名单会重新获取。',
  rosterNoList:
    '还没有从经办机构取得本单位的职工名单。请在“设置”页的“机构接口”中填写接口地址和令牌（或开启培训模式），然后再打开这份申请。',
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const en: Messages = {
  title: (page) => `Banka 办卡 · ${page}`,
  langName: 'English',
  switchLanguage: 'Change language: ',
  elderlyMode: 'Large text',
  settings: 'Display settings',
  settingsNotSaved: 'The display settings could not be saved; they still apply until Banka is closed.',

  navLabel: 'Main',
  navCases: 'Applications',
  navCheck: 'Check a number',
  navSettings: 'Settings',
  opening: 'Opening…',
  internalError: 'Something went wrong inside the app. Please try again in a moment; if this keeps happening, ask a member of staff.',

  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error: ',

  unlockNewHeading: 'Set a passphrase for your data',
  unlockNewIntro: [
    'The applications on this computer are stored encrypted. You will need this passphrase each time Banka opens.',
    'A forgotten passphrase cannot be recovered, and without it the data cannot be opened. Write it down and keep it somewhere safe.',
    'At a service centre, every operator of this computer uses the same passphrase.',
  ],
  unlockLockedHeading: 'Enter your passphrase to unlock',
  unlockLockedIntro: 'The applications on this computer are stored encrypted. Enter the passphrase that was set for this computer.',
  passphraseLabel: 'Passphrase',
  passphraseHintNew: (min) => `At least ${min} characters; capitals count. A sentence or a few words you can remember work better than a jumble.`,
  passphraseConfirmLabel: 'Type the passphrase again',
  showPassphrase: 'Show passphrase',
  hidePassphrase: 'Hide passphrase',
  passphraseShown: 'The passphrase is visible',
  passphraseHidden: 'The passphrase is hidden',
  unlockSubmitNew: 'Set passphrase and continue',
  unlockSubmitLocked: 'Unlock',
  unlocking: 'Unlocking…',
  errPassphraseMissing: 'Enter the passphrase',
  errConfirmMissing: 'Type the passphrase again, so that a typing mistake is caught',
  errConfirmMismatch: 'The two passphrases are different. Type them again',

  casesHeading: 'Applications',
  searchLabel: 'Name, last digits of the ID number, or phone',
  searchButton: 'Search',
  statusFilterLabel: 'Status',
  allStatuses: 'All statuses',
  statusNames: {
    draft: 'Draft',
    ready: 'Ready to submit',
    queued: 'Queued to send',
    sending: 'Sending',
    submitted: 'Submitted',
    accepted: 'Accepted',
    in_production: 'Card being made',
    ready_for_pickup: 'Ready for pickup',
    mailed: 'Mailed',
    rejected: 'Rejected',
    failed: 'Sending failed',
  },
  caseCount: (total, shown) => {
    const all = `${total} ${total === 1 ? 'application' : 'applications'}`;
    return shown < total ? `${all}, ${shown} shown` : all;
  },
  casesLoading: 'Loading the applications…',
  casesFailed: 'The applications could not be loaded',
  listSalvaged: (unreadable) =>
    'The data store is damaged: the applications below were read back one by one, and search and filters are off for now. ' +
    (unreadable > 0
      ? `${unreadable} ${unreadable === 1 ? 'record' : 'records'} could not be read: the applications in them (up to ${unreadable}) are lost. `
      : 'Every application was read back: none is lost. ') +
    'Export them as a backup soon, and run banka check to see what is damaged.',
  tryAgain: 'Try again',
  tableCaption: 'Applications, most recently changed first',
  colName: 'Name',
  colIdNumber: 'ID number',
  colMobile: 'Phone',
  colFlow: 'Application for',
  colStatus: 'Status',
  colUpdated: 'Last changed',
  colActions: 'Actions',
  notGiven: 'not given yet',
  loadMore: 'Load more',
  noCases: 'There are no applications on this computer yet. Choose “New application” to start the first one.',
  noMatch: 'No applications match. Check what you typed, or search by the last digits of the ID number or the phone number.',

  newCase: 'New application',
  newCaseLegend: 'Which describes your situation?',
  newCaseStart: 'Start',
  cancel: 'Cancel',
  errChooseFlow: 'Choose what the application is for',
  draftCreated: (flowTitle) => `Draft created: ${flowTitle}`,

  // --- Start screen by situation, next steps in the case list, region and branch pickers. ---
  placeNames: { beijing: 'Beijing', guangdong: 'Guangdong', other: 'Other applications' },
  situations: {
    'bj-individual': {
      title: 'Apply for yourself',
      hint: 'For people insured in Beijing applying for their own third-generation card.',
    },
    'bj-minor': {
      title: 'For your child (under 18)',
      hint: 'For a parent or guardian applying for a child under 18, with the child’s ID card or household register.',
    },
    'bj-retiree': {
      title: 'I am retired (large-text mode)',
      hint: 'For retired people, or someone helping them; the card comes from the bank that pays the pension.',
    },
    'bj-employer-open': {
      title: 'Employer’s designated person: open collective applications',
      hint: 'For the person who opens collective applications for an employer and chooses the banks and branches employees may use.',
    },
    'bj-employer-submit': {
      title: 'Employer’s designated person: send the list of employees',
      hint: 'For the person who sends in, together, the employees who have confirmed their details.',
    },
    'bj-employee-confirm': {
      title: 'Employee: confirm your details for your employer’s collective application',
      hint: 'For employees whose employer applies collectively: check your details, add your photos and submit.',
    },
    'gd-individual': {
      title: 'Apply for yourself',
      hint: 'For mainland, Hong Kong, Macau and Taiwan residents applying for their first card in Guangdong.',
    },
    'gd-minor': {
      title: 'For your child (under 18)',
      hint: 'For a legal guardian applying for a child under 18, with the household register or the child’s ID card.',
    },
    'gd-card-cleanup': {
      title: 'One person, one card: clear extra cards (you already have several)',
      hint: 'For people who hold cards from more than one Guangdong city: clear the extra cards, then apply again.',
    },
  },
  opensElderly: 'Opens in large-text mode',
  resumeHeading: 'Continue where you left off',
  resumeIntro: 'These applications are not finished yet. You can carry on with one:',
  noName: 'No name yet',
  resumeWhich: (name, flowTitle, when) => `: ${name}, ${flowTitle}, ${when}`,
  updatedAt: (when) => `Last changed ${when}`,
  nextSteps: {
    rejected: 'Open the application, change what the agency names above, and submit it again.',
    failed:
      'Nothing to do: it will be sent again automatically. If it keeps failing, check the endpoint address and access token under Settings → Agency endpoint.',
  },
  regionProvince: 'Province',
  regionCity: 'City',
  regionDistrict: 'District or county',
  dateHint: 'Year-month-day, for example 2016-05-01',
  branchArea: (list) => (list === 'guangdong_cities' ? 'City of the branch' : 'District of the branch'),
  branchSearchLabel: 'Search branches: name, address or pinyin initials',
  branchSearchHint: 'For example, “zql” finds 站前路支行 (Zhanqianlu). Leave it empty to list every branch.',
  branchCount: (n) => `${n} ${n === 1 ? 'branch' : 'branches'} found`,
  branchNone: 'No branches found. Try other words, or empty the search box to see every branch.',
  branchSample: 'Sample data: these are practice branches, not real bank branches.',
  branchOnlyBank: (bank) => `Only branches of ${bank} are listed (the bank you gave).`,
  branchAllBanks: 'Show branches of every bank',
  branchShowOnly: (bank) => `Show only branches of ${bank}`,
  branchAddress: 'Address: ',
  branchPhone: 'Phone: ',
  branchChosen: 'Chosen: ',
  branchChange: 'Choose again',
  pickerUnavailable: 'Type it in below instead.',
  // --- End of the start screen and pickers block. ---

  deleteButton: 'Delete',
  // Follows "Delete" directly, hence the leading space.
  deleteWhose: (name, statusName, when) =>
    name ? ` ${name}’s application` : ` ${statusName.toLowerCase()} with no name yet (${when})`,
  deleteHeading: 'Delete this application?',
  deleteWarning: 'This cannot be undone: the applicant’s details and photos are removed from this computer for good.',
  deleteWhich: (name, flowTitle, statusName) => `${name || 'No name yet'} · ${flowTitle} · ${statusName}`,
  deleteConsequence: (place, reference) => {
    if (place === 'outbox') return 'This application has not reached the agency yet; once deleted it will not be sent.';
    if (place === 'here') return null;
    const ref = reference?.trim();
    return `Deleting only removes it from this computer; the application the agency has is not withdrawn.${
      ref ? ` Its reference number is ${ref}: note it down first if you may need it.` : ''
    }`;
  },
  confirmDelete: 'Yes, delete it',
  deleting: 'Deleting…',
  deleted: 'Deleted',

  // --- Export and import of case bundles in the case list (the case list helper's block). ---
  selectAllShown: 'Select all the applications listed',
  selectCase: 'Select',
  selectedCount: (n) =>
    n === 0 ? 'No applications selected' : `${n} ${n === 1 ? 'application' : 'applications'} selected`,
  exportSelected: 'Export selected',
  importBundle: 'Import a bundle',
  errNothingSelected: 'Select the applications to export first',
  exportHeading: (n) => `Export ${n} ${n === 1 ? 'application' : 'applications'}`,
  exportWhich: 'The bundle will hold:',
  exportWarning:
    'The bundle holds the applicants’ personal details and photos, encrypted with the passphrase you set below. The computer that receives it needs this passphrase to import it: tell the other person face to face or by phone, never together with the file.',
  importIntro:
    'Enter the passphrase that was set when the bundle was exported, then choose the bundle file (its name ends in .banka) in the window that opens. An application already on this computer is replaced only by a newer version from the bundle.',
  bundlePassphraseLabel: 'Bundle passphrase',
  errBundlePassphraseMissing: 'Enter the bundle passphrase',
  confirmExport: 'Export',
  confirmImport: 'Import',
  exporting: 'Exporting…',
  importing: 'Importing…',
  exportRunning: 'Exporting… Choose where to save it in the window that opens; encrypting then takes a few seconds.',
  importRunning: 'Importing… Choose the bundle file in the window that opens; decrypting and checking it then take a few seconds.',
  exportedTo: (n, fileName) => `Exported ${n} ${n === 1 ? 'application' : 'applications'} to ${fileName}`,
  importedHeading: 'Bundle imported',
  importCounts: (added, updated, skipped) => `${added} added, ${updated} updated, ${skipped} skipped`,
  importSkippedHeading: 'Not imported:',
  skippedCase: (who, reason) => `${who}: ${reason}`,
  caseNumber: (id) => `Case ${id}`,
  // --- End of the case bundles block. ---

  settingsHeading: 'Settings',
  settingsLoading: 'Loading the settings…',
  saving: 'Saving…',

  agencyHeading: 'Agency endpoint',
  agencyIntro:
    'Submitted applications are sent from this computer to the social security agency. The agency gives you the endpoint address and the access token.',
  endpointLabel: 'Endpoint address',
  endpointHint: 'Starts with https://, for example https://api.example.gov.cn/banka. Not used while training mode is on.',
  tokenLabel: 'Access token',
  tokenHintNew: 'The token the agency issued to this service centre. It is never shown again once saved.',
  tokenHintSaved: 'A token is saved. Leave this blank to keep it; typing a new one replaces it.',
  tokenPlaceholderSaved: 'Token saved – leave blank to keep it',
  removeToken: 'Remove the saved token',
  trainingLabel: 'Training mode',
  trainingHint:
    'Training mode: a practice agency runs on this computer. Applications go there and never to the real agency, and SMS codes are shown on screen. For practice and demonstrations.',
  trainingRunning: 'The practice agency is running on this computer at ',
  trainingNotRunning: 'Training mode is on, but the practice agency is not running.',
  agencySave: 'Save agency settings',
  agencySaved: 'The agency settings have been saved.',
  agencyLoadFailed: 'The agency settings could not be loaded',

  outboxHeading: 'Outbox',
  outboxIntro:
    'Submitted applications wait here, then are sent to the agency automatically. This is updated every 3 seconds.',
  outboxQueued: 'Waiting to be sent',
  outboxSending: 'Being sent',
  outboxFailed: 'Failed to send',
  outboxCount: (n) => `${n} ${n === 1 ? 'application' : 'applications'}`,
  senderLabel: 'Sender: ',
  senderStates: {
    running: 'running; queued applications are sent automatically.',
    stopped: 'stopped; queued applications are not being sent for now.',
    not_configured: 'not set up. Set an endpoint address above, or turn on training mode.',
    unauthorized: 'the agency refused the access token. Check the token, or ask the agency for a new one.',
  },
  outboxLoading: 'Loading the outbox…',
  sendNow: 'Send now',
  sendingNow: 'Sending…',
  sendNowDone: (n) => `Started sending ${n === 1 ? 'the waiting case' : `${n} waiting cases`}.`,
  outboxLoadFailed: 'The outbox could not be read just now',

  displayHeading: 'Display',
  langLegend: 'Language',
  elderlyHint: 'Larger text and buttons, and stronger contrast.',

  computerHeading: 'This computer',
  operatorLabel: 'Operator’s name',
  operatorHint:
    'Fill this in at a service centre: every change is recorded under this name. Leave it blank when residents use Banka at home.',
  operatorSave: 'Save name',
  operatorSaved: 'The operator’s name has been saved.',
  dataDirLabel: 'Where the data is stored',
  dataDirHint: 'The encrypted applications are kept in this folder on this computer.',
  // --- Change the passphrase in Settings (the settings helper's block). ---
  changePassphraseHeading: 'Change the passphrase',
  changePassphraseIntro:
    'Everything stays encrypted: only the passphrase that opens it changes. A forgotten passphrase cannot be recovered, so write the new one down and keep it somewhere safe.',
  currentPassphraseLabel: 'Current passphrase',
  newPassphraseLabel: 'New passphrase',
  newPassphraseConfirmLabel: 'Type the new passphrase again',
  changePassphraseSubmit: 'Change the passphrase',
  changingPassphrase: 'Changing…',
  passphraseChanged: 'The passphrase has been changed. Use the new one next time Banka opens.',
  errCurrentPassphraseMissing: 'Enter the current passphrase',
  errNewPassphraseMissing: 'Enter the new passphrase',
  errNewPassphraseUnchanged: 'The new passphrase is the same as the current one. Choose a different one',
  errNewConfirmMissing: 'Type the new passphrase again, so that a typing mistake is caught',
  errNewConfirmMismatch: 'The two new passphrases are different. Type them again',
  // --- End of the change-the-passphrase block. ---

  heading: 'Check a number',
  intro: 'Choose the kind of number, then type it. You will see at once whether the number is valid and what it tells us. Numbers are checked on this computer only and are never sent online.',
  kindLabel: 'Kind of number',
  valueLabel: 'Number',
  beijingAddress: 'This is a Beijing address',
  hints: {
    'id-number': '18 characters; the last one may be the letter X. Old 15-digit numbers can be entered too.',
    'social-security-number': 'Your social security number is the same as your 18-character ID number.',
    'hk-macau-travel-permit': 'H or M followed by 8 digits (and perhaps a 2-digit issue count), e.g. H12345678.',
    'taiwan-travel-permit': '8 digits (and perhaps a 2-digit issue count).',
    'foreign-pr-id': '18 characters starting with 9 (cards issued since 2023).',
    uscc: '18 digits and capital letters, printed on the business licence.',
    mobile: 'An 11-digit mainland China mobile number.',
    'postal-code': '6 digits.',
  },
  valueKinds: {
    'id-number': 'ID number (ID card, residence permit or foreign PR card)',
    'social-security-number': 'Social security number',
    'hk-macau-travel-permit': 'Mainland Travel Permit for Hong Kong and Macau Residents',
    'taiwan-travel-permit': 'Mainland Travel Permit for Taiwan Residents',
    'foreign-pr-id': 'Foreign Permanent Resident ID Card',
    uscc: 'Unified Social Credit Code',
    mobile: 'Mobile phone number',
    'postal-code': 'Postal code',
  },

  emptyHint: 'Type a number above; the result will appear here.',
  resultHeading: 'Result',
  valid: 'Valid',
  invalid: 'Not valid',
  errorsHeading: 'What needs correcting:',
  pleaseNote: 'Please note',

  normalized: 'Standard form',
  normalizedDiffers: (typed) => `Written in the standard form (you typed: ${typed}).`,
  documentKind: 'Document',
  documentKinds: {
    citizen_id: 'Resident Identity Card',
    hk_residence_permit: 'Residence Permit for Hong Kong Residents',
    macau_residence_permit: 'Residence Permit for Macau Residents',
    taiwan_residence_permit: 'Residence Permit for Taiwan Residents',
    foreign_permanent_residence_id: 'Foreign Permanent Resident ID Card',
    hk_macau_travel_permit: 'Mainland Travel Permit for Hong Kong and Macau Residents',
    taiwan_travel_permit: 'Mainland Travel Permit for Taiwan Residents',
  },
  birthDate: 'Date of birth',
  formatDate: (year, month, day) => `${day} ${MONTHS_EN[month - 1] ?? month} ${year}`,
  gender: 'Gender',
  genders: { male: 'male', female: 'female' },
  age: 'Age',
  formatAge: (years) => `${years} ${years === 1 ? 'year' : 'years'}`,
  region: 'Region',

  ipcErrorTitle: 'The number could not be checked',
  ipcErrorBody: 'Something went wrong inside the app and the number was not checked. Please try again in a moment; if this keeps happening, ask a member of staff.',
  ipcErrorCode: (code) => `Error code: ${code}`,

  openCase: 'View',
  openDraft: 'Continue',
  openWhose: (name, statusName) => (name ? `: ${name} (${statusName})` : `: no name yet (${statusName})`),
  backToList: 'Back to the applications',
  wizardHeading: 'Application',
  wizardLoading: 'Opening the application…',
  wizardLoadFailed: 'The application could not be opened',
  stepsLabel: 'Steps of the application',
  stepOf: (n, total) => `Step ${n} of ${total}`,
  stepComplete: ' (complete)',
  saved: 'Saved',
  savingNow: 'Saving…',
  saveFailed: 'Not saved',
  optional: ' (optional)',
  continueButton: 'Continue',
  backButton: 'Back',
  lockedLabel: 'Locked: ',
  derivedHint: 'Worked out from your answers: please check it.',
  chooseOne: 'Choose one',
  loadingList: 'Loading the choices…',
  filterList: 'Filter the choices',
  yes: 'Yes',
  no: 'No',
  noAnswer: 'Not given',
  regionHint: 'The 6-digit area code, for example 110105.',
  pleaseNoteField: 'Please note: ',
  idHintsLabel: 'Read from the number',
  agencyFailed: 'The agency could not be asked just now. You can go on and try again later.',
  askingAgency: 'Asking the agency…',
  nextFlowTitle: 'This application cannot go ahead as it is',
  nextFlowBody: (flow) => `The agency’s answer is above. Apply for “${flow}” instead.`,
  followButton: 'Apply for that instead',
  uploadKinds: {
    id_card_front: 'ID card, national emblem side',
    id_card_back: 'ID card, personal information side',
    proxy_id_card_front: 'Your ID card, national emblem side',
    proxy_id_card_back: 'Your ID card, personal information side',
    birth_certificate: 'Birth certificate',
    hukou_main_page: 'Household register, main page',
    hukou_applicant_page: 'Household register, applicant’s page',
    hukou_applicant_page_back: 'Household register, back of the applicant’s page',
    hukou_householder_page: 'Household register, householder’s page',
    hukou_householder_page_back: 'Household register, back of the householder’s page',
    travel_permit_front: 'Travel permit, front',
    travel_permit_back: 'Travel permit, back',
    residence_permit_front: 'Residence permit, front',
    residence_permit_back: 'Residence permit, back',
    card_photo: 'Card photo',
  },
  uploadIntro: 'Upload a clear picture of each. Each is checked at once; if something is wrong you are told how to put it right.',
  chooseFile: 'Or choose the file here',
  dropHere: 'You can also drop a picture into this box.',
  uploading: 'Uploading and checking…',
  fixing: 'Fixing…',
  uploadDone: 'Uploaded',
  uploadMissing: 'Not uploaded yet',
  photoOk: 'The check passed.',
  photoProblems: 'The picture has these problems:',
  photoRefused: 'The agency would not accept this picture. Fix it or upload another:',
  photoAdvisory: 'Worth fixing, but you may use the picture anyway:',
  useAnyway: 'Use this picture anyway',
  usedAnyway: 'You chose to use this picture anyway (recorded).',
  agencyWaitingTitle: 'Waiting for the agency',
  agencyWaitingBody: 'Your draft is saved and you can go on. The agency is asked as soon as it can be reached; the application can be sent once the agency says the person may apply.',
  agencyAskNow: 'Ask now',
  continueApplication: 'Continue your application',
  getPhoto: 'Get the photo',
  gettingPhoto: 'Getting the photo from the agency…',
  agencyPhotoAlt: 'The card photo registered under the receipt number',
  photoOnFileAlt: 'Your photo in the social security system',
  fixButton: 'Fix it',
  fixedChanges: 'Fixed: ',
  previewAlt: (kind) => `The uploaded ${kind}`,
  checkHeading: 'Check your answers',
  changeLink: 'Change',
  changeWhat: (label) => ` ${label}`,
  submitButton: 'Submit the application',
  submitHeading: 'Submit the application?',
  submitWarning: 'Once submitted, the application goes to the agency and can no longer be changed.',
  confirmSubmit: 'Yes, submit it',
  submitting: 'Submitting…',
  notReady: 'Parts of the application are not finished yet: put right what is said above first.',
  queuedHeading: 'Queued — it will be sent when online',
  queuedBody: 'The application waits in this computer’s outbox and is sent to the agency as soon as the computer is online. You can close this page.',
  sendingBody: 'Sending it to the agency…',
  submittedHeading: 'Submitted',
  referenceLabel: 'Reference number',
  whatNextHeading: 'What happens next',
  whatNextBody: 'The agency checks the application and makes the card; its progress shows in the list of applications. Keep the reference number to ask about it.',
  caseStatusHeading: 'Application status',
  statusReason: 'Reason: ',
  appliedOn: 'Application date: ',

  // --- Wizard: step text, SMS codes, documents, reopening, revisiting, one question per page. ---
  smsGoesTo: (mobile) => `The code will be sent to ${mobile}.`,
  smsNoMobile: 'Enter the mobile number first, then send the code.',
  smsSend: 'Send code',
  smsSending: 'Sending…',
  smsWait: (seconds) => `Send again in ${seconds} s`,
  smsSendAgain: 'Send a new code',
  smsSent: (mobile) => `A code has been sent to ${mobile}. Enter it within 5 minutes.`,
  smsTrainingCode: 'Training mode code: ',
  smsNoAgency:
    'No agency is set up, so no code can be sent. In Settings, under “Agency endpoint”, enter its address and token, or turn on training mode.',
  smsWrong: 'The SMS code is wrong or has expired. Check it, or ask for a new code.',
  pickFile: 'Choose a picture…',
  removeDocument: 'Remove',
  removeHeading: (kind) => `Remove “${kind}”?`,
  removeWarning: 'You will need to upload it again.',
  confirmRemove: 'Yes, remove it',
  removing: 'Removing…',
  useDefaultPhoto: 'Use the default cartoon photo',
  defaultPhotoHint: 'A child under 7 may use the cartoon photo the system provides.',
  marksLegend: 'Marks on the picture:',
  markNames: {
    document: 'Purple dotted line: the edges of the document',
    crop: 'Green dashed line: what the fix keeps',
    face: 'Blue line: the face',
    glare: 'Orange shading: glare',
  },
  reopenIntro: 'You can change the application as the reason above says, then submit it again.',
  reopenButton: 'Change and resubmit',
  reopening: 'Opening…',
  reopenReason: 'Changed as the agency asked',
  revisitTitle: 'Check these steps again',
  revisitBody: 'The application form has changed since you started: these steps have new or changed questions. Look at your answers again.',
  questionOf: (n, total) => `Question ${n} of ${total}`,
  // --- The employer's roster of employees (bj-employer-submit) ---
  rosterCaption: 'Employees and their confirmation status',
  rosterName: 'Name',
  rosterStatus: 'Status',
  rosterStatuses: {
    registered: 'Waiting for the employee to confirm their details',
    confirmed: 'Confirmed: can be submitted',
    submitted: 'Submitted',
  },
  rosterSummary: (total, confirmed, waiting, submitted) =>
    `${total} ${total === 1 ? 'employee' : 'employees'}: ${confirmed} can be submitted, ${waiting} waiting to confirm${submitted > 0 ? `, ${submitted} already submitted` : ''}.`,
  rosterNoneConfirmed:
    'No employee has confirmed their details yet, so nobody can be submitted. Ask your employees to confirm them through “Confirm your details for your employer’s collective application”, then open this application again: the list is fetched again.',
  rosterIdNumber: 'ID number',
  rosterStatusUnknown: 'Status not known: cannot be submitted yet',
  rosterAllSubmitted: 'Everyone on the list has already been submitted: there is nobody left to submit.',
  rosterEmpty:
    'The agency lists no employees for your organisation. Check the unified social credit code on the previous step; the list is fetched again when you open this application again.',
  rosterNoList:
    'The list of your organisation’s employees has not come from the agency yet. In Settings, under “Agency endpoint”, enter its address and token (or turn on training mode), then open this application again.',
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Formats a YYYY-MM-DD date for `lang`; anything else is shown as it came. */
export function formatIsoDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return MESSAGES[lang].formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Picks the message in `lang` from something Rust put into words in both (a finding, an error). */
export function localized(lang: Lang, m: { message_zh: string; message_en: string }): string {
  return lang === 'zh' ? m.message_zh : m.message_en;
}

/**
 * An RFC 3339 instant (Rust stores UTC) as local time, `2026-11-21 14:05`: the same in both
 * languages, and what operators compare with the clock on the wall. Anything else is shown as it came.
 */
export function formatLocalDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
