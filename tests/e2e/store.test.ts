// Store readiness: Mozilla's linter finds nothing on the Firefox build, and both store zips load in their browsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browsersUnderTest, launch } from './support/driver.ts';

const OUT = resolve('.output');

function zipFor(kind: 'chrome' | 'firefox'): string {
  const zip = readdirSync(OUT).find((f) => f.endsWith(`-${kind}.zip`));
  assert.ok(zip, `no ${kind} zip in .output: run \`npm run zip\``);
  return join(OUT, zip);
}

test('[firefox] web-ext lint reports no errors and no warnings on the Firefox build', () => {
  const out = execFileSync('npx', ['web-ext', 'lint', '--output', 'json', '--source-dir', join(OUT, 'firefox-mv3')], { encoding: 'utf8' });
  const report = JSON.parse(out.slice(out.indexOf('{'))) as { count: number; summary: { errors: number; warnings: number; notices: number }; errors: unknown[]; warnings: unknown[] };
  assert.deepEqual(report.warnings, []);
  assert.deepEqual(report.errors, []);
  console.log(`# web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
});

for (const name of browsersUnderTest()) {
  test(`[${name}] the store zip loads: its background answers and its options page renders`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `cac-zip-${name}-`));
    try {
      execFileSync('unzip', ['-q', zipFor(name === 'chromium' ? 'chrome' : 'firefox'), '-d', dir]);
      assert.ok(existsSync(join(dir, 'manifest.json')));
      const browser = await launch(name, { extensionDir: dir });
      try {
        const page = await browser.newPage();
        await page.goto(`${browser.extensionOrigin}/options.html`);
        await page.waitFor(() => document.querySelectorAll('[data-testid=bundled-sites] li').length >= 40, undefined, 10000);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
