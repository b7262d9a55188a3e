// Evaluates the detector: precision/recall/F1 on tests/fixtures/detect (inline-annotated texts) and recall over the reports.
//
//   npm run eval [-- --json] [--fixtures DIR] [--only PATTERN] [--verbose]
//
// --only keeps the fixtures whose file name matches PATTERN (a regular expression), e.g. `--only ^heldout-`
// to measure the held-out texts apart from the ones the engine was tuned on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDataset, ROOT } from './compile-dictionary.ts';
import { compileMatcher, loadMatcher, foldText, type Detector, type Mention } from '../lib/detect/index.ts';
import { splitWords } from '../lib/detect/compile.ts';
import { readReports, reportsDir } from '../lib/data/reports.ts';
import type { Entity } from '../lib/data/schema.ts';

export interface Gold { start: number; end: number; id: string }
export interface Fixture { name: string; lang: string; text: string; gold: Gold[]; url?: string; caFree: boolean }

/** Strips `[[surface|id]]` markup; gold offsets refer to the stripped text. Header lines start with "%% ". */
export function parseFixture(name: string, raw: string): Fixture {
  const lang = /\.(en|ru|kk)\.txt$/.exec(name)?.[1] ?? 'auto';
  let body = raw.replace(/^\uFEFF/, '');
  let url: string | undefined;
  let caFree = false;
  while (body.startsWith('%% ')) {
    const nl = body.indexOf('\n');
    const line = (nl < 0 ? body : body.slice(0, nl)).slice(3).trim();
    body = nl < 0 ? '' : body.slice(nl + 1);
    if (line.startsWith('url:')) url = line.slice(4).trim();
    if (line === 'central-asia-free') caFree = true;
  }
  const gold: Gold[] = [];
  let text = '';
  const re = /\[\[([^\]|]+)\|([a-z0-9-]+)\]\]/g;
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    text += body.slice(at, m.index);
    gold.push({ start: text.length, end: text.length + m[1]!.length, id: m[2]! });
    text += m[1]!;
    at = m.index + m[0].length;
  }
  text += body.slice(at);
  return { name, lang, text, gold, ...(url ? { url } : {}), caFree };
}

export function segmentsOf(text: string): { segs: string[]; offsets: number[] } {
  const segs: string[] = [];
  const offsets: number[] = [];
  const re = /\n[ \t\r]*\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) { segs.push(text.slice(at, m.index)); offsets.push(at); at = m.index + m[0].length; }
  segs.push(text.slice(at)); offsets.push(at);
  return { segs, offsets };
}

