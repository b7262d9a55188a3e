import { describe, it, expect } from 'vitest';
import { detector } from './helpers.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
}

describe('never throws, stays linear', () => {
  it('takes random code units, lone surrogates and non-strings without throwing', () => {
    const r = rng(7);
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let k = 0; k < 200; k++) s += String.fromCharCode(Math.floor(r() * 65536));
      const segs = [s, s + ' Tokayev Тоқаевқа QDT-мен', '\ud800Ablyazov\udfff'];
      const { mentions } = detector.scan(segs, { lang: 'auto', url: 'not a url' });
      for (const m of mentions) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(segs[m.segment]!.length);
        expect(segs[m.segment]!.slice(m.start, m.end)).toBe(m.surface);
      }
    }
    expect(() => detector.scan([null, 3, {}] as unknown as string[], { context: { bogus: 1 } as never })).not.toThrow();
  });

  it.each([['Ablyazo', 40_000], ['Mukhtar ', 30_000], ['Назарбае', 30_000], ['Демократического выбора ', 8_000], ['статья ', 30_000], ['405 және ', 20_000], ['\u00AD', 200_000]])(
    'a long run of %j costs about 4× for 4× the text',
    (unit, n) => {
      const time = (t: string): number => {
        let best = Infinity;
        for (let k = 0; k < 3; k++) { const a = performance.now(); detector.scan([t]); best = Math.min(best, performance.now() - a); }
        return best;
      };
      time(unit.repeat(n));
      const a = time(unit.repeat(n));
      const b = time(unit.repeat(4 * n));
      expect(b / Math.max(a, 1)).toBeLessThan(10);
    },
  );

  it('scans a 1 MB line', () => {
    const line = ('Kazakhstan news. ' + 'x'.repeat(990) + ' Tokayev ').repeat(1000);
    const { mentions } = detector.scan([line]);
    expect(mentions.filter((m) => m.entityId === 'kassym-jomart-tokayev').length).toBe(1000);
  });
});
