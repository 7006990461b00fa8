import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { validId } from '../test/fixtures';
import { toIpcError, validateValue } from './ipc';

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

  it('passes rejections through', async () => {
    mockIPC(() => Promise.reject({ code: 'internal', message: 'boom' }));
    await expect(validateValue('mobile', '13800138000')).rejects.toEqual({ code: 'internal', message: 'boom' });
  });

  it('normalises whatever a rejection carries', () => {
    expect(toIpcError({ code: 'bad_kind', message: 'no such kind' })).toEqual({ code: 'bad_kind', message: 'no such kind' });
    expect(toIpcError(new Error('x'))).toEqual({ code: 'internal', message: 'x' });
    expect(toIpcError('oops')).toEqual({ code: 'internal', message: 'oops' });
  });
});
