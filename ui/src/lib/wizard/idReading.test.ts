// What is read from an ID number as it is typed, without a page: nothing asked while it is too
// short, only the latest typing's answer kept.
import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../bindings/ValidationReport';
import { VALID_ID, validId } from '../../test/fixtures';
import { deferred } from '../../test/helpers';
import { IdReading, SHORTEST_ID } from './idReading.svelte';

function backend() {
  const asked: { value: string; answer: ReturnType<typeof deferred<ValidationReport>> }[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== 'validate_value') throw new Error(`unexpected ${cmd}`);
    const answer = deferred<ValidationReport>();
    asked.push({ value: String((args as { value: string }).value), answer });
    return answer.promise;
  });
  return asked;
}

describe('ID number reading', () => {
  it('asks nothing while the number is too short, and forgets what it read', async () => {
    const asked = backend();
    const reading = new IdReading();
    const read = reading.read(` ${VALID_ID} `);
    expect(asked.map((a) => a.value)).toEqual([VALID_ID]);
    asked[0]!.answer.resolve(validId);
    await read;
    expect(reading.report).toEqual(validId);
    await reading.read(VALID_ID.slice(0, SHORTEST_ID - 1));
    expect(asked).toHaveLength(1);
    expect(reading.report).toBeNull();
  });

  it('keeps only the latest typing’s answer, and none when Rust could not say', async () => {
    const asked = backend();
    const reading = new IdReading();
    const first = reading.read(VALID_ID.slice(0, 15));
    const second = reading.read(VALID_ID);
    asked[1]!.answer.resolve(validId);
    await second;
    asked[0]!.answer.resolve({ ...validId, gender: 'male' });
    await first;
    expect(reading.report).toEqual(validId);
    const failing = reading.read(VALID_ID);
    asked[2]!.answer.reject(new Error('gone'));
    await failing;
    expect(reading.report).toBeNull();
  });
});
