// Writes data/sources.json: every report's footnotes as a bibliography, from ../shared/reports.
import { writeFileSync } from 'node:fs';
import { parseFootnotes } from '../lib/data/footnotes.ts';
import { readReports, reportsDir } from '../lib/data/reports.ts';

const dir = reportsDir();
if (!dir) {
  console.error('data:sources: ../shared/reports is not here; data/sources.json is left as it is.');
  process.exit(1);
}
const reports: Record<string, { title: string; lang: string; footnotes: Record<string, unknown> }> = {};
let count = 0;
for (const r of readReports(dir)) {
  const footnotes: Record<string, unknown> = {};
  for (const [n, fn] of parseFootnotes(r.text)) {
    const { n: _n, ...rest } = fn;
    footnotes[String(n)] = rest;
    count++;
  }
  reports[r.name] = { title: r.title, lang: r.lang, footnotes };
}
writeFileSync('data/sources.json', JSON.stringify({ reports }, null, 1) + '\n');
console.log(`data/sources.json: ${Object.keys(reports).length} reports, ${count} footnotes`);
