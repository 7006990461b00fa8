import { fireEvent, waitFor } from '@testing-library/svelte';
import type { Channel } from '@tauri-apps/api/core';
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AgencyEvent } from '../bindings/AgencyEvent';
import axe from 'axe-core';
import { expect } from 'vitest';
import type { AgencyChange } from '../bindings/AgencyChange';
import type { AgencySettings } from '../bindings/AgencySettings';
import type { CaseSummary } from '../bindings/CaseSummary';
import type { Localized } from '../bindings/Localized';
import type { FlowTitle } from '../bindings/FlowTitle';
import type { IpcError } from '../bindings/IpcError';
import type { OutboxState } from '../bindings/OutboxState';
import type { Page } from '../bindings/Page';
import type { Salvaged } from '../bindings/Salvaged';
import type { Query } from '../bindings/Query';
import type { Settings } from '../bindings/Settings';
import type { StoreState } from '../bindings/StoreState';
import type { ValidationReport } from '../bindings/ValidationReport';
import type { ValueKind } from '../bindings/ValueKind';
import {
  AGENCY_UNSET,
  FLOWS,
  HTTP_ENDPOINT,
  LOCKED,
  OUTBOX_IDLE,
  TRAINING_URL,
  WEAK_PASSPHRASE,
  WRONG_PASSPHRASE,
  ipcError,
  summary,
  withFacts,
  wizardView,
} from './fixtures';
import type { TestFlow } from './engine';
// The pickers' data (region_choices, bank_branches, the districts of code_list).
import { AREA_LISTS, directoryFor, regionChoicesFor } from './fixtures';
import type { CodeList } from '../bindings/CodeList';
import type { Status } from '../bindings/Status';
// The wizard's step text, SMS codes, uploads and reopening (the wizard helper's blocks).
import { AGENCY_NOT_CONFIGURED, agencyRefusal, PHOTO_CHECK, PHOTO_FIXED, TRAINING_SMS_CODE } from './fixtures';
import type { PhotoCheck } from '../bindings/PhotoCheck';
import type { Upload } from '../bindings/Upload';
// Case bundles: export and import (the case list helper's block).
import { BAD_BUNDLE, BUNDLE } from './fixtures';
import type { Skipped } from '../bindings/Skipped';
import { localized, same } from './localized';

export interface ValidateArgs {
  kind: ValueKind;
  value: string;
  beijingAddress: boolean;
}

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface BackendOptions {
  validate?: (args: ValidateArgs) => ValidationReport | Promise<ValidationReport>;
  /** What settings_get answers (Rust's defaults unless given). */
  settings?: Settings;
  /** The case store's state at start; "unlocked" unless given. */
  store?: StoreState;
  /** The passphrase that opens a "locked" store. */
  passphrase?: string;
  cases?: CaseSummary[];
  flows?: FlowTitle[];
  /** The most cases Rust gives per page: its page size without a limit (DEFAULT_PAGE, 50), its
   *  cap with one; tests make it small to page through a few cases. */
  pageSize?: number;
  /** What agency_settings_get answers at start (nothing set unless given). */
  agency?: AgencySettings;
  /** What outbox_state answers at start (empty, sender not configured, unless given). */
  outbox?: OutboxState;
  /** Answers already given in a case (by case id), for case_open and the wizard. */
  answers?: Record<string, Record<string, unknown>>;
  /** Cases whose card photo is already uploaded. */
  photos?: string[];
  /** The UI tests' flow the wizard's cases follow (test/engine.ts; the small one unless given). */
  flow?: TestFlow;
  /** The flow version the wizard's cases were started with, when older than the flow's. */
  startedVersion?: number;
}

/** A case as the fake store keeps it for the wizard (the engine evaluates it). */
export interface WizardCase {
  answers: Record<string, unknown>;
  photo: boolean;
  status: Status;
  reference: string | null;
  /** The summary's status_reason, and the stored photo's check (the wizard helper's). */
  reason: Localized | null;
  check: PhotoCheck | null;
}

