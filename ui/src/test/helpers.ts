import { fireEvent, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import axe from 'axe-core';
import { expect } from 'vitest';
import type { ValidationReport } from '../bindings/ValidationReport';
import type { ValueKind } from '../bindings/ValueKind';

export interface ValidateArgs {
  kind: ValueKind;
  value: string;
  beijingAddress: boolean;
}

/** Stands in for Rust: answers `validate_value` from `answer` and records every call. */
export function mockValidate(answer: (args: ValidateArgs) => ValidationReport | Promise<ValidationReport>) {
  const calls: { cmd: string; args: ValidateArgs }[] = [];
  mockIPC((cmd, payload) => {
    const args = payload as unknown as ValidateArgs;
    calls.push({ cmd, args });
    if (cmd !== 'validate_value') throw { code: 'unknown_command', message: cmd };
    return answer(args);
  });
  return calls;
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

export async function chooseKind(kind: ValueKind): Promise<void> {
  const select = byId<HTMLSelectElement>('value-kind');
  select.value = kind;
  await fireEvent.change(select);
}

/** Runs axe-core on `container`; color-contrast is off only because jsdom cannot compute it. */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
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
