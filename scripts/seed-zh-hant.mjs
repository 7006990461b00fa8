#!/usr/bin/env node
// Seeds the 繁體中文 (zh-Hant) UI catalog from the 简体 one, and checks the reviewed catalog.
//
// Usage (from anywhere; paths are relative to the repository):
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
// Needs the UI's devDependencies installed (npm --prefix ui ci): opencc-js (the converter, pinned in
// ui/package.json) and typescript (to read zh.ts as TypeScript, not with regular expressions).
//
// What it does (see docs/zh-hant/converters.md and glossary.md):
//   1. Reads ui/src/lib/i18n/zh.ts with the TypeScript parser and takes every string literal and the
//      text parts of every template literal that contain Chinese. Object keys, operands of
//      comparisons (`list === 'guangdong_cities'`), identifiers and `${…}` expressions are never touched.
//   2. Converts each text part with opencc-js: ConverterFactory(Locale.from.cn, Locale.to.tw,
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
// The draft is a starting point only: the reviewed catalog is ui/src/lib/i18n/zh-Hant.ts, edited by
// people from then on. Do not commit the draft.

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

const rel = (p) => path.relative(ROOT, p) || '.';

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = { check: false, verbose: false, report: null, out: DRAFT, hant: ZH_HANT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') args.check = true;
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
  const { ConverterFactory, Locale } = OpenCC;
  return {
    plain: ConverterFactory(Locale.from.cn, Locale.to.tw),
    seed: ConverterFactory(Locale.from.cn, Locale.to.tw, [all]),
    shape: ConverterFactory(Locale.from.cn, Locale.to.tw, [shapes]),
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

/** The key path of a node inside the catalog object: `situations.gd-minor.hint`, `unlockNewIntro[1]`. */
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
  // Number the literals that share a key (a function with several strings): listSalvaged#2.
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

/** Every key path of the exported catalog object, with each function's parameter names. */
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
  walk(catalog, '');
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
      // 【…】: the agency's button names get character shapes only.
      const pieces = raw.split(/(【[^】]*】)/);
      let plain = '';
      let seeded = '';
      for (const piece of pieces) {
        if (!piece) continue;
        const isButton = piece.startsWith('【');
        const p = conv.plain(piece);
        const s = isButton ? conv.shape(piece) : conv.seed(piece);
        const sim = conv.fired(p, isButton ? new Map([...glossary.overrides].filter(([f, { to, basis }]) => f === to || /字形/.test(basis))) : glossary.overrides);
        if (sim.out !== s) console.error(`seed-zh-hant: warning: ${lit.id}: the override report may be incomplete (${sim.out} ≠ ${s})`);
        sim.hits.forEach((h) => fired.add(h));
        plain += p;
        seeded += s;
      }
      const after = applyPost(seeded);
      after.hits.forEach((h) => post.add(h));
      if (ascii(after.out) !== ascii(raw))
        fail(`${rel(ZH)}:${lit.line} ${lit.id}: the conversion changed ASCII text (a placeholder, URL or command?):\n  ${raw}\n  ${after.out}`);
      plainTexts.push(plain);
      seedTexts.push(after.out);
      if (after.out !== raw) edits.push({ from: part.from, to: part.to, text: after.out });
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

function report(glossary, rows) {
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
  const fmt = (r, field) => cell(rebuild(r, rows, field));
  lines.push(`# zh-Hant seed report`, '');
  lines.push(
    `Generated by \`node scripts/seed-zh-hant.mjs\` from \`${rel(ZH)}\` with opencc-js ${OPENCC_VERSION} ` +
      `(\`ConverterFactory(Locale.from.cn, Locale.to.tw, [overrides])\`). It describes the machine draft, ` +
      `not the reviewed catalog (\`${rel(ZH_HANT)}\`).`,
    '',
  );
  lines.push(`- Strings with Chinese text: **${rows.length}** (string literals and template literals)`);
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
  const { plain } = makeConverters(glossary.overrides);
  const hl = literals(hant);
  const watch = [];
  const simplified = [];
  const hantOnlyWatch = ['髮', '臺', '賬', '户', '着', '裏', '啓', '后'];
  for (const l of hl) {
    const t = l.texts.join('');
    const chars = hantOnlyWatch.filter((c) => t.includes(c));
    if (chars.length) watch.push(`  ${l.id}: ${chars.join(' ')}`);
    const back = plain(t);
    const diff = [...t].filter((c, i) => back[i] !== c && !['台', '發', '制'].includes(c));
    if (back.length === t.length && diff.length) simplified.push(`  ${l.id}: ${[...new Set(diff)].join(' ')}`);
  }
  console.log(watch.length ? `Watch characters left (${hantOnlyWatch.join(' ')}):\n${watch.join('\n')}` : `No watch character left (${hantOnlyWatch.join(' ')}).`);
  if (simplified.length) console.log(`Characters that s2tw would still convert (Simplified left?):\n${simplified.join('\n')}`);

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

const args = parseArgs(process.argv.slice(2));
const glossary = readGlossary();
if (glossary.conflicts.length) console.error(`seed-zh-hant: glossary conflicts: ${glossary.conflicts.join('; ')}`);
if (args.check) check(glossary, args.verbose, args.hant);
else {
  const { out, rows } = seedCatalog(glossary);
  fs.writeFileSync(args.out, out);
  const r = report(glossary, rows);
  const summary =
    `Wrote ${rel(args.out)}: ${rows.length} strings; overrides fired in ${r.overridden.length}, ` +
    `watch characters in ${r.watched.length}, ${r.contexts.length} context-dependent terms to judge.`;
  if (args.report) {
    fs.writeFileSync(args.report, r.text);
    console.log(`${summary}\nReport: ${rel(args.report)}`);
  } else {
    console.log(r.text);
    console.error(summary);
  }
}
