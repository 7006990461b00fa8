/// <reference types="node" />
// What the real engine (banka-flows) says about the UI tests' small flows (engine/flows/*.toml):
// the fake backend answers every case view with the evaluation the engine gave for the same flow
// and answers, kept in engine/evaluations.json. banka-flows' ui_fixtures test fails when one is
// stale; `make ui-fixtures` records the answers the tests reach now, asking the engine through
// `banka flow evaluate` (BANKA_RECORD_ENGINE names that binary).

import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluation } from '../bindings/Evaluation';
import fixtures from './engine/evaluations.json';

/** The UI tests' flows (engine/flows), each a small flow with one feature its tests are about. */
export type TestFlow =
  | 'ui-small'
  | 'ui-text'
  | 'ui-sms'
  | 'ui-text-sms'
  | 'ui-cartoon'
  | 'ui-revisit'
  | 'ui-locked'
  | 'ui-sections'
  | 'ui-eligibility'
  | 'ui-employer';

export interface EngineRequest {
  flow: TestFlow;
  /** The flow version the draft was started with, when older than the flow's (ui-revisit). */
  started_version: number | null;
  answers: Record<string, unknown>;
}

/** `value` with every object's keys in order, as Rust writes JSON (serde_json's maps are sorted). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, sortedKeys(v)]),
  );
}

/** The request as one string, so equal requests are equal strings. */
function keyOf(request: EngineRequest): string {
  const { flow, started_version, answers } = request;
  return JSON.stringify(sortedKeys({ flow, started_version, answers }));
}

const KNOWN = new Map(fixtures.evaluations.map((e) => [keyOf(e as EngineRequest), e.evaluation as unknown as Evaluation]));

// Vitest runs in ui/ (npm --prefix ui test).
const ENGINE_DIR = join(process.cwd(), 'src/test/engine');

/** Asks the engine itself (recording only) and keeps the request and answer for the merge. */
function record(request: EngineRequest, key: string, known: Evaluation | undefined): Evaluation {
  const evaluation = known ?? ask(request);
  const dir = join(ENGINE_DIR, 'recorded');
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha256').update(key).digest('hex').slice(0, 16);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ ...request, evaluation }));
  return evaluation;
}

function ask(request: EngineRequest): Evaluation {
  const flow = join(ENGINE_DIR, 'flows', `${request.flow}.toml`);
  const args = ['flow', 'evaluate', flow, '-', '--on', fixtures.on];
  if (request.started_version !== null) args.push('--started-version', String(request.started_version));
  const run = spawnSync(process.env.BANKA_RECORD_ENGINE!, args, { input: JSON.stringify(request.answers), encoding: 'utf8' });
  // Exit 1 is a case not ready yet: an answer all the same.
  if (run.status !== 0 && run.status !== 1) throw new Error(`banka flow evaluate ${request.flow}: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout) as Evaluation;
}

/** The engine's evaluation of `request` (a fresh copy: callers may change it). */
export function engineEvaluation(request: EngineRequest): Evaluation {
  const key = keyOf(request);
  const known = KNOWN.get(key);
  const evaluation = process.env.BANKA_RECORD_ENGINE ? record(request, key, known) : known;
  if (evaluation === undefined) {
    throw new Error(`The engine has not evaluated these answers of ${request.flow} yet: run \`make ui-fixtures\`.\n${key}`);
  }
  return structuredClone(evaluation);
}
