#!/usr/bin/env node
// Seeds 繁體中文 (zh-Hant) from 简体: the UI catalog (zh.ts) and the flows' words (flows/*.toml), and
// checks the reviewed catalogs.
//
// Usage (from anywhere; paths are relative to the repository):
//   The UI (ui/src/lib/i18n/zh.ts → zh-Hant.ts):
//   node scripts/seed-zh-hant.mjs                  draft: write ui/src/lib/i18n/zh-Hant.draft.ts and
//                                                  print the review report (markdown) to stdout
//   node scripts/seed-zh-hant.mjs --report FILE    the same, but the report goes to FILE
//                                                  (e.g. docs/zh-hant/seed-report.md); stdout gets a summary
//   node scripts/seed-zh-hant.mjs --out FILE       write the draft to FILE instead
//   node scripts/seed-zh-hant.mjs --check          write nothing: compare zh.ts with the reviewed
//                                                  ui/src/lib/i18n/zh-Hant.ts and list the keys missing
//                                                  from it (and extra ones), functions whose parameters or
//                                                  `${…}` placeholders differ, watch characters and
//                                                  Simplified characters left, and how many strings differ
//                                                  from the seed (i.e. were changed by hand). Exit code 1
//                                                  if a key is missing or a placeholder/parameter differs.
//   node scripts/seed-zh-hant.mjs --check --verbose   … and list every string that differs from the seed.
//   node scripts/seed-zh-hant.mjs --check --hant FILE  check FILE instead of zh-Hant.ts (e.g. a draft).
//
//   The flows (src-tauri/crates/banka-flows/flows/*.toml → flows/zh-Hant.toml):
//   node scripts/seed-zh-hant.mjs --flows          draft: write flows/zh-Hant.draft.toml, one entry per
//                                                  distinct 简体 text of the flows' words (keys ending
//                                                  `_zh`, and `zh` in option and [words.*] tables), in
//                                                  order of first appearance (file by name, then place
//                                                  in the file), each with a comment saying where it is
//                                                  used and what the seed did; the report to stdout
//                                                  (--report FILE and --out FILE as above)
//   node scripts/seed-zh-hant.mjs --flows --check  write nothing: compare the flows with the reviewed
//                                                  flows/zh-Hant.toml and list the flow texts that have
//                                                  no entry (missing) and the entries no flow uses
//                                                  (unused), entries whose ASCII (numbers, APP, …) or
//                                                  number of 【】 differs from the 简体, empty or
//                                                  non-string entries, watch characters and Simplified
//                                                  characters left, entries out of order, and how many
//                                                  entries differ from the seed. Exit code 1 on a
//                                                  missing, unused, empty, non-string, ASCII- or
//                                                  【】-changed entry, or a table other than [text].
//                                                  --verbose and --hant FILE as above.
//   Never converted: data (default values, option `value`s, paths, ids, conditions) and comments;
//   only the words above are read.
//
// Needs the UI's devDependencies installed (npm --prefix ui ci): opencc-js (the converter, pinned in
// ui/package.json), typescript (to read zh.ts as TypeScript, not with regular expressions) and
// smol-toml (to read the flows as TOML).
//
// What it does (see docs/zh-hant/converters.md and glossary.md); the UI and the flows go through the
// same conversion (convert() below):
//   1. UI: reads ui/src/lib/i18n/zh.ts with the TypeScript parser and takes every string literal and the
//      text parts of every template literal that contain Chinese. Object keys, operands of
//      comparisons (`list === 'guangdong_cities'`), identifiers and `${…}` expressions are never touched.
//      Flows: reads every flows/*.toml (but zh-Hant*.toml) with smol-toml and takes the string values
//      of the word keys; the same text in several places is one entry.
//   2. Converts each text with opencc-js: ConverterFactory(Locale.from.cn, Locale.to.tw,
//      [overrides]), i.e. OpenCC s2tw plus our dictionary applied (longest match) to its output. The
//      overrides are the rows of docs/zh-hant/glossary.tsv whose s2tw seed differs from the chosen
//      term, minus the context-dependent rows (文件, 信息, 获取, 原件, 点击, 用户), which are reported
//      for a reader to decide instead; plus identity entries that protect names (獲取圖片, 小程序).
//      Text inside the agency's 【】 button names gets only the character-shape fixes (製, 發, 台),
//      never a vocabulary change.
//   3. Post-rules: 臺 → 台, 髮 → 發 (this app has no "hair"), “ ” → 「 」, ‘ ’ → 『 』.
//   4. Refuses to write anything if an ASCII character of a string changed (placeholders, URLs,
//      `banka check`, `.banka`, numbers) or if the draft does not parse.
//   5. Reports every string where an override fired, every string still holding a watch character
//      (髮 制 臺 賬 户 着 裏 啓 后 台) and every context-dependent term.
// A draft is a starting point only: the reviewed catalogs are ui/src/lib/i18n/zh-Hant.ts and
// src-tauri/crates/banka-flows/flows/zh-Hant.toml, edited by people from then on. Do not commit a draft.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UI = path.join(ROOT, 'ui');
const require = createRequire(path.join(UI, 'package.json'));
const ts = require('typescript');
const OpenCC = require('opencc-js');
const TOML = require('smol-toml');
const OPENCC_VERSION = (() => {
  // opencc-js does not export its package.json: find it above the resolved entry point.
  for (let dir = path.dirname(require.resolve('opencc-js')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === 'opencc-js') return pkg.version;
    }
  }
  return 'unknown';
})();

