// The demo: serves the bundled demo articles under real news addresses and opens them in Chromium with the extension.
// With a display it opens a browser window; without one it runs headless, saves screenshots and prints what it found.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, chromiumHostRules } from '../tests/e2e/support/browsers.ts';
import { launch } from '../tests/e2e/support/driver.ts';
import { startServer } from '../tests/e2e/support/server.ts';
import { callBackground, extensionPage, marks, sleep, tabIdFor } from '../tests/e2e/support/ext.ts';
import type { CardDataset } from '../lib/data/cards.ts';
import type { TabState } from '../lib/messages/protocol.ts';

const PAGES = resolve('demo/pages');
const OUT = resolve('demo-output');
const BUILD = resolve('.output/chrome-mv3');
/** Each demo article appears under the address of a real outlet in its language. */
const HOST_BY_PREFIX: Record<string, string> = { en: 'www.rferl.org', ru: 'rus.azattyq.org', kk: 'www.azattyq.org' };

const cards = JSON.parse(readFileSync('data/compiled/cards.json', 'utf8')) as CardDataset;
const nameOf = new Map(cards.entities.map((e) => [e.id, e.names.en]));
const articles = readdirSync(PAGES).filter((f) => /^(en|ru|kk)-.*\.html$/.test(f)).sort();
const server = await startServer([PAGES]);

if (process.env.DISPLAY && !process.env.CI) {
  // A person at a screen: a real window with the extension loaded, on the demo index.
  const { chromium } = await import('playwright-core');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const context = await chromium.launchPersistentContext(mkdtempSync(`${tmpdir()}/cac-demo-`), {
    executablePath: CHROMIUM,
    headless: false,
    viewport: null,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=${chromiumHostRules()}`, `--disable-extensions-except=${BUILD}`, `--load-extension=${BUILD}`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  for (const f of articles) await (await context.newPage()).goto(server.url(HOST_BY_PREFIX[f.slice(0, 2)], `/${f}`));
  await page.goto(server.url('www.rferl.org', '/index.html'));
  console.log(`Demo running: ${articles.length} articles open in Chromium. Close the browser window to stop.`);
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const browser = await launch('chromium', { extensionDir: BUILD });
const ext = await extensionPage(browser);
let failures = 0;
for (const file of articles) {
  const url = server.url(HOST_BY_PREFIX[file.slice(0, 2)], `/${file}`);
  const page = await browser.newPage();
  await page.goto(url);
  let summary: TabState['page'] = null;
  for (let i = 0; i < 40 && !summary?.entities.length; i++) {
    await sleep(150);
    summary = (await callBackground<TabState>(ext, 'getTabState', { tabId: await tabIdFor(ext, url) })).page;
  }
  const shot = `${OUT}/${file.replace(/\.html$/, '')}.png`;
  await page.screenshot(shot);
  // Open the card of the first mark, as a reader would with a click, and save that too.
  const first = await page.evaluate(() => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('cac-')) continue;
      for (const r of h as unknown as Set<Range>) {
        const b = r.getBoundingClientRect();
        if (b.top > 0 && b.bottom < innerHeight) return { x: b.left + 3, y: b.top + b.height / 2 };
      }
    }
    return null;
  });
  if (first) {
    await page.mouseClick(first.x, first.y);
    await sleep(900);
    await page.screenshot(shot.replace(/\.png$/, '-card.png'));
  }
  const found = summary?.entities ?? [];
  if (!found.length) failures++;
  console.log(`\n${file} (${url.replace(/:\d+/, '')}): ${found.length} entries, ${(await marks(page)).length} marks`);
  for (const e of found) console.log(`  ${String(e.count).padStart(3)} × ${nameOf.get(e.id) ?? e.id} (${e.id})`);
  await page.close();
}
await browser.close();
await server.close();
console.log(`\nScreenshots saved in ${OUT}/`);
process.exit(failures ? 1 : 0);
