// Prints the dataset's coverage: entries by type and country, names and summaries per language, events per entry.
import { loadDataset } from '../lib/data/load.ts';
import { COUNTRIES, ENTITY_TYPES } from '../lib/data/schema.ts';

const { entries, problems } = loadDataset();
if (problems.length) console.log(`(${problems.length} entries or fields do not validate; run npm run data:check)`);
const n = entries.length;
const pct = (k: number) => `${k} (${n ? Math.round((k / n) * 100) : 0}%)`;

console.log(`${n} entries\n`);
const header = ['type', ...COUNTRIES, 'all'];
console.log(header.map((h) => h.padEnd(13)).join(''));
for (const t of ENTITY_TYPES) {
  const row = COUNTRIES.map((c) => entries.filter((e) => e.type === t && e.country === c).length);
  console.log([t, ...row, row.reduce((a, b) => a + b, 0)].map((v) => String(v).padEnd(13)).join(''));
}
console.log('\nlanguage     names        summary      status       event texts');
for (const lang of ['en', 'ru', 'kk'] as const) {
  const events = entries.flatMap((e) => e.events);
  const withText = events.filter((ev) => ev.text[lang]).length;
  console.log(
    [lang, pct(entries.filter((e) => e.names[lang]).length), pct(entries.filter((e) => e.summary[lang]).length), pct(entries.filter((e) => e.status.text[lang]).length), `${withText}/${events.length}`]
      .map((v) => String(v).padEnd(13))
      .join(''),
  );
}
console.log(`kk-latn name  ${pct(entries.filter((e) => e.names.kkLatn).length)}`);
const events = entries.map((e) => e.events.length);
const sorted = [...events].sort((a, b) => a - b);
console.log(`\nevents: ${events.reduce((a, b) => a + b, 0)} in all; per entry min ${sorted[0] ?? 0}, median ${sorted[Math.floor(sorted.length / 2)] ?? 0}, max ${sorted.at(-1) ?? 0}`);
const footnoted = entries.flatMap((e) => e.events).filter((ev) => ev.sources.some((s) => s.footnote !== undefined)).length;
console.log(`events citing a footnote: ${footnoted}`);
console.log(`aliases: ${entries.reduce((a, e) => a + e.aliases.length, 0)} plain, ${entries.reduce((a, e) => a + e.ambiguousAliases.length, 0)} ambiguous, ${entries.reduce((a, e) => a + e.weakAliases.length, 0)} weak`);
console.log('\nrichest entries:');
for (const e of [...entries].sort((a, b) => b.events.length - a.events.length).slice(0, 8)) console.log(`  ${e.id}: ${e.events.length} events, ${e.aliases.length + e.ambiguousAliases.length} aliases`);
