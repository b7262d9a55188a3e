// Bundles the in-page benchmark harness (tests/bench/harness.ts) with the compiled matcher and the alias lists baked in.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

/** Vite's `?inline` CSS imports (the mark styles a shadow root adopts), as esbuild text modules. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
  },
};

export async function bundleHarness(aliases: string[], aliases500: string[]): Promise<string> {
  const matcher = readFileSync(join(ROOT, 'data/compiled/matcher.json'), 'utf8');
  const out = await build({
    entryPoints: [join(ROOT, 'tests/bench/harness.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    platform: 'browser',
    define: { 'import.meta.env.MODE': JSON.stringify('production'), __MATCHER_JSON__: JSON.stringify(matcher), __ALIASES__: JSON.stringify(aliases), __ALIASES_500__: JSON.stringify(aliases500) },
    logLevel: 'warning',
    plugins: [inlineCss],
  });
  return out.outputFiles[0].text;
}

