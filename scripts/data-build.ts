// The data build: validates data/entities and writes what the extension loads (data/compiled/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { shingleIndex } from '../lib/data/copy-check.ts';
import { readReports, reportsDir } from '../lib/data/reports.ts';
import { checkDataset } from '../lib/data/validate.ts';
import { buildCards, type ReportTitles } from '../lib/data/cards.ts';
import { loadBibliography, loadDataset } from '../lib/data/load.ts';
import { compileMatcher } from '../lib/detect/compile.ts';

const dir = reportsDir();
if (!dir) console.error('data:build: ../shared/reports is not here: the copied-sentence check is skipped (the tests run it where the reports are).');
const copyIndex = dir ? shingleIndex(readReports(dir).map((r) => r.text)) : null;
const bib = loadBibliography() as ReturnType<typeof loadBibliography> & { reports: ReportTitles };
const { entries, problems, raw } = loadDataset();
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
