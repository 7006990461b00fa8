// The contract every language fills: a key missing from a language's file (or a ValueKind,
// IdDocument or status without a name) is a type error there.

import type { IdDocument } from '../../bindings/IdDocument';
import type { Marks } from '../../bindings/Marks';
import type { CasePlace } from '../../bindings/CasePlace';
import type { Gender } from '../../bindings/Gender';
import type { SenderState } from '../../bindings/SenderState';
import type { Status } from '../../bindings/Status';
import type { ValueKind } from '../../bindings/ValueKind';
import type { CodeList } from '../../bindings/CodeList';
import type { SituationFlow, SituationPlace } from '../situations';

export interface Messages {
  common: CommonMessages;
  header: HeaderMessages;
  nav: NavMessages;
  unlock: UnlockMessages;
  cases: CasesMessages;
  newCase: NewCaseMessages;
  bundles: BundlesMessages;
  settings: SettingsMessages;
  numberCheck: NumberCheckMessages;
  wizard: WizardMessages;
  pickers: PickersMessages;
  documents: DocumentsMessages;
  checkAnswers: CheckAnswersMessages;
  outcome: OutcomeMessages;
  roster: RosterMessages;
}

/** Words more than one screen uses, and those of the parts every screen shares (the error summary,
 *  dialogs, passphrase fields). */
export interface CommonMessages {
  /** The name of this language, written in it (shown on the switch to it). */
  langName: string;
  elderlyMode: string;
  /** What any unexpected failure says (a rejection that is not an IpcError). */
  internalError: string;

  /** The error summary's title (GOV.UK: "There is a problem"). */
  errorSummaryTitle: string;
  /** Read before an inline error message, for screen readers. */
  errorPrefix: string;
  /** The hint under a new passphrase; `min` comes from Rust (the store's rule). */
  passphraseHintNew: (min: number) => string;
  passphraseConfirmLabel: string;
  showPassphrase: string;
  hidePassphrase: string;
  /** Announced when the show/hide button is pressed. */
  passphraseShown: string;
  passphraseHidden: string;
  errConfirmMissing: string;
  errConfirmMismatch: string;
  statusNames: Record<Status, string>;
  tryAgain: string;
  cancel: string;
  /** What to do about a case the agency rejected, or one that could not be sent. */
  nextSteps: Record<'rejected' | 'failed', string>;
  /** Names a case where a dialog lists it (deleting it, exporting it). */
  caseWhich: (name: string, flowTitle: string, statusName: string) => string;
  birthDate: string;
  /** Formats a date of birth given as numbers (month 1–12). */
  formatDate: (year: number, month: number, day: number) => string;
  gender: string;
  genders: Record<Gender, string>;
  region: string;
  openDraft: string;
  submitButton: string;
  statusReason: string;
}

/** The window around every screen: its title, the header and what App.svelte says itself. */
export interface HeaderMessages {
  /** The document title, given the current page's heading. */
  title: (page: string) => string;
  /** The language switch (each language named in itself), for screen readers. */
  switchLanguage: string;
  settings: string;
  /** Shown when settings_set rejected: the change holds for this session only. */
  settingsNotSaved: string;
  /** While the app asks Rust whether the data is locked. */
  opening: string;
}

/** The main navigation and its entries. */
export interface NavMessages {
  /** The navigation's own name, for screen readers. */
  label: string;
  cases: string;
  check: string;
  settings: string;
}

/** The unlock screen: set the data passphrase (first start) or unlock with it. */
export interface UnlockMessages {
  newHeading: string;
  /** What the passphrase is for, in plain words: one paragraph each. */
  newIntro: readonly string[];
  lockedHeading: string;
  lockedIntro: string;
  passphraseLabel: string;
  submitNew: string;
  submitLocked: string;
  unlocking: string;
  errPassphraseMissing: string;
}

/** The case list: search, filter, the table, loading more, deleting. */
export interface CasesMessages {
  heading: string;
  searchLabel: string;
  searchButton: string;
  statusFilterLabel: string;
  allStatuses: string;
  /** The results count: how many match and, when fewer are listed, how many are. */
  caseCount: (total: number, shown: number) => string;
  loading: string;
  failed: string;
  /** The store is damaged where the list is kept: the cases were read back one by one. */
  listSalvaged: (unreadable: number) => string;
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
  /** Says which flow the new draft is for. */
  draftCreated: (flowTitle: string) => string;

  deleteButton: string;
  /** Completes a delete button's accessible name ("删除" + this): whose application, or which draft. */
  deleteWhose: (name: string, statusName: string, when: string) => string;
  deleteHeading: string;
  deleteWarning: string;
  /** What deleting means for a case where it is (Rust's `facts.place`), with its agency reference
   *  number when it has one; null when there is nothing to add to `deleteWarning`. */
  deleteConsequence: (place: CasePlace, reference: string | null) => string | null;
  confirmDelete: string;
  deleting: string;
  deleted: string;