const ZH = path.join(UI, 'src/lib/i18n/zh.ts');
const ZH_HANT = path.join(UI, 'src/lib/i18n/zh-Hant.ts');
const DRAFT = path.join(UI, 'src/lib/i18n/zh-Hant.draft.ts');
const GLOSSARY = path.join(ROOT, 'docs/zh-hant/glossary.tsv');
const FLOWS = path.join(ROOT, 'src-tauri/crates/banka-flows/flows');
const FLOWS_HANT = path.join(FLOWS, 'zh-Hant.toml');
const FLOWS_DRAFT = path.join(FLOWS, 'zh-Hant.draft.toml');

const rel = (p) => path.relative(ROOT, p) || '.';

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = { flows: false, check: false, verbose: false, report: null, out: null, hant: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--flows') args.flows = true;
    else if (a === '--check') args.check = true;
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--report') args.report = path.resolve(argv[++i] ?? fail('--report needs a file'));
    else if (a === '--hant') args.hant = path.resolve(argv[++i] ?? fail('--hant needs a file'));
    else if (a === '--out') args.out = path.resolve(argv[++i] ?? fail('--out needs a file'));
    else if (a === '--help' || a === '-h') {
      const head = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
      const end = head.findIndex((l, i) => i > 0 && !l.startsWith('//'));
      console.log(head.slice(1, end).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else fail(`unknown argument: ${a} (try --help)`);
  }
  args.out ??= args.flows ? FLOWS_DRAFT : DRAFT;
  args.hant ??= args.flows ? FLOWS_HANT : ZH_HANT;
  return args;
}

function fail(message) {
  console.error(`seed-zh-hant: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The glossary and the converters

/** Glossary rows whose choice depends on the sentence: reported, never replaced. */
const CONTEXT_TERMS = [
  { zh: '文件', not: ['文件夹'], note: '電腦檔案 → 檔案；紙本文書、申請文件 → 文件' },
  { zh: '信息', not: ['个人信息'], note: '個人或申請的內容 → 資料；消息、通知 → 資訊' },
  { zh: '获取', not: ['获取图片'], note: '→ 取得；經辦機構的按鈕名【獲取圖片】照原文' },
  { zh: '原件', not: [], note: '說明文字 → 正本；證件名稱不涉及' },
  { zh: '点击', not: [], note: '界面動作 → 按（按「一鍵修正」）' },
  { zh: '点“', not: [], note: '界面動作「點」→ 按' },
  { zh: '用户', not: [], note: '→ 用戶（港澳）；「用户口簿」是「用＋户口簿」，須改寫為「以戶口簿……」' },
  { zh: '材料', not: ['上传材料', '所需材料'], note: '申請所需的文書 → 文件（詞彙表 87）' },
];
const CONTEXT_ROW_TERMS = new Set(['文件', '信息', '获取', '原件', '点击', '用户']);

/** Identity entries: longest match keeps these names whole (no override may cut into them). */
const PROTECTED = ['獲取圖片', '小程序'];

/** Characters a reader must look at in the seed (Hong Kong shapes, 制/製, 后/後, 台/臺, 髮/發, 賬/帳). */
const WATCH = ['髮', '制', '臺', '賬', '户', '着', '裏', '啓', '后', '台'];

const POST_RULES = [
  ['臺', '台'],
  ['髮', '發'],
  ['“', '「'],
  ['”', '」'],
  ['‘', '『'],
  ['’', '』'],
];

const splitTerms = (cell) => cell.split(/\s*\/\s*/).map((t) => t.trim()).filter(Boolean);
const stripNote = (term) => term.replace(/（.*?）|\(.*?\)/g, '').trim();

function readGlossary() {
  const lines = fs.readFileSync(GLOSSARY, 'utf8').split('\n').filter((l) => l.trim());
  const header = lines.shift().split('\t');
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) fail(`${rel(GLOSSARY)} has no column ${name}`);
    return i;
  };
  const [cSimp, cChosen, cSeed, cBasis] = ['simplified', 'chosen_zh_hant', 's2tw_seed', 'basis'].map(col);
  const overrides = new Map(); // s2tw seed term → { to, row, basis }
  const contextRows = [];
  const unpaired = [];
  const conflicts = [];
  lines.forEach((line, i) => {
    const cells = line.split('\t');
    const row = { n: i + 1, simplified: cells[cSimp], chosen: cells[cChosen], seed: cells[cSeed], basis: cells[cBasis] };
    if (splitTerms(row.simplified).map(stripNote).some((t) => CONTEXT_ROW_TERMS.has(t))) {
      contextRows.push(row);
      return;
    }
    if (row.seed === '✓' || row.seed === row.chosen) return;
    const seeds = splitTerms(row.seed);
    const chosen = splitTerms(row.chosen);
    let pairs;
    if (seeds.length === chosen.length) pairs = seeds.map((s, k) => [s, chosen[k]]);
    else if (chosen.length === 1) pairs = seeds.map((s) => [s, chosen[0]]);
    else {
      unpaired.push(row);
      return;
    }
    if (pairs.every(([s, c]) => s === c)) return; // only spacing differed (國家 / 地區)
    for (const [from, to] of pairs) {
      const had = overrides.get(from);
      if (had && had.to !== to) conflicts.push(`${from}: row ${had.row} → ${had.to}, row ${row.n} → ${to}`);
      // Identity pairs (手機號碼 beside 手機號 → 手機號碼) stay in: longest match needs them.
      if (!had) overrides.set(from, { to, row: row.n, basis: row.basis });
    }
  });
  for (const name of PROTECTED) if (!overrides.has(name)) overrides.set(name, { to: name, row: 'protect', basis: '官方' });
  return { overrides, contextRows, unpaired, conflicts };
}

function makeConverters(overrides) {
  const all = [...overrides].map(([from, { to }]) => [from, to]);
  // Inside 【】: only what the glossary approves as a change of character shape (製卡, 發卡, 台灣).
  const shapes = [...overrides]
    .filter(([from, { to, basis }]) => from === to || /字形/.test(basis))
    .map(([from, { to }]) => [from, to]);
  const shapeTable = new Map(shapes.map(([from]) => [from, overrides.get(from)]));
  const { ConverterFactory, Locale } = OpenCC;
  return {
    plain: ConverterFactory(Locale.from.cn, Locale.to.tw),
    seed: ConverterFactory(Locale.from.cn, Locale.to.tw, [all]),
    shape: ConverterFactory(Locale.from.cn, Locale.to.tw, [shapes]),
    /**
     * The one conversion of a 简体 text, for the UI and the flows alike: s2tw plus the overrides
     * (only the shape fixes inside the agency's 【】 button names), then the post-rules. `plain` is
     * s2tw alone; `fired` and `post` say which overrides and post-rules changed something.
     * Stops the script if an ASCII character changed (`where` names the text in the message).
     */
    convert(raw, where) {
      const fired = new Set();
      let plain = '';
      let seeded = '';
      for (const piece of raw.split(/(【[^】]*】)/)) {
        if (!piece) continue;
        const isButton = piece.startsWith('【');
        const p = this.plain(piece);
        const s = isButton ? this.shape(piece) : this.seed(piece);
        const sim = this.fired(p, isButton ? shapeTable : overrides);
        if (sim.out !== s) console.error(`seed-zh-hant: warning: ${where}: the override report may be incomplete (${sim.out} ≠ ${s})`);
        sim.hits.forEach((h) => fired.add(h));
        plain += p;
        seeded += s;
      }
      const after = applyPost(seeded);
      if (ascii(after.out) !== ascii(raw))
        fail(`${where}: the conversion changed ASCII text (a placeholder, URL or command?):\n  ${raw}\n  ${after.out}`);
      return { plain, seed: after.out, fired: [...fired], post: after.hits };
    },
    // Our own longest-match pass over the plain s2tw output, to report which overrides fired.
    fired(text, table = overrides) {
      const max = Math.max(...[...table.keys()].map((k) => k.length));
      const hits = [];
      let out = '';
      for (let i = 0; i < text.length; ) {
        let hit = null;
        for (let len = Math.min(max, text.length - i); len > 0; len--) {
          const piece = text.slice(i, i + len);
          if (table.has(piece)) {
            hit = piece;
            break;
          }
        }
        if (hit) {
          const { to } = table.get(hit);
          if (to !== hit) hits.push(`${hit}→${to}`);
          out += to;
          i += hit.length;
        } else out += text[i++];
      }
      return { out, hits };
    },
  };
}

function applyPost(text) {
  const hits = [];
  let out = text;
  for (const [from, to] of POST_RULES) {
    if (out.includes(from)) {
      hits.push(`${from}→${to}`);
      out = out.split(from).join(to);
    }
  }
  return { out, hits };
}

// ---------------------------------------------------------------------------------------------
// Reading a catalog: its strings, each with its key path

const HAN = /[\u2018\u2019\u201c\u201d\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const COMPARISON = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function parse(file) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return { file, text, sf };
}

const nameOf = (name) => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText());

/** The key path of a node inside the catalog object: `newCase.situations.gd-minor.hint`, `unlock.newIntro[1]`. */
function keyPath(node) {
  const parts = [];
  for (let n = node; n && !ts.isVariableDeclaration(n); n = n.parent) {
    const p = n.parent;
    if (!p) break;
    if (ts.isPropertyAssignment(p) && p.initializer === n) parts.unshift(nameOf(p.name));
    else if (ts.isArrayLiteralExpression(p)) parts.unshift(`[${p.elements.indexOf(n)}]`);
  }
  return parts.join('.').replace(/\.\[/g, '[');
}

/**
 * The literals that hold UI text: each with its text parts (source offsets of the raw text
 * between the delimiters), grouped per literal, in source order.
 */
function literals({ sf, text }) {
  const found = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const p = node.parent;
      const isKey = (ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === node;
      const isCompared = ts.isBinaryExpression(p) && COMPARISON.has(p.operatorToken.kind);
      const isModule = ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p);
      if (!isKey && !isCompared && !isModule) {
        const start = node.getStart(sf);
        found.push({ node, parts: [{ from: start + 1, to: node.end - 1 }] });
      }
    } else if (ts.isTemplateExpression(node)) {
      const head = node.head;
      const parts = [{ from: head.getStart(sf) + 1, to: head.end - 2 }];
      for (const span of node.templateSpans) {
        const lit = span.literal;
        const s = lit.getStart(sf);
        parts.push({ from: s + 1, to: ts.isTemplateTail(lit) ? lit.end - 1 : lit.end - 2 });
      }
      found.push({ node, parts });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const out = found
    .map((l) => ({
      ...l,
      texts: l.parts.map(({ from, to }) => text.slice(from, to)),
      source: text.slice(l.node.getStart(sf), l.node.end),
      line: sf.getLineAndCharacterOfPosition(l.node.getStart(sf)).line + 1,
      path: keyPath(l.node) || '(top level)',
    }))
    .filter((l) => l.texts.some((t) => HAN.test(t)))
    .sort((a, b) => a.node.getStart(sf) - b.node.getStart(sf));
  // Number the literals that share a key (a function with several strings): cases.listSalvaged#2.
  const seen = new Map();
  for (const l of out) seen.set(l.path, (seen.get(l.path) ?? 0) + 1);
  const count = new Map();
  for (const l of out) {
    const k = (count.get(l.path) ?? 0) + 1;
    count.set(l.path, k);
    l.id = seen.get(l.path) > 1 ? `${l.path}#${k}` : l.path;
  }
  return out;
}

/** A node's source with the text of its string and template literals masked: the code around the words. */
function maskText(node, sf) {
  const start = node.getStart(sf);
  const ranges = [];
  const visit = (n) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n))
      ranges.push([n.getStart(sf) - start, n.end - start]);
    else ts.forEachChild(n, visit);
  };
  visit(node);
  let text = node.getText(sf);
  for (const [a, b] of ranges.reverse()) text = `${text.slice(0, a)}'…'${text.slice(b)}`;
  return text.replace(/\s+/g, ' ');
}

