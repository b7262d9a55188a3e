// Validates the dataset: `tsx scripts/check-entries.ts [data/entities/x.json ...]` (default: all of it).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { shingleIndex } from '../lib/data/copy-check.ts';
import { readReports, reportsDir } from '../lib/data/reports.ts';
import { checkDataset, parseEntries, type Problem } from '../lib/data/validate.ts';
import { loadBibliography, loadDataset } from '../lib/data/load.ts';
import type { Entity } from '../lib/data/schema.ts';

const files = process.argv.slice(2);
const dir = reportsDir();
if (!dir) console.error('WARNING: ../shared/reports is missing: the copied-sentence check is NOT run.');
const copyIndex = dir ? shingleIndex(readReports(dir).map((r) => r.text)) : null;
let entries: Entity[] = [];
const problems: Problem[] = [];
if (files.length) {
  for (const f of files) {
    try {
      const r = parseEntries(JSON.parse(readFileSync(f, 'utf8')), basename(f));
      entries.push(...r.entries);
      problems.push(...r.problems);
    } catch (err) {
      problems.push({ where: f, message: `not valid JSON: ${(err as Error).message}` });
    }
  }
} else {
  const all = loadDataset();
  entries = all.entries;
  problems.push(...all.problems);
}
problems.push(...checkDataset(entries, loadBibliography(), copyIndex));
for (const p of problems) console.log(`${p.where}: ${p.message}`);
console.log(`${entries.length} entries checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