/** The fake's state and what it was asked, for tests to read and change. */
export interface Backend {
  calls: Call[];
  /** Only the validate_value calls (what the number-check tests look at). */
  validateCalls: { cmd: string; args: ValidateArgs }[];
  /** The arguments of every call to `cmd`, in order. */
  argsOf(cmd: string): Record<string, unknown>[];
  store: StoreState;
  settings: Settings;
  cases: CaseSummary[];
  /** Set: the store is damaged where the list is kept, and case_list answers as Rust then does
   *  (every readable case, unfiltered, with this). */
  salvaged: Salvaged | null;
  agency: AgencySettings;
  /** Whether a token is saved, and which (the UI is never given it back). */
  token: string | null;
  outbox: OutboxState;
  /** Commands that reject from now on, with what. */
  fail: Partial<Record<string, IpcError>>;
  /** Commands held until the promise settles (to see busy states). */
  hold: Partial<Record<string, Promise<unknown>>>;
  /** The wizard's cases (answers, photo, status), made on first use. */
  wizard: Record<string, WizardCase>;
  /** The picture the system's file dialog gives next, as its check; null: the person cancels. */
  picked: PhotoCheck | null;
  /** Sends the sender's news to the page, as Rust does on the channel of events_watch. */
  push(event: AgencyEvent): void;
  // Case bundles (the case list helper's block).
  /** The file name the system's save dialog gives an export; null: the person cancels. */
  savedAs: string | null;
  /** The bundle the system's open dialog gives an import; null: the person cancels. */
  bundle: Bundle | null;
}

/** A bundle file as the fake reads it: what opens it, the cases it adds or updates, what Rust
 *  would skip (the case list helper's). */
export interface Bundle {
  passphrase: string;
  cases: CaseSummary[];
  skipped: Skipped[];
}

export const PASSPHRASE = 'correct horse battery';

/**
 * Stands in for Rust: a small in-memory case store behind the same commands, recording every call.
 * It checks what Rust checks (passphrase length and match, locked store) and answers with the same
 * error shapes.
 */
