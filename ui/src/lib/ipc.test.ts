import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENCY_SET, CASES, FLOWS, OUTBOX_IDLE, WRONG_PASSPHRASE, validId } from '../test/fixtures';
import {
  deleteCase,
  getAgencySettings,
  getSettings,
  listCases,
  listFlows,
  newCase,
  outboxState,
  saveAgencySettings,
  saveSettings,
  storeStatus,
  toIpcError,
  unlockStore,
  validateValue,
} from './ipc';
import { words } from './i18n';
import { localized } from '../test/localized';

describe('ipc', () => {
  afterEach(() => clearMocks());

  it('calls validate_value with kind, value and beijingAddress', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, payload) => {
      seen.push([cmd, payload]);
      return validId;
    });
    await expect(validateValue('id-number', '11010519491231002X')).resolves.toEqual(validId);
    await validateValue('postal-code', '100000', true);
    expect(seen).toEqual([
      ['validate_value', { kind: 'id-number', value: '11010519491231002X', beijingAddress: false }],
      ['validate_value', { kind: 'postal-code', value: '100000', beijingAddress: true }],
    ]);
  });

  it('names each command and its arguments as Rust expects', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, payload) => {
      seen.push([cmd, payload]);
      switch (cmd) {
        case 'settings_get':
        case 'settings_set':
          return { lang: 'en', elderly: true, operator: null };
        case 'store_status':
        case 'store_unlock':
          return { state: 'unlocked', data_dir: '/data' };
        case 'flow_list':
          return FLOWS;
        case 'case_list':
          return { total: 3, cases: CASES };
        case 'case_new':
          return CASES[0];
        case 'agency_settings_get':
        case 'agency_settings_set':
          return AGENCY_SET;
        case 'outbox_state':
          return OUTBOX_IDLE;
        default:
          return null;
      }
    });
    await expect(getSettings()).resolves.toEqual({ lang: 'en', elderly: true, operator: null });
    await saveSettings({ lang: 'en', elderly: true, operator: null });
    await expect(storeStatus()).resolves.toEqual({ state: 'unlocked', data_dir: '/data' });
    await unlockStore('correct horse');
    await expect(listFlows()).resolves.toEqual(FLOWS);
    await expect(listCases({ text: '002X', offset: 50 })).resolves.toEqual({ total: 3, cases: CASES });
    await newCase('bj-minor');
    await expect(deleteCase('c-zhang')).resolves.toBeUndefined();
    await expect(getAgencySettings()).resolves.toEqual(AGENCY_SET);
    await saveAgencySettings({ endpoint: 'https://api.example.gov.cn/banka', token: null, training: true });
    await expect(outboxState()).resolves.toEqual(OUTBOX_IDLE);
    // Argument keys are camelCase on this side; Tauri maps them to the Rust parameters.
    expect(seen).toEqual([
      ['settings_get', {}],
      ['settings_set', { settings: { lang: 'en', elderly: true, operator: null } }],
      ['store_status', {}],
      ['store_unlock', { passphrase: 'correct horse' }],
      ['flow_list', {}],
      ['case_list', { query: { text: '002X', offset: 50 } }],
      ['case_new', { flow: 'bj-minor' }],
      ['case_delete', { id: 'c-zhang' }],
      ['agency_settings_get', {}],
      ['agency_settings_set', { change: { endpoint: 'https://api.example.gov.cn/banka', token: null, training: true } }],
      ['outbox_state', {}],
    ]);
  });

  it('passes rejections through', async () => {
    mockIPC(() => Promise.reject(WRONG_PASSPHRASE));
    await expect(unlockStore('nope')).rejects.toEqual(WRONG_PASSPHRASE);
  });

  it('keeps an IpcError as it is, field included', () => {
    expect(toIpcError(WRONG_PASSPHRASE)).toEqual(WRONG_PASSPHRASE);
    const withField = { code: 'bad_value', message: localized('太长', 'Too long'), field: 'operator' };
    expect(toIpcError(withField)).toEqual(withField);
  });

  it('gives anything else a general message in both languages', () => {
    const general = { code: 'internal', message: words((t) => t.common.internalError) };
    expect(toIpcError(new Error('x'))).toEqual(general);
    expect(toIpcError('command case_list not allowed')).toEqual(general);
    expect(toIpcError(undefined)).toEqual(general);
    // The old shape, or one without messages: the code is kept, the messages filled in.
    expect(toIpcError({ code: 'bad_kind', message: 'no such kind' })).toEqual({ ...general, code: 'bad_kind' });
  });
});
