// Compiles data/entities/*.json into data/compiled/matcher.json, the matcher the content script loads.
// Usage: tsx scripts/compile-dictionary.ts [--out FILE]   (also imported by annotate, eval and bench for loadDataset)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseEntries } from '../lib/data/validate.ts';
import type { Entity } from '../lib/data/schema.ts';
import { compileMatcher, type CompileReport } from '../lib/detect/compile.ts';
import { loadMatcher } from '../lib/detect/index.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTITIES_DIR = join(ROOT, 'data', 'entities');
export const COMPILED_FILE = join(ROOT, 'data', 'compiled', 'matcher.json');

/**
 * Reads and validates every entity file. Invalid entries are left out and reported in `problems`
 * (the dataset is checked for real by data:check; the detector compiles what is valid).
 */
export function loadDataset(dir = ENTITIES_DIR): { entries: Entity[]; problems: string[] } {
  const entries: Entity[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { entries, problems: [`no entity folder at ${dir}`] };
  const seen = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      problems.push(`${f}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const r = parseEntries(raw, f);
    for (const p of r.problems) problems.push(`${p.where}: ${p.message}`);
    for (const e of r.entries) {
      if (seen.has(e.id)) { problems.push(`${f}: duplicate id ${e.id} left out`); continue; }
      seen.add(e.id);
      entries.push(e);
    }
  }
  return { entries, problems };
}

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1]) : COMPILED_FILE;
  const { entries, problems } = loadDataset();
  if (problems.length) process.stderr.write(`${problems.length} dataset problem(s); invalid entries left out (run npm run data:check)\n`);
  if (!entries.length) { process.stderr.write('compile-dictionary: no valid entries in data/entities\n'); process.exit(1); }
  const t0 = performance.now();
  const report: CompileReport = { aliases: 0, skipped: [], nodes: 0 };
  const compiled = compileMatcher(entries, report);
  const t1 = performance.now();
  const json = JSON.stringify(compiled);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json + '\n');
  const t2 = performance.now();
  loadMatcher(JSON.parse(json));
  const t3 = performance.now();
  const gz = gzipSync(json).length;
  process.stdout.write(`compiled ${entries.length} entries, ${report.aliases} names and aliases, ${report.nodes} trie nodes in ${(t1 - t0).toFixed(0)} ms\n`);
  process.stdout.write(`wrote ${out}: ${(json.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped; parse+load ${(t3 - t2).toFixed(2)} ms\n`);
  if (report.skipped.length) process.stdout.write(`skipped (letters the matcher cannot fold): ${report.skipped.join(', ')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
