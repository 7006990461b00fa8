/// <reference types="node" />
// Vitest's global setup. When recording (BANKA_RECORD_ENGINE, `make ui-fixtures`), every test
// file's worker writes each engine request and answer it used to engine/recorded/; after the
// whole run they become engine/evaluations.json, so it holds exactly what the tests reach.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sortedKeys } from './engine';

// Vitest runs in ui/ (npm --prefix ui test).
const ENGINE_DIR = join(process.cwd(), 'src/test/engine');
const RECORDED = join(ENGINE_DIR, 'recorded');
const FIXTURES = join(ENGINE_DIR, 'evaluations.json');

export function setup(): void {
  if (process.env.BANKA_RECORD_ENGINE) rmSync(RECORDED, { recursive: true, force: true });
}

export function teardown(): void {
  if (!process.env.BANKA_RECORD_ENGINE || !existsSync(RECORDED)) return;
  const entries = readdirSync(RECORDED)
    .sort()
    .map((name) => JSON.parse(readFileSync(join(RECORDED, name), 'utf8')) as { flow: string });
  // In a stable order: by flow, then as recorded (the file names are hashes of the requests).
  entries.sort((a, b) => (a.flow < b.flow ? -1 : a.flow > b.flow ? 1 : 0));
  const { on } = JSON.parse(readFileSync(FIXTURES, 'utf8')) as { on: string };
  writeFileSync(FIXTURES, JSON.stringify(sortedKeys({ on, evaluations: entries }), null, 2) + '\n');
  rmSync(RECORDED, { recursive: true, force: true });
}