/** Every key path of the exported catalog object (`namespace.key…`), with each function's parameter names. */
function keys({ sf }) {
  const result = new Map(); // path → { params: string[] | null, placeholders: string[] }
  let catalog = null;
  sf.forEachChild((node) => {
    if (ts.isVariableStatement(node))
      for (const d of node.declarationList.declarations)
        if (d.initializer && ts.isObjectLiteralExpression(d.initializer)) catalog ??= d.initializer;
  });
  if (!catalog) return result;
  const walk = (obj, prefix) => {
    for (const prop of obj.properties) {
      if (!ts.isPropertyAssignment(prop)) continue;
      const p = prefix ? `${prefix}.${nameOf(prop.name)}` : nameOf(prop.name);
      const init = prop.initializer;
      const fn = ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? init : null;
      const placeholders = [];
      const collect = (n) => {
        if (ts.isTemplateSpan(n)) placeholders.push(maskText(n.expression, sf));
        ts.forEachChild(n, collect);
      };
      collect(init);
      result.set(p, {
        params: fn ? fn.parameters.map((x) => x.name.getText(sf)) : null,
        placeholders: placeholders.sort(),
        code: maskText(init, sf),
      });
      if (ts.isObjectLiteralExpression(init)) walk(init, p);
      if (ts.isArrayLiteralExpression(init)) result.get(p).length = init.elements.length;
    }
  };
  // The top level holds the namespaces (one per screen), not keys: the keys are inside them.
  for (const ns of catalog.properties)
    if (ts.isPropertyAssignment(ns) && ts.isObjectLiteralExpression(ns.initializer)) walk(ns.initializer, nameOf(ns.name));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Seeding

const ascii = (s) => s.replace(/[^\x00-\x7f]/g, '');

function seedCatalog(glossary) {
  const conv = makeConverters(glossary.overrides);
  const zh = parse(ZH);
  const lits = literals(zh);
  const edits = [];
  const rows = [];
  for (const lit of lits) {
    const fired = new Set();
    const post = new Set();
    const plainTexts = [];
    const seedTexts = [];
    lit.parts.forEach((part, k) => {
      const raw = lit.texts[k];
      const c = conv.convert(raw, `${rel(ZH)}:${lit.line} ${lit.id}`);
      c.fired.forEach((h) => fired.add(h));
      c.post.forEach((h) => post.add(h));
      plainTexts.push(c.plain);
      seedTexts.push(c.seed);
      if (c.seed !== raw) edits.push({ from: part.from, to: part.to, text: c.seed });
    });
    rows.push({ ...lit, plainTexts, seedTexts, fired: [...fired], post: [...post] });
  }
  // Apply the edits from the end, so that earlier offsets stay right.
  let out = zh.text;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  // The header comment and the exported name are the only code that changes.
  const header = out.match(/^(\/\/.*\n)+/)?.[0] ?? '';
  out =
    `// 繁體中文 (zh-Hant): DRAFT seeded from zh.ts by scripts/seed-zh-hant.mjs (opencc-js ${OPENCC_VERSION}, s2tw +\n` +
    `// docs/zh-hant/glossary.tsv). Not reviewed, not for the app: the reviewed catalog is zh-Hant.ts.\n` +
    out.slice(header.length);
  const renamed = out.replace(/export const zh: Messages\b/, 'export const zhHant: Messages');
  if (renamed === out) fail(`${rel(ZH)}: no "export const zh: Messages" to rename`);
  out = renamed;
  const syntax = ts.transpileModule(out, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } }).diagnostics ?? [];
  if (syntax.length) fail(`the draft does not parse: ${ts.flattenDiagnosticMessageText(syntax[0].messageText, '\n')}`);
  return { out, rows, conv };
}

