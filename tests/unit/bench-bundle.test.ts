// The in-page benchmark harness still bundles: a page module it imports (CSS `?inline`, a new global) must not break `npm run bench`.
import { describe, expect, it } from 'vitest';
import { bundleHarness } from '../bench/bundle.ts';

describe('benchmark harness bundle', () => {
  it('bundles with the matcher and the alias lists baked in, and installs window.__bench', async () => {
    const code = await bundleHarness(['Mukhtar Ablyazov', 'QDT'], ['QDT']);
    expect(code).toContain('__bench');
    expect(code).toContain('Mukhtar Ablyazov');
    expect(code).toContain('::highlight(');
    expect(code.length).toBeGreaterThan(100_000);
  }, 60_000);
});