interface Counts { tp: number; fp: number; fn: number }
const prf = (c: Counts): { precision: number; recall: number; f1: number } & Counts => {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

export interface EvalResult {
  fixtures: number;
  goldMentions: number;
  byLang: Record<string, ReturnType<typeof prf>>;
  byType: Record<string, ReturnType<typeof prf>>;
  overall: ReturnType<typeof prf>;
  caFreeTexts: number;
  caFreeMentions: number;
  unknownIds: string[];
  errors: { fixture: string; kind: 'fp' | 'fn'; id: string; text: string; context: string }[];
  reports: null | { files: Record<string, { expected: number; found: number; recall: number }>; expected: number; found: number; recall: number; missedEntities: { id: string; missed: number; example: string }[] };
}

function scanText(d: Detector, text: string, lang: string, url?: string): { start: number; end: number; id: string; type: string }[] {
  const { segs, offsets } = segmentsOf(text);
  return d.scan(segs, { lang, ...(url ? { url } : {}) }).mentions.map((m: Mention) => ({ start: offsets[m.segment]! + m.start, end: offsets[m.segment]! + m.end, id: m.entityId, type: m.type }));
}

export function evaluateFixtures(d: Detector, entries: Entity[], fixtures: Fixture[]): Omit<EvalResult, 'reports'> {
  const typeOf = new Map(entries.map((e) => [e.id, e.type]));
  const byLang: Record<string, Counts> = {};
  const byType: Record<string, Counts> = {};
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const errors: EvalResult['errors'] = [];
  const unknown = new Set<string>();
  let caFreeTexts = 0, caFreeMentions = 0, goldMentions = 0;
  const bump = (lang: string, type: string, k: keyof Counts): void => {
    (byLang[lang] ??= { tp: 0, fp: 0, fn: 0 })[k]++;
    (byType[type] ??= { tp: 0, fp: 0, fn: 0 })[k]++;
    all[k]++;
  };
  const ctxOf = (t: string, s: number, e: number): string => `${t.slice(Math.max(0, s - 40), s)}[${t.slice(s, e)}]${t.slice(e, e + 40)}`.replace(/\s+/g, ' ');
  for (const f of fixtures) {
    const pred = scanText(d, f.text, f.lang, f.url);
    goldMentions += f.gold.length;
    if (f.caFree) { caFreeTexts++; caFreeMentions += pred.length; }
    const used = new Set<number>();
    for (const g of f.gold) {
      if (!typeOf.has(g.id)) unknown.add(g.id);
      const k = pred.findIndex((p, i) => !used.has(i) && p.id === g.id && p.start < g.end && g.start < p.end);
      if (k >= 0) { used.add(k); bump(f.lang, typeOf.get(g.id) ?? 'unknown', 'tp'); }
      else { bump(f.lang, typeOf.get(g.id) ?? 'unknown', 'fn'); errors.push({ fixture: f.name, kind: 'fn', id: g.id, text: f.text.slice(g.start, g.end), context: ctxOf(f.text, g.start, g.end) }); }
    }
    pred.forEach((p, i) => {
      if (used.has(i)) return;
      bump(f.lang, p.type, 'fp');
      errors.push({ fixture: f.name, kind: 'fp', id: p.id, text: f.text.slice(p.start, p.end), context: ctxOf(f.text, p.start, p.end) });
    });
  }
  const map = (r: Record<string, Counts>): Record<string, ReturnType<typeof prf>> => Object.fromEntries(Object.entries(r).sort().map(([k, v]) => [k, prf(v)]));
  return { fixtures: fixtures.length, goldMentions, byLang: map(byLang), byType: map(byType), overall: prf(all), caFreeTexts, caFreeMentions, unknownIds: [...unknown], errors };
}

/** A name or plain alias looked for in the reports, with how it must be written there to count. */
export interface ReportKey { key: string; id: string; acronym: boolean; capital: boolean; latin: boolean; lastWord: number }

const isUpperLetter = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

export function reportKey(text: string, id: string): ReportKey | null {
  const w = splitWords(text);
  if (!w) return null;
  const key = w.map((x) => String.fromCharCode(...x.folded)).join(' ');
  const letters = [...text].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const acronym = letters.length >= 2 && letters.length <= 6 && letters.every(isUpperLetter);
  const first = letters[0] ?? '';
  return { key, id, acronym, capital: !acronym && isUpperLetter(first), latin: /^[a-z0-9 .-]*$/.test(key), lastWord: w[w.length - 1]!.folded.length };
}

/**
 * Whether the text has the key as a whole word at `at` (folded text `ft`, original `p`, `map` from folded to
 * original offsets); returns the end of the word in `ft`, or -1. A name may carry an ending where its language
 * inflects it: a possessive s on a Latin name, up to four letters on a Cyrillic word of five letters or more
 * (Аблязовым, Тоқаевқа); an acronym must be upper case (UN, not "un" in "under"), a capitalised name capitalised
 * ("Alga", not «алғаш»).
 */
export function wholeWordAt(k: ReportKey, ft: string, p: string, map: ArrayLike<number>, at: number): number {
  const isWordChar = (c: string | undefined): boolean => c !== undefined && !/[ .\-]/.test(c);
  if (at > 0 && isWordChar(ft[at - 1])) return -1;
  let e = at + k.key.length;
  while (e < ft.length && isWordChar(ft[e])) e++;
  const tail = e - at - k.key.length;
  if (tail > 0) {
    if (k.latin ? !(tail === 1 && ft[e - 1] === 's') : k.lastWord < 5 || tail > 4) return -1;
  }
  const os = map[at]!, oe = map[at + k.key.length - 1]! + 1;
  const original = p.slice(os, oe);
  if (k.acronym && ![...original].filter((c) => c.toLowerCase() !== c.toUpperCase()).every(isUpperLetter)) return -1;
  if (k.capital && !isUpperLetter(original[0] ?? '')) return -1;
  return e;
}

/**
 * Recall over the reports: every whole-word occurrence of an entry's name or plain alias (see wholeWordAt)
 * is expected; it is found when the detector marks that entry there.
 */
export function evaluateReports(d: Detector, entries: Entity[]): EvalResult['reports'] {
  const dir = reportsDir(ROOT);
  if (!dir) return null;
  const reports = readReports(dir).filter((r) => !r.name.includes('introduction-page'));
  const keys: ReportKey[] = [];
  for (const e of entries) {
    for (const t of [e.names.en, e.names.ru, e.names.kk, e.names.kkLatn, ...e.aliases.map((a) => a.text)]) {
      const k = t ? reportKey(t, e.id) : null;
      if (k) keys.push(k);
    }
  }
  // Longest keys first, so "Dariga Nazarbayeva" claims its words before "Nazarbayev" does.
  keys.sort((a, b) => b.key.length - a.key.length);
  const files: Record<string, { expected: number; found: number; recall: number }> = {};
  const missed = new Map<string, { missed: number; example: string }>();
  let expected = 0, found = 0;
  for (const r of reports) {
    const paras = r.body.split('\n');
    const { mentions } = d.scan(paras, { lang: r.lang });
    const bySeg = new Map<number, Mention[]>();
    for (const m of mentions) (bySeg.get(m.segment) ?? bySeg.set(m.segment, []).get(m.segment)!).push(m);
    let fe = 0, ff = 0;
    paras.forEach((p, si) => {
      const folded = foldText(p);
      const ft = folded.text;
      const taken: [number, number, string][] = [];
      for (const k of keys) {
        for (let at = ft.indexOf(k.key); at >= 0; at = ft.indexOf(k.key, at + 1)) {
          if (wholeWordAt(k, ft, p, folded.map, at) < 0) continue;
          const [os, oe] = [folded.map[at]!, folded.map[at + k.key.length - 1]! + 1];
          if (taken.some(([s, en]) => os < en && s < oe)) continue;
          taken.push([os, oe, k.id]);
        }
      }
      for (const [os, oe, id] of taken) {
        fe++;
        if ((bySeg.get(si) ?? []).some((m) => m.entityId === id && m.start < oe && os < m.end)) ff++;
        else {
          const x = missed.get(id) ?? { missed: 0, example: '' };
          x.missed++;
          if (!x.example) x.example = `${r.name}: …${p.slice(Math.max(0, os - 30), oe + 30)}…`;
          missed.set(id, x);
        }
      }
    });
    files[r.name] = { expected: fe, found: ff, recall: fe ? ff / fe : 1 };
    expected += fe; found += ff;
  }
  return {
    files, expected, found, recall: expected ? found / expected : 1,
    missedEntities: [...missed.entries()].map(([id, v]) => ({ id, ...v })).sort((a, b) => b.missed - a.missed),
  };
}

export function loadFixtures(dir: string): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.(en|ru|kk)\.txt$/.test(f)).sort().map((f) => parseFixture(f, readFileSync(join(dir, f), 'utf8')));
}

