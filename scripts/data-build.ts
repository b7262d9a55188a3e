// The data build: validates data/entities and writes what the extension loads (data/compiled/).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { shingleIndex } from '../lib/data/copy-check.ts';
import { readReports, reportsDir } from '../lib/data/reports.ts';
import { checkDataset, parseEntries, type Bibliography, type Problem } from '../lib/data/validate.ts';
import { buildCards, type ReportTitles } from '../lib/data/cards.ts';
import { compileMatcher } from '../lib/detect/compile.ts';
import type { Entity } from '../lib/data/schema.ts';

const files = readdirSync('data/entities').filter((f) => f.endsWith('.json')).sort();
const bib = JSON.parse(readFileSync('data/sources.json', 'utf8')) as Bibliography & { reports: ReportTitles };
const dir = reportsDir();
if (!dir) console.error('data:build: ../shared/reports is not here: the copied-sentence check is skipped (the tests run it where the reports are).');
const copyIndex = dir ? shingleIndex(readReports(dir).map((r) => r.text)) : null;

const entries: Entity[] = [];
const problems: Problem[] = [];
const raw: string[] = [];
for (const f of files) {
  const text = readFileSync(join('data/entities', f), 'utf8');
  raw.push(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    problems.push({ where: f, message: `not valid JSON: ${(err as Error).message}` });
    continue;
  }
  const r = parseEntries(json, f);
  entries.push(...r.entries);
  problems.push(...r.problems);
}
problems.push(...checkDataset(entries, bib, copyIndex));
if (problems.length) {
  for (const p of problems) console.error(`${p.where}: ${p.message}`);
  console.error(`data:build: ${problems.length} problems in the dataset; nothing written.`);
  process.exit(1);
}
entries.sort((a, b) => a.id.localeCompare(b.id));
const version = createHash('sha256').update(raw.join('\n')).digest('hex').slice(0, 12);
mkdirSync('data/compiled', { recursive: true });
const cards = JSON.stringify(buildCards(entries, bib, version));
writeFileSync('data/compiled/cards.json', cards);
const matcher = JSON.stringify(compileMatcher(entries));
writeFileSync('data/compiled/matcher.json', matcher);
const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KB (${(gzipSync(s).length / 1024).toFixed(0)} KB gzipped)`;
console.log(`data:build: ${entries.length} entries, version ${version}; cards ${kb(cards)}, matcher ${kb(matcher)}`);
