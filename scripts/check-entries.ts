// Validates dataset files: `tsx scripts/check-entries.ts [data/entities/x.json ...]` (default: all of them).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { shingleIndex } from '../lib/data/copy-check.ts';
import { readReports, reportsDir } from '../lib/data/reports.ts';
import { checkDataset, parseEntries, type Bibliography, type Problem } from '../lib/data/validate.ts';
import type { Entity } from '../lib/data/schema.ts';

const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync('data/entities').filter((f) => f.endsWith('.json')).map((f) => join('data/entities', f));
const bib = JSON.parse(readFileSync('data/sources.json', 'utf8')) as Bibliography;
const dir = reportsDir();
if (!dir) console.error('WARNING: ../shared/reports is missing: the copied-sentence check is NOT run.');
const copyIndex = dir ? shingleIndex(readReports(dir).map((r) => r.text)) : null;
const all: Entity[] = [];
const problems: Problem[] = [];
for (const f of files) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(f, 'utf8'));
  } catch (err) {
    problems.push({ where: f, message: `not valid JSON: ${(err as Error).message}` });
    continue;
  }
  const r = parseEntries(raw, f);
  all.push(...r.entries);
  problems.push(...r.problems);
}
problems.push(...checkDataset(all, bib, copyIndex));
for (const p of problems) console.log(`${p.where}: ${p.message}`);
console.log(`${all.length} entries checked in ${files.length} files, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