export function mockBackend(options: BackendOptions = {}): Backend {
  const backend: Backend = {
    calls: [],
    validateCalls: [],
    argsOf: (cmd) => backend.calls.filter((c) => c.cmd === cmd).map((c) => c.args),
    store: options.store ?? 'unlocked',
    settings: options.settings ?? { lang: 'zh', elderly: false, operator: null },
    cases: [...(options.cases ?? [])],
    salvaged: null,
    agency: { ...(options.agency ?? AGENCY_UNSET) },
    token: options.agency?.has_token ? 'saved-token' : null,
    outbox: { ...(options.outbox ?? OUTBOX_IDLE) },
    fail: {},
    hold: {},
    wizard: {},
    picked: PHOTO_CHECK,
    push: (event) => watching?.onmessage(event),
    savedAs: 'banka-20261121-1405.banka',
    bundle: BUNDLE,
  };
  const wizardCase = (id: string): WizardCase => {
    const known = backend.wizard[id];
    if (known) return known;
    if (!backend.cases.some((c) => c.id === id)) throw ipcError('no_case', '找不到案件', 'There is no such case');
    const made: WizardCase = {
      answers: { ...(options.answers?.[id] ?? {}) },
      photo: options.photos?.includes(id) ?? false,
      status: backend.cases.find((c) => c.id === id)?.status ?? 'draft',
      reference: null,
      reason: backend.cases.find((c) => c.id === id)?.status_reason ?? null,
      check: null,
    };
    backend.wizard[id] = made;
    return made;
  };
  const caseView = (id: string) => {
    const c = wizardCase(id);
    const listed = backend.cases.find((s) => s.id === id);
    const shown = summary({
      ...listed,
      id,
      status: c.status,
      agency_reference: c.reference,
      status_reason: c.reason,
      applicant_name: String(c.answers['applicant.name'] ?? ''),
      // As the store keeps it: a draft has no application date.
      applied_on: c.status === 'draft' ? null : (listed?.applied_on ?? null),
    });
    return wizardView(options.flow ?? 'ui-small', shown, c.answers, c.photo, c.check, options.startedVersion ?? null);
  };
  /** Stores a picture for the card photo (the only document of the small flow) with its check
   *  (the wizard helper's). */
  const stored = (id: string, kind: string, fileName: string, check: PhotoCheck, changes: Localized[] = []): Upload => {
    const c = wizardCase(id);
    if (kind === 'card_photo') {
      c.photo = true;
      c.check = check;
    }
    const document = { kind, sha256: 'cd', file_name: fileName, size: 10, width: check.width, height: check.height, checks: null, added_at: '2026-11-20T01:00:00Z' };
    return { document, check, changes, view: caseView(id) };
  };
  const flows = options.flows ?? FLOWS;
  const pageSize = options.pageSize ?? 50;
  const passphrase = options.passphrase ?? PASSPHRASE;
  let created = 0;

  const unlocked = () => {
    if (backend.store !== 'unlocked') throw LOCKED;
  };
  // The channel the page opened for the sender's news (events_watch).
  let watching: Channel<AgencyEvent> | null = null;
  // The passphrase as store_change_passphrase last set it (the settings helper's).
  let currentPassphrase = passphrase;

  const respond = async (cmd: string, payload: unknown): Promise<unknown> => {
    const args = (payload ?? {}) as Record<string, unknown>;
    backend.calls.push({ cmd, args });
    if (cmd === 'validate_value') backend.validateCalls.push({ cmd, args: args as unknown as ValidateArgs });
    await backend.hold[cmd];
    const failure = backend.fail[cmd];
    if (failure) throw failure;

    switch (cmd) {
      case 'validate_value':
        if (!options.validate) throw ipcError('internal', '未设置', 'not mocked');
        return options.validate(args as unknown as ValidateArgs);
      case 'settings_get':
        return { ...backend.settings };
      case 'settings_set': {
        const given = args.settings as Settings;
        backend.settings = { ...given, operator: given.operator?.trim() || null };
        return { ...backend.settings };
      }
      case 'store_status':
        return { state: backend.store, data_dir: '/home/test/.local/share/banka', min_passphrase_chars: 8 };
      case 'store_unlock': {
        const typed = String(args.passphrase);
        if (backend.store === 'new' && [...typed].length < 8) throw WEAK_PASSPHRASE;
        if (backend.store === 'locked' && typed !== passphrase) throw WRONG_PASSPHRASE;
        backend.store = 'unlocked';
        return { state: backend.store, data_dir: '/home/test/.local/share/banka', min_passphrase_chars: 8 };
      }
      case 'flow_list':
        return flows;
      case 'case_list': {
        unlocked();
        const q = args.query as Query;
        if (backend.salvaged) {
          const offset = q.offset ?? 0;
          const page: Page = { total: backend.cases.length, cases: backend.cases.slice(offset, offset + (q.limit ?? pageSize)), salvaged: backend.salvaged };
          return page;
        }
        const text = q.text?.trim().toUpperCase() ?? '';
        const isNumber = /^\d+X?$/.test(text);
        const matches = backend.cases.filter(
          (c) =>
            (text === '' ||
              (isNumber
                ? c.applicant_id_number_masked.endsWith(text) || c.applicant_mobile_masked.includes(text)
                : c.applicant_name.toUpperCase().includes(text))) &&
            (q.status === undefined || c.status === q.status) &&
            (q.flow === undefined || c.flow_id === q.flow),
        );
        const offset = q.offset ?? 0;
        const page: Page = { total: matches.length, cases: matches.slice(offset, offset + Math.min(q.limit ?? pageSize, pageSize)) };
        return page;
      }
      case 'case_new': {
        unlocked();
        const flow = String(args.flow);
        if (!flows.some((f) => f.id === flow)) throw ipcError('unknown_flow', '没有这个流程', 'There is no such flow');
        const now = new Date().toISOString();
        const draft: CaseSummary = summary({
          id: `new-${++created}`,
          flow_id: flow,
          created_at: now,
          updated_at: now,
          operator: backend.settings.operator,
        });
        backend.cases.unshift(draft);
        return draft;
      }
      case 'case_delete': {
        unlocked();
        const before = backend.cases.length;
        backend.cases = backend.cases.filter((c) => c.id !== args.id);
        if (backend.cases.length === before) throw ipcError('no_case', '找不到案件', 'There is no such case');
        return null;
      }
      case 'agency_settings_get':
        unlocked();
        return { ...backend.agency };
      case 'agency_settings_set': {
        unlocked();
        // What Rust refuses: an endpoint that is not a URL, or plain http to another computer.
        const change = args.change as AgencyChange;
        if (change.endpoint !== null) {
          let url: URL;
          try {
            url = new URL(change.endpoint);
          } catch {
            throw ipcError('bad_endpoint', '接口地址不是有效的网址。', 'The endpoint is not a valid web address.', 'endpoint');
          }
          const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
          if (url.protocol === 'http:' && !loopback) throw HTTP_ENDPOINT;
          if (url.protocol !== 'http:' && url.protocol !== 'https:') throw HTTP_ENDPOINT;
        }
        if (change.token !== null && /\s/.test(change.token)) {
          throw ipcError('bad_endpoint', '令牌中不能有空格。', 'The token cannot contain spaces.', 'token');
        }
        if (change.token !== null) backend.token = change.token === '' ? null : change.token;
        backend.agency = {
          endpoint: change.endpoint,
          has_token: backend.token !== null,
          training: change.training,
          training_url: change.training ? TRAINING_URL : null,
        };
        return { ...backend.agency };
      }
      case 'outbox_state':
        unlocked();
        return { ...backend.outbox };
      case 'outbox_send_now':
        unlocked();
        backend.outbox = { ...backend.outbox, sending: backend.outbox.sending + backend.outbox.queued + backend.outbox.failed, queued: 0, failed: 0 };
        return { ...backend.outbox };
      case 'case_open':
        unlocked();
        return caseView(String(args.id));
      case 'case_answer': {
        unlocked();
        const c = wizardCase(String(args.id));
        if (args.value === null) delete c.answers[String(args.path)];
        else c.answers[String(args.path)] = args.value;
        return caseView(String(args.id));
      }
      case 'case_ask_agency':
        unlocked();
        throw ipcError('agency_not_configured', '未设置经办机构接口', 'No agency is set up');
      case 'case_submit': {
        unlocked();
        const id = String(args.id);
        const view = caseView(id);
        if (!view.evaluation.ready) throw ipcError('not_ready', '申请尚未填完', 'The application is not finished');
        wizardCase(id).status = 'queued';
        return { ...view.summary, status: 'queued' };
      }
      case 'code_list':
        return AREA_LISTS[args.list as CodeList] ?? [];
      // --- The pickers (commands/pickers.rs): the region cascade and the bank directory. ---
      case 'region_choices':
        return regionChoicesFor(
          (args.code ?? null) as string | null,
          (args.province ?? null) as number | null,
          (args.city ?? null) as number | null,
        );
      case 'bank_branches':
        return directoryFor(String(args.region), String(args.q));
      case 'document_preview':
      case 'case_agency_photo':
        return new ArrayBuffer(4);
      // --- The wizard helper's block: the file dialog, the fix, removing, the cartoon photo, SMS
      // codes (the practice agency's, when training mode is on), reopening. ---
      case 'events_watch':
        watching = args.onEvent as Channel<AgencyEvent>;
        return null;
      case 'document_pick':
        unlocked();
        return backend.picked === null ? null : stored(String(args.id), String(args.kind), 'picked.jpg', backend.picked);
      case 'document_fix':
        unlocked();
        return stored(String(args.id), String(args.kind), 'picked-fixed.jpg', PHOTO_FIXED, [localized('已裁剪为358×441像素', 'Cropped to 358×441 pixels')]);
      case 'document_default_child_photo':
        unlocked();
        return stored(String(args.id), 'card_photo', 'default-child.jpg', { ...PHOTO_FIXED, marks: { ...PHOTO_FIXED.marks, face: null } });
      case 'document_accept': {
        unlocked();
        const c = wizardCase(String(args.id));
        c.check = { ...c.check!, accepted: true } as PhotoCheck;
        return { kind: String(args.kind), sha256: 'cd', file_name: 'picked.jpg', size: 10, width: 358, height: 441, checks: c.check, added_at: '2026-11-20T01:00:00Z' };
      }
      case 'document_remove': {
        unlocked();
        const c = wizardCase(String(args.id));
        c.photo = false;
        c.check = null;
        return null;
      }
      case 'agency_sms_send':
      case 'agency_sms_verify':
        if (!backend.agency.training && !(backend.agency.endpoint && backend.token)) throw AGENCY_NOT_CONFIGURED;
        if (cmd === 'agency_sms_send') {
          return { expires_in_secs: 300, resend_after_secs: 60, training_code: backend.agency.training ? TRAINING_SMS_CODE : undefined };
        }
        if (args.code !== TRAINING_SMS_CODE) {
          throw agencyRefusal('sms_code_wrong', '短信验证码不正确或已过期。', 'The SMS code is wrong or has expired.', 'code');
        }
        return { verified: true };
      case 'case_continue':
        unlocked();
        return { ...caseView(String(args.id)), summary: summary({ id: 'c2', flow_id: 'gd-individual' }) };
      case 'case_reopen': {
        unlocked();
        const c = wizardCase(String(args.id));
        if (String(args.reason).trim() === '') throw ipcError('reason_required', '请说明原因', 'Give a reason');
        if (!['ready', 'queued', 'failed', 'rejected'].includes(c.status)) throw ipcError('bad_transition', '不能重新打开', 'Cannot reopen');
        c.status = 'draft';
        c.reason = same(String(args.reason));
        return caseView(String(args.id));
      }
      // --- End of the wizard helper's block. ---
      // --- Case bundles (commands/bundles.rs; the case list helper's block): a weak passphrase is
      // refused before the save dialog; a wrong one is a bad bundle, as Rust cannot tell it from
      // a damaged file. ---
      case 'cases_export': {
        if ([...String(args.passphrase)].length < 8) throw { ...WEAK_PASSPHRASE, field: 'passphrase' };
        unlocked();
        const ids = args.ids as string[];
        const missing = ids.find((id) => !backend.cases.some((c) => c.id === id));
        if (missing) throw ipcError('no_case', `找不到案件 ${missing}`, `There is no case ${missing}`);
        return backend.savedAs === null ? null : { count: ids.length, file_name: backend.savedAs };
      }
      case 'cases_import': {
        unlocked();
        const bundle = backend.bundle;
        if (bundle === null) return null;
        if (args.passphrase !== bundle.passphrase) throw BAD_BUNDLE;
        const added: string[] = [];
        const updated: string[] = [];
        for (const c of bundle.cases) {
          (backend.cases.some((k) => k.id === c.id) ? updated : added).push(c.id);
          backend.cases = [...backend.cases.filter((k) => k.id !== c.id), c];
        }
        // Newest change first, as case_list orders them.
        backend.cases.sort((a, b) => b.updated_at.localeCompare(a.updated_at));
        return { added, updated, skipped: bundle.skipped };
      }
      // --- End of the case bundles block. ---
      // --- Changing the passphrase (commands/cases.rs; the settings helper's block): as in
      // banka_cases::keys::change_passphrase, the new one's strength is checked before the
      // current one. (store_unlock still opens with the passphrase given at start.) ---
      case 'store_change_passphrase': {
        unlocked();
        if ([...String(args.new)].length < 8) throw { ...WEAK_PASSPHRASE, field: 'new' };
        if (args.current !== currentPassphrase) throw { ...WRONG_PASSPHRASE, field: 'current' };
        currentPassphrase = String(args.new);
        return null;
      }
      // --- End of the changing the passphrase block. ---
      default:
        throw ipcError('internal', `no fake for ${cmd}`, `no fake for ${cmd}`);
    }
  };
  // Every case summary answered carries the facts Rust gives its status.
  mockIPC(async (cmd, payload) => withFacts(await respond(cmd, payload)));
  return backend;
}