/**
 * The literal's source with its text parts replaced by `field` of its row (`texts`, `seedTexts`),
 * and the parts of the literals nested in it (`${ref ? `…` : ''}`) by theirs.
 */
function rebuild(lit, rows, field) {
  const start = lit.node.getStart(lit.node.getSourceFile());
  const end = lit.node.end;
  const edits = rows
    .filter((r) => r.node.getStart(r.node.getSourceFile()) >= start && r.node.end <= end)
    .flatMap((r) => r.parts.map((p, k) => ({ ...p, text: r[field][k] })))
    .sort((a, b) => b.from - a.from);
  let s = lit.source;
  for (const p of edits) s = s.slice(0, p.from - start) + p.text + s.slice(p.to - start);
  return s;
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The review report of a seed, for the UI and the flows alike. `rows` have `id`, `line`, `texts` (the
 * 简体 parts), `seedTexts`, `fired` and `post`; `show(row, field)` gives a row's whole text from
 * `texts` or `seedTexts` (the UI rebuilds the literal's source around them).
 */
function report(glossary, rows, { show, source, reviewed, command, counted }) {
  const lines = [];
  const overridden = rows.filter((r) => r.fired.length);
  const watched = rows
    .map((r) => ({ r, chars: WATCH.filter((c) => r.seedTexts.some((t) => t.includes(c))) }))
    .filter((x) => x.chars.length);
  const contexts = [];
  for (const r of rows)
    for (const t of CONTEXT_TERMS) {
      const plain = r.texts.join('\u0000');
      let masked = plain;
      for (const n of t.not) masked = masked.split(n).join('\u0001'.repeat(n.length));
      if (masked.includes(t.zh)) contexts.push({ r, t });
    }
  const fmt = (r, field) => cell(show(r, field));
  lines.push(`# zh-Hant seed report`, '');
  lines.push(
    `Generated by \`${command}\` from ${source} with opencc-js ${OPENCC_VERSION} ` +
      `(\`ConverterFactory(Locale.from.cn, Locale.to.tw, [overrides])\`). It describes the machine draft, ` +
      `not the reviewed catalog (\`${reviewed}\`).`,
    '',
  );
  lines.push(`- ${counted}: **${rows.length}**`);
  lines.push(`- Strings where a glossary override fired: **${overridden.length}**`);
  lines.push(`- Strings still holding a watch character (${WATCH.join(' ')}): **${watched.length}**`);
  lines.push(`- Context-dependent terms to judge by hand: **${contexts.length}**`);
  lines.push(`- Post-rules: ${POST_RULES.map(([a, b]) => `${a}→${b}`).join(', ')}`, '');
  if (glossary.conflicts.length) lines.push(`**Glossary conflicts**: ${glossary.conflicts.join('; ')}`, '');
  if (glossary.unpaired.length)
    lines.push(`**Glossary rows that could not be paired** (not used): ${glossary.unpaired.map((r) => `${r.n} ${r.simplified}`).join('; ')}`, '');

  lines.push(`## Overrides in effect (${glossary.overrides.size})`, '');
  lines.push('From `docs/zh-hant/glossary.tsv` (row number = data row), s2tw seed → chosen; identity rows keep a longer name whole.', '');
  lines.push('| s2tw | → | row | basis |', '|---|---|---|---|');
  for (const [from, { to, row, basis }] of glossary.overrides) lines.push(`| ${from} | ${to === from ? '(kept)' : to} | ${row} | ${basis} |`);
  lines.push('', `Context-dependent rows left out (reported below instead): ${glossary.contextRows.map((r) => `${r.n} ${r.simplified}`).join('; ')}`, '');

  lines.push(`## 1. Strings where an override fired (${overridden.length})`, '');
  lines.push('| key | line | overrides | post-rules | seed |', '|---|---|---|---|---|');
  for (const r of overridden) lines.push(`| \`${r.id}\` | ${r.line} | ${r.fired.join(', ')} | ${r.post.join(', ')} | ${fmt(r, 'seedTexts')} |`);

  lines.push('', `## 2. Strings still holding a watch character (${watched.length})`, '');
  lines.push('| key | line | characters | seed |', '|---|---|---|---|');
  for (const { r, chars } of watched) lines.push(`| \`${r.id}\` | ${r.line} | ${chars.join(' ')} | ${fmt(r, 'seedTexts')} |`);

  lines.push('', `## 3. Context-dependent terms (${contexts.length})`, '');
  lines.push('| key | line | term | how to choose | 简体 | seed |', '|---|---|---|---|---|---|');
  for (const { r, t } of contexts) lines.push(`| \`${r.id}\` | ${r.line} | ${t.zh} | ${t.note} | ${fmt(r, 'texts')} | ${fmt(r, 'seedTexts')} |`);

  const postOnly = rows.filter((r) => !r.fired.length && r.post.length);
  lines.push('', `## 4. Strings changed by a post-rule only (${postOnly.length})`, '');
  lines.push('| key | line | post-rules | seed |', '|---|---|---|---|');
  for (const r of postOnly) lines.push(`| \`${r.id}\` | ${r.line} | ${r.post.join(', ')} | ${fmt(r, 'seedTexts')} |`);
  lines.push('');
  return { text: lines.join('\n'), overridden, watched, contexts };
}

// ---------------------------------------------------------------------------------------------
// Checking the reviewed catalog

/** Hong Kong shapes and wrong characters that a reviewed text should no longer hold. */
const HANT_WATCH = ['髮', '臺', '賬', '户', '着', '裏', '啓', '后'];

/** A reviewed text's watch characters, and the characters s2tw would still convert (Simplified left?). */
function leftovers(text, conv) {
  const watch = HANT_WATCH.filter((c) => text.includes(c));
  const back = conv.plain(text);
  const diff = back.length === text.length ? [...text].filter((c, i) => back[i] !== c && !['台', '發', '制'].includes(c)) : [];
  return { watch, simplified: [...new Set(diff)] };
}

function printLeftovers(left) {
  const watch = left.filter((l) => l.watch.length).map((l) => `  ${l.id}: ${l.watch.join(' ')}`);
  const simplified = left.filter((l) => l.simplified.length).map((l) => `  ${l.id}: ${l.simplified.join(' ')}`);
  console.log(watch.length ? `Watch characters left (${HANT_WATCH.join(' ')}):\n${watch.join('\n')}` : `No watch character left (${HANT_WATCH.join(' ')}).`);
  if (simplified.length) console.log(`Characters that s2tw would still convert (Simplified left?):\n${simplified.join('\n')}`);
  return watch.length + simplified.length;
}

function check(glossary, verbose, file) {
  if (!fs.existsSync(file)) fail(`${rel(file)} does not exist yet: run without --check to seed a draft`);
  const zh = parse(ZH);
  const hant = parse(file);
  const kz = keys(zh);
  const kh = keys(hant);
  const problems = [];
  const missing = [...kz.keys()].filter((k) => !kh.has(k));
  const extra = [...kh.keys()].filter((k) => !kz.has(k));
  for (const [k, a] of kz) {
    const b = kh.get(k);
    if (!b) continue;
    if (String(a.params) !== String(b.params)) problems.push(`${k}: parameters (${a.params ?? 'none'}) in zh.ts, (${b.params ?? 'none'}) in zh-Hant.ts`);
    if (String(a.placeholders) !== String(b.placeholders))
      problems.push(`${k}: placeholders [${a.placeholders.join(', ')}] in zh.ts, [${b.placeholders.join(', ')}] in zh-Hant.ts`);
    if (a.length !== b.length) problems.push(`${k}: ${a.length} items in zh.ts, ${b.length} in zh-Hant.ts`);
    else if (a.code !== b.code) problems.push(`${k}: the code around the words differs:\n    zh.ts:      ${a.code}\n    zh-Hant.ts: ${b.code}`);
  }
  console.log(`Checking ${rel(file)} against ${rel(ZH)}: ${kz.size} keys in zh.ts, ${kh.size} in zh-Hant.ts.`);
  console.log(missing.length ? `Keys missing from zh-Hant.ts (${missing.length}):\n${missing.map((k) => `  ${k}`).join('\n')}` : 'No key is missing.');
  if (extra.length) console.log(`Keys in zh-Hant.ts that zh.ts does not have (${extra.length}):\n${extra.map((k) => `  ${k}`).join('\n')}`);
  if (problems.length) console.log(`Differences in code, parameters or placeholders (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`);

  // Characters a reader should look at again, and Simplified characters s2tw would still change.
  const conv = makeConverters(glossary.overrides);
  const hl = literals(hant);
  const left = hl.map((l) => ({ id: l.id, ...leftovers(l.texts.join(''), conv) }));
  printLeftovers(left);

  // How far the reviewed catalog is from the seed: the strings changed by hand.
  const { rows } = seedCatalog(glossary);
  const byId = new Map(hl.map((l) => [l.id, l]));
  const changed = [];
  const unmatched = [];
  for (const r of rows) {
    const h = byId.get(r.id);
    if (!h || h.texts.length !== r.seedTexts.length) unmatched.push(r.id);
    else if (h.texts.some((t, k) => t !== r.seedTexts[k])) changed.push({ r, h });
  }
  console.log(`Strings: ${rows.length} in zh.ts, ${hl.length} in zh-Hant.ts; ${changed.length} differ from the seed (changed by hand).`);
  if (unmatched.length) console.log(`Strings of zh.ts with no counterpart of the same shape in zh-Hant.ts (${unmatched.length}):\n${unmatched.map((k) => `  ${k}`).join('\n')}`);
  if (verbose)
    for (const { r, h } of changed) console.log(`\n${r.id}\n  seed:     ${rebuild(r, rows, 'seedTexts')}\n  reviewed: ${h.source}`);
  if (missing.length || problems.length) process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The flows: their words, one catalog entry per distinct 简体 text

/** A key whose string value is words: `title_zh`, `label_zh`, `text_zh`, `reason_zh`, `why_zh`, … and `zh`. */
const isWordKey = (key) => key === 'zh' || key.endsWith('_zh');

/** The flow files, by name; the catalog and its draft (zh-Hant*.toml) are not flows. */
const flowFiles = () =>
  fs
    .readdirSync(FLOWS)
    .filter((f) => f.endsWith('.toml') && !f.startsWith('zh-Hant'))
    .sort();

/**
 * The word keys of a TOML source with their string literals, in source order: a small scan that
 * skips comments and strings, so that a `label_zh =` inside either is not taken. Each literal is
 * decoded by the TOML parser itself. Gives the line of every text; the values are checked against
 * the parsed document (flowTexts), so a scan that went wrong stops the script instead of misleading it.
 */
function wordKeys(src) {
  const found = [];
  const lineAt = (i) => src.slice(0, i).split('\n').length;
  // The end (exclusive) of the string literal that starts at i.
  const stringEnd = (i) => {
    const q = src[i];
    const triple = src.startsWith(q.repeat(3), i);
    let j = i + (triple ? 3 : 1);
    for (; j < src.length; j++) {
      if (q === '"' && src[j] === '\\') j++;
      else if (triple ? src.startsWith(q.repeat(3), j) : src[j] === q) {
        if (!triple) return j + 1;
        while (src[j + 3] === q) j++; // """…"""" ends with a quote in the text
        return j + 3;
      } else if (!triple && src[j] === '\n') break;
    }
    fail(`unterminated string at line ${lineAt(i)}`);
  };
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '#') i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    else if (c === '"' || c === "'") i = stringEnd(i);
    else if (/[A-Za-z0-9_-]/.test(c)) {
      const key = src.slice(i).match(/^[A-Za-z0-9_-]+/)[0];
      const after = src.slice(i + key.length).match(/^[ \t]*=[ \t]*/);
      if (after && isWordKey(key) && (src[i + key.length + after[0].length] === '"' || src[i + key.length + after[0].length] === "'")) {
        const from = i + key.length + after[0].length;
        const to = stringEnd(from);
        found.push({ key, line: lineAt(i), offset: i, value: TOML.parse(`v = ${src.slice(from, to)}`).v });
        i = to;
      } else i += key.length;
    } else i++;
  }
  return found;
}

/** The word texts of a parsed flow file, each with where it is: `steps[eligibility].fields[applicant.name].label_zh`. */
function walkWords(node, crumbs, out, file) {
  const label = (v, i) => (v && typeof v === 'object' ? (v.id ?? v.path ?? v.value ?? i) : i);
  if (Array.isArray(node)) node.forEach((v, i) => walkWords(v, [...crumbs, `[${label(v, i)}]`], out, file));
  else if (node && typeof node === 'object' && !(node instanceof Date))
    for (const [k, v] of Object.entries(node)) {
      const where = [...crumbs, k].join('.').replace(/\.\[/g, '[');
      if (isWordKey(k)) {
        if (typeof v !== 'string') fail(`${file}: ${where} is not a string`);
        out.push({ text: v, where });
      } else walkWords(v, [...crumbs, k], out, file);
    }
}

/** Every distinct 简体 text of the flows, in order of first appearance, with every place it is used. */
function flowTexts() {
  const uses = [];
  flowFiles().forEach((file, f) => {
    const src = fs.readFileSync(path.join(FLOWS, file), 'utf8');
    let doc;
    try {
      doc = TOML.parse(src);
    } catch (e) {
      fail(`${file} does not parse: ${e.message}`);
    }
    const walked = [];
    walkWords(doc, [], walked, file);
    const lexed = wordKeys(src);
    if (lexed.length !== walked.length) fail(`${file}: ${walked.length} word keys parsed, ${lexed.length} found by the scan`);
    const taken = new Set();
    for (const w of walked) {
      const k = lexed.findIndex((l, n) => !taken.has(n) && l.value === w.text);
      if (k < 0) fail(`${file}: ${w.where}: the scan found no such text`);
      taken.add(k);
      uses.push({ ...w, file, f, line: lexed[k].line, offset: lexed[k].offset });
    }
  });
  uses.sort((a, b) => a.f - b.f || a.offset - b.offset);
  const entries = new Map();
  for (const u of uses) {
    if (!entries.has(u.text)) entries.set(u.text, { text: u.text, uses: [] });
    entries.get(u.text).uses.push(u);
  }
  return [...entries.values()];
}

/** A TOML basic string: quotes, backslashes and control characters (newlines too) escaped. */
const tomlString = (s) =>
  `"${[...s]
    .map((c) => {
      if (c === '\\' || c === '"') return `\\${c}`;
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      if (c < ' ' || c === '\x7f') return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      return c;
    })
    .join('')}"`;

function seedFlows(glossary) {
  const conv = makeConverters(glossary.overrides);
  const rows = flowTexts().map((e) => {
    const first = e.uses[0];
    const c = conv.convert(e.text, `${first.file}:${first.line} ${first.where}`);
    return {
      ...e,
      id: `${first.file} ${first.where}`,
      line: first.line,
      texts: [e.text],
      plainTexts: [c.plain],
      seedTexts: [c.seed],
      fired: c.fired,
      post: c.post,
    };
  });
  return { rows, conv };
}

/** The draft catalog: every entry with where it is used and what the seed did, for the reviewer. */
function flowsDraft(rows) {
  const lines = [
    `# 繁體中文 (zh-Hant) for the flows' words: DRAFT seeded by \`node scripts/seed-zh-hant.mjs --flows\``,
    `# (opencc-js ${OPENCC_VERSION}, s2tw + docs/zh-hant/glossary.tsv) from ${rel(FLOWS)}/*.toml. Not reviewed:`,
    `# the reviewed catalog is ${rel(FLOWS_HANT)}. Do not commit this file.`,
    '',
    '[text]',
  ];
  let file = null;
  for (const r of rows) {
    const first = r.uses[0];
    if (first.file !== file) lines.push('', `# ── ${(file = first.file)} ──`);
    const more = r.uses.length > 1 ? ` (+${r.uses.length - 1}: ${r.uses.slice(1).map((u) => `${u.file}:${u.line}`).join(', ')})` : '';
    lines.push('', `# ${first.file}:${first.line} ${first.where}${more}`);
    const notes = [];
    if (r.fired.length) notes.push(`overrides ${r.fired.join(', ')}`);
    if (r.post.length) notes.push(`post ${r.post.join(', ')}`);
    const watch = WATCH.filter((c) => r.seedTexts[0].includes(c));
    if (watch.length) notes.push(`watch ${watch.join(' ')}`);
    for (const t of CONTEXT_TERMS) {
      let masked = r.text;
      for (const n of t.not) masked = masked.split(n).join('\u0001'.repeat(n.length));
      if (masked.includes(t.zh)) notes.push(`context ${t.zh}: ${t.note}`);
    }
    if (notes.length) lines.push(`# ${notes.join('; ')}`);
    lines.push(`${tomlString(r.text)} = ${tomlString(r.seedTexts[0])}`);
  }
  const out = `${lines.join('\n')}\n`;
  // The draft must read back as exactly these keys and values (escaping).
  const back = TOML.parse(out).text;
  const keysBack = Object.keys(back);
  if (keysBack.length !== rows.length || rows.some((r, k) => keysBack[k] !== r.text || back[r.text] !== r.seedTexts[0]))
    fail('the draft does not read back as the texts and their seeds');
  return out;
}

function checkFlows(glossary, verbose, file) {
  if (!fs.existsSync(file)) fail(`${rel(file)} does not exist yet: run with --flows (without --check) to seed a draft`);
  let doc;
  try {
    doc = TOML.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${rel(file)} does not parse: ${e.message}`);
  }
  const problems = [];
  for (const k of Object.keys(doc)) if (k !== 'text') problems.push(`${k}: the catalog has only a [text] table`);
  const table = doc.text && typeof doc.text === 'object' ? doc.text : {};
  if (!doc.text) problems.push('no [text] table');
  const { rows, conv } = seedFlows(glossary);
  const byText = new Map(rows.map((r) => [r.text, r]));
  const missing = rows.filter((r) => !Object.hasOwn(table, r.text));
  const unused = Object.keys(table).filter((k) => !byText.has(k));
  const count = (s, c) => s.split(c).length - 1;
  const left = [];
  for (const [zh, hant] of Object.entries(table)) {
    const show = tomlString(zh.length > 40 ? `${zh.slice(0, 40)}…` : zh);
    if (typeof hant !== 'string') problems.push(`${show}: not a string`);
    else if (!hant.trim()) problems.push(`${show}: empty`);
    else {
      if (ascii(hant) !== ascii(zh)) problems.push(`${show}: its ASCII differs (numbers, APP, …): ${JSON.stringify(ascii(zh))} → ${JSON.stringify(ascii(hant))}`);
      if (count(hant, '【') !== count(zh, '【') || count(hant, '】') !== count(zh, '】')) problems.push(`${show}: the agency's 【】 names differ in number`);
      left.push({ id: show, ...leftovers(hant, conv) });
    }
  }
  const used = rows.filter((r) => Object.hasOwn(table, r.text)).map((r) => r.text);
  const inCatalog = Object.keys(table).filter((k) => byText.has(k));
  const outOfOrder = used.findIndex((t, k) => inCatalog[k] !== t);

  console.log(
    `Checking ${rel(file)} against ${rel(FLOWS)}/*.toml (${flowFiles().length} files): ${rows.length} distinct texts in the flows ` +
      `(${rows.reduce((n, r) => n + r.uses.length, 0)} uses), ${Object.keys(table).length} entries in the catalog.`,
  );
  const where = (r) => `${r.uses[0].file}:${r.uses[0].line} ${r.uses[0].where}`;
  console.log(missing.length ? `Flow texts with no entry (${missing.length}):\n${missing.map((r) => `  ${where(r)}: ${tomlString(r.text)}`).join('\n')}` : 'No flow text is missing.');
  console.log(unused.length ? `Entries no flow uses (${unused.length}):\n${unused.map((k) => `  ${tomlString(k)}`).join('\n')}` : 'No entry is unused.');
  if (problems.length) console.log(`Problems (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  printLeftovers(left);
  if (outOfOrder >= 0)
    console.log(`Entries out of the order of first appearance, from: ${tomlString(inCatalog[outOfOrder])} (expected ${tomlString(used[outOfOrder])})`);
  const changed = rows.filter((r) => Object.hasOwn(table, r.text) && table[r.text] !== r.seedTexts[0]);
  console.log(`Entries: ${used.length} of ${rows.length} present; ${changed.length} differ from the seed (changed by hand).`);
  const line = (t) => t.replace(/\n/g, '\\n');
  if (verbose)
    for (const r of changed)
      console.log(`\n${where(r)}\n  简体:     ${line(r.text)}\n  seed:     ${line(r.seedTexts[0])}\n  reviewed: ${line(table[r.text])}`);
  if (missing.length || unused.length || problems.length) process.exit(1);
}

// ---------------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
const glossary = readGlossary();
if (glossary.conflicts.length) console.error(`seed-zh-hant: glossary conflicts: ${glossary.conflicts.join('; ')}`);

/** The review report to --report FILE (with the summary on stdout), or to stdout (the summary on stderr). */
function publish(text, summary) {
  if (args.report) {
    fs.writeFileSync(args.report, text);
    console.log(`${summary}\nReport: ${rel(args.report)}`);
  } else {
    console.log(text);
    console.error(summary);
  }
}

if (args.flows && args.check) checkFlows(glossary, args.verbose, args.hant);
else if (args.flows) {
  const { rows } = seedFlows(glossary);
  fs.writeFileSync(args.out, flowsDraft(rows));
  const r = report(glossary, rows, {
    show: (row, field) => row[field][0],
    source: `\`${rel(FLOWS)}/*.toml\` (${flowFiles().join(', ')})`,
    reviewed: rel(FLOWS_HANT),
    command: 'node scripts/seed-zh-hant.mjs --flows',
    counted: `Distinct texts in the flows' words (${rows.reduce((n, row) => n + row.uses.length, 0)} uses)`,
  });
  const summary =
    `Wrote ${rel(args.out)}: ${rows.length} distinct texts; overrides fired in ${r.overridden.length}, ` +
    `watch characters in ${r.watched.length}, ${r.contexts.length} context-dependent terms to judge.`;
  publish(r.text, summary);
} else if (args.check) check(glossary, args.verbose, args.hant);
else {
  const { out, rows } = seedCatalog(glossary);
  fs.writeFileSync(args.out, out);
  const r = report(glossary, rows, {
    show: (row, field) => rebuild(row, rows, field),
    source: `\`${rel(ZH)}\``,
    reviewed: rel(ZH_HANT),
    command: 'node scripts/seed-zh-hant.mjs',
    counted: 'Strings with Chinese text (string literals and template literals)',
  });
  const summary =
    `Wrote ${rel(args.out)}: ${rows.length} strings; overrides fired in ${r.overridden.length}, ` +
    `watch characters in ${r.watched.length}, ${r.contexts.length} context-dependent terms to judge.`;
  publish(r.text, summary);
}
