// Prints every bundle of the built extension with its raw and gzipped size, and the content script without the dataset.
//
//   npm run size        (builds first; writes tests/bench/results/size.json)
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SizeResults } from '../tests/bench/budgets.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILDS = ['chrome-mv3', 'firefox-mv3'];
const DATASET = join(ROOT, 'data/compiled/matcher.json');
const gz = (b: Buffer | string): number => gzipSync(b, { level: 9 }).length;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The end of the JS value (object, array or string literal) starting at `start`, skipping over string literals. */
function valueEnd(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < s.length && s[i] !== c; i++) if (s[i] === '\\') i++;
      if (depth === 0) return i + 1;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The content script with the compiled dataset cut out. Vite embeds the imported JSON either as an
 * object literal (`{v:1,ids:[...` with large arrays as JSON.parse('...') strings) or as one JSON string.
 */
function withoutDataset(js: string): { rest: string; found: boolean } {
  for (const marker of ['{v:1,ids:[', 'JSON.parse(\'{"v":1,"ids":[', 'JSON.parse("{\\"v\\":1,\\"ids\\":[', '{"v":1,"ids":[']) {
    const at = js.indexOf(marker);
    if (at < 0) continue;
    const end = valueEnd(js, at);
    if (end > at) return { rest: js.slice(0, at) + '{}' + js.slice(end), found: true };
  }
  return { rest: js, found: false };
}

function main(): void {
  const dataset = readFileSync(DATASET);
  const datasetGz = gz(dataset);
  const out: SizeResults = { date: new Date().toISOString(), bundles: [], contentScript: [], dataset: { file: relative(ROOT, DATASET), raw: dataset.length, gz: datasetGz } };
  const lines: string[] = [];
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  for (const build of BUILDS) {
    const dir = join(ROOT, '.output', build);
    if (!existsSync(dir)) {
      lines.push(`${build}: not built (run \`npm run build\`)`);
      continue;
    }
    lines.push(`${build}${' '.repeat(Math.max(1, 52 - build.length))}${'raw'.padStart(10)}${'gzipped'.padStart(10)}`);
    for (const f of files(dir).filter((p) => /\.(js|css|html|json)$/.test(p)).sort()) {
      const buf = readFileSync(f);
      const rel = relative(dir, f);
      out.bundles.push({ build, file: rel, raw: buf.length, gz: gz(buf) });
      lines.push(`  ${rel.padEnd(50)}${kb(buf.length)}${kb(gz(buf))}`);
    }
    const content = join(dir, 'content-scripts/content.js');
    if (existsSync(content)) {
      const js = readFileSync(content, 'utf8');
      const { rest, found } = withoutDataset(js);
      const c = { build, file: relative(ROOT, content), raw: Buffer.byteLength(js), gz: gz(js), gzMinusDatasetGz: gz(js) - datasetGz, gzWithoutDataset: gz(rest), datasetFound: found };
      out.contentScript.push(c);
      lines.push(`  content script without the dataset: ${kb(c.gzWithoutDataset).trim()} gzipped with the dataset cut out${found ? '' : ' (DATASET NOT FOUND in content.js)'}; ${kb(c.gzMinusDatasetGz).trim()} as gz(content.js) − gz(matcher.json)`);
    }
    lines.push('');
  }
  lines.push(`compiled dataset ${out.dataset.file}: ${kb(dataset.length).trim()}, ${kb(datasetGz).trim()} gzipped`);
  process.stdout.write(lines.join('\n') + '\n');
  const dir = join(ROOT, 'tests/bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'size.json'), JSON.stringify(out, null, 1) + '\n');
}

main();