/**
 * Stands in for Rust for the number check: answers `validate_value` from `answer` and returns its
 * calls. The case store is locked (the number check works without it).
 */
export function mockValidate(answer: (args: ValidateArgs) => ValidationReport | Promise<ValidationReport>) {
  return mockBackend({ validate: answer, store: 'locked' }).validateCalls;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is not in the document`);
  return el as T;
}

export function resultRegion(): HTMLElement {
  return byId('result');
}

/** Types `value` into the number field (replacing what is there) and waits for its result. */
export async function typeValue(value: string): Promise<void> {
  const input = byId<HTMLInputElement>('value-input');
  input.value = value;
  await fireEvent.input(input);
  await waitFor(() => expect(resultRegion().dataset.checkedValue).toBe(value));
}

/** Goes to the number check through the navigation. */
export async function openNumberCheck(): Promise<void> {
  await fireEvent.click(byId('nav-check'));
  await waitFor(() => byId('value-input'));
}

/** Sets an input's value as typing does (one input event). */
export async function typeInto(id: string, value: string): Promise<void> {
  const input = byId<HTMLInputElement>(id);
  input.value = value;
  await fireEvent.input(input);
}

/** Waits until the case list has shown its first answer (the count is filled in). */
export async function waitForCases(): Promise<void> {
  await waitFor(() => expect(byId('case-count').textContent?.trim()).not.toBe(''));
}

/** The rows of the case table, as their case ids. */
export function rowIds(): string[] {
  return [...document.querySelectorAll<HTMLTableRowElement>('#case-table tbody tr')].map((tr) => tr.dataset.caseId ?? '');
}

export function row(id: string): HTMLTableRowElement {
  const tr = document.querySelector<HTMLTableRowElement>(`tr[data-case-id="${id}"]`);
  if (!tr) throw new Error(`no row for case ${id}`);
  return tr;
}

/** A timestamp as the list should show it: local time, YYYY-MM-DD HH:mm. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export async function chooseKind(kind: ValueKind): Promise<void> {
  const select = byId<HTMLSelectElement>('value-kind');
  select.value = kind;
  await fireEvent.change(select);
}

// axe-core allows one run at a time per page; a test that timed out may leave its run going, so
// each run waits for the one before it instead of failing the next test.
let axeRunning: Promise<unknown> = Promise.resolve();

/** Runs axe-core on `container`; color-contrast is off only because jsdom cannot compute it. */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const run = axeRunning.catch(() => undefined).then(() => axe.run(container, { rules: { 'color-contrast': { enabled: false } } }));
  axeRunning = run;
  const results = await run;
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