export function runEval(fixturesDir = join(ROOT, 'tests', 'fixtures', 'detect'), only?: RegExp): EvalResult {
  const { entries } = loadDataset();
  const d = loadMatcher(compileMatcher(entries));
  const fixtures = loadFixtures(fixturesDir).filter((f) => !only || only.test(f.name));
  return { ...evaluateFixtures(d, entries, fixtures), reports: evaluateReports(d, entries) };
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--fixtures');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 && args[onlyAt + 1] ? new RegExp(args[onlyAt + 1]!) : undefined;
  const r = runEval(at >= 0 && args[at + 1] ? resolve(args[at + 1]) : undefined, only);
  if (args.includes('--json')) { process.stdout.write(JSON.stringify(r) + '\n'); return; }
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  const row = (k: string, v: ReturnType<typeof prf>): string => `  ${k.padEnd(14)} P ${pct(v.precision)}  R ${pct(v.recall)}  F1 ${pct(v.f1)}   (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`;
  const out: string[] = [];
  out.push(`Fixtures: ${r.fixtures} texts, ${r.goldMentions} gold mentions`);
  out.push('By language:');
  for (const [k, v] of Object.entries(r.byLang)) out.push(row(k, v));
  out.push('By type:');
  for (const [k, v] of Object.entries(r.byType)) out.push(row(k, v));
  out.push(row('overall', r.overall));
  out.push(`Central-Asia-free texts: ${r.caFreeTexts}, mentions on them: ${r.caFreeMentions}${r.caFreeMentions ? '  <-- must be 0' : ''}`);
  if (r.unknownIds.length) out.push(`Gold ids not in the dataset: ${r.unknownIds.join(', ')}`);
  const shown = args.includes('--verbose') ? r.errors : r.errors.slice(0, 40);
  if (shown.length) {
    out.push('Errors:');
    for (const e of shown) out.push(`  ${e.kind.toUpperCase()} ${e.fixture} ${e.id}: ${e.context}`);
    if (shown.length < r.errors.length) out.push(`  … ${r.errors.length - shown.length} more (--verbose)`);
  }
  if (!r.reports) out.push('!!! REPORTS MISSING: ../shared/reports not found; recall over the reports NOT measured !!!');
  else {
    out.push(`Recall over the reports: ${pct(r.reports.recall)}%  (${r.reports.found}/${r.reports.expected} name occurrences)`);
    for (const [k, v] of Object.entries(r.reports.files)) out.push(`  ${k.padEnd(70)} ${pct(v.recall)}%  (${v.found}/${v.expected})`);
    const worst = r.reports.missedEntities.slice(0, args.includes('--verbose') ? 1000 : 15);
    if (worst.length) {
      out.push('Most missed entries in the reports:');
      for (const m of worst) out.push(`  ${m.id} ×${m.missed}  ${m.example.replace(/\s+/g, ' ')}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try { main(); } catch (e) { process.stderr.write(`eval: ${(e as Error).message}\n`); process.exitCode = 1; }
}