  /** The open action on a case list row, and its accessible completion (whose case). */
  openCase: string;
  openWhose: (name: string, statusName: string) => string;
}

/** The start screen: situations in plain words, and the drafts to resume. */
export interface NewCaseMessages {
  open: string;
  legend: string;
  start: string;
  errChooseFlow: string;

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
}

/** Export and import of case bundles from the case list. */
export interface BundlesMessages {
  /** The label of the checkbox that selects every case shown. */
  selectAllShown: string;
  /** Before `cases.deleteWhose` in a row checkbox's label ("选择" + "张三的申请"). */
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
  passphraseLabel: string;
  errPassphraseMissing: string;
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
}

/** The settings screen: the agency, the outbox, display, this computer, the passphrase. */
export interface SettingsMessages {
  heading: string;
  /** While the agency settings are read. */
  loading: string;
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
  /** What elderly mode changes (its name is `common.elderlyMode`). */
  elderlyHint: string;

  computerHeading: string;
  operatorLabel: string;
  operatorHint: string;
  operatorSave: string;
  operatorSaved: string;
  dataDirLabel: string;
  dataDirHint: string;
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
}

/** The number check (号码核验) and its result. */
export interface NumberCheckMessages {
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
  age: string;
  formatAge: (years: number) => string;

  ipcErrorTitle: string;
  ipcErrorBody: string;
  ipcErrorCode: (code: string) => string;
}

/** The application wizard around its pages: steps, questions, saving, the agency, SMS codes, submitting. */
export interface WizardMessages {
  /** A field's problem said on a page without the field (check answers): its name, then what is wrong. */
  fieldProblem: (field: string, message: string) => string;
  /** Under a date input: the format it takes. */
  dateHint: string;
  /** After the reason a picker cannot be used: the text box below takes the answer. */
  pickerUnavailable: string;
  backToList: string;
  heading: string;
  loading: string;
  loadFailed: string;
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
  /** The eligibility gate, while the agency has not answered. */
  agencyWaitingTitle: string;
  agencyWaitingBody: string;
  agencyAskNow: string;
  /** 【获取图片】 (seed 004 §1.3.4). */
  getPhoto: string;
  gettingPhoto: string;
  agencyPhotoAlt: string;
  photoOnFileAlt: string;
  submitHeading: string;
  submitWarning: string;
  confirmSubmit: string;
  submitting: string;
  notReady: string;

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
  /** Elderly mode: which question of the step is shown. */
  questionOf: (n: number, total: number) => string;
}

/** The wizard's region cascade and bank branch picker. */
export interface PickersMessages {
  regionProvince: string;
  regionCity: string;
  regionDistrict: string;
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
}

/** A documents step: uploads, the photo check, fixes, removal. */
export interface DocumentsMessages {
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
  fixButton: string;
  fixedChanges: string;
  /** What a fix did, one change after another. */
  changeList: (changes: readonly string[]) => string;
  previewAlt: (kind: string) => string;
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
}

/** The check-answers page. */
export interface CheckAnswersMessages {
  heading: string;
  changeLink: string;
  changeWhat: (label: string) => string;
  revisitTitle: string;
  revisitBody: string;
}

/** A case no longer a draft: where it stands, reopen, 继续申领. */
export interface OutcomeMessages {
  /** 【继续申领】 after a clean-up (seed 004 §1.3.12). */
  continueApplication: string;
  queuedHeading: string;
  queuedBody: string;
  /** A case being sent right now (its upload under way). */
  sendingHeading: string;
  sendingBody: string;
  submittedHeading: string;
  referenceLabel: string;
  whatNextHeading: string;
  whatNextBody: string;
  caseStatusHeading: string;
  /** The application date: the day the case was finalized, which the agency judges it on. */
  appliedOn: string;
  reopenIntro: string;
  reopenButton: string;
  reopening: string;
  /** Recorded with the reopening (the audit trail). */
  reopenReason: string;
}

/** The employer's roster of employees (bj-employer-submit). */
export interface RosterMessages {
  caption: string;
  name: string;
  status: string;
  statuses: Record<'registered' | 'confirmed' | 'submitted', string>;
  summary: (total: number, confirmed: number, waiting: number, submitted: number) => string;
  noneConfirmed: string;
  /** The masked ID number column, when the agency gives one. */
  idNumber: string;
  /** A status the agency gave that has no words here. */
  statusUnknown: string;
  /** Everyone listed has already been submitted. */
  allSubmitted: string;
  /** The agency listed nobody. */
  empty: string;
  /** There is no list from the agency on the case. */
  noList: string;
}
