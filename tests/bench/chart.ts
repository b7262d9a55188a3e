// Draws the benchmark's medians as a hand-written SVG: one panel per page, a logarithmic time axis, one bar per variant and browser/speed.
import type { BenchResults } from './stats.ts';

const ROWS: { label: string; variant: string; field: string; color: string }[] = [
  { label: 'floor (TreeWalker + charCodeAt)', variant: 'floor', field: 'ms', color: '#6b7280' },
  { label: 'ours: walk + match', variant: 'ours', field: 'walkMatch', color: '#2563eb' },
  { label: 'ours: start → next frame', variant: 'ours', field: 'total', color: '#1d4ed8' },
  { label: 'our matches as elements → frame', variant: 'spans', field: 'total', color: '#0891b2' },
  { label: 'naive alternation, cold', variant: 'naiveCold', field: 'ms', color: '#d97706' },
  { label: 'naive alternation, warm', variant: 'naiveWarm', field: 'ms', color: '#f59e0b' },
  { label: 'mark.js markRegExp → frame', variant: 'markRegExp', field: 'ms', color: '#dc2626' },
  { label: 'mark.js mark(), 500 aliases → frame', variant: 'mark500', field: 'ms', color: '#991b1b' },
];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmt(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  return ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(ms >= 1 ? 1 : 2)} ms`;
}

export function renderChart(r: BenchResults): string {
  // Bars: for each page, for each row, one bar per series.
  const left = 250;
  const width = 980;
  const plotW = width - left - 90;
  const barH = 7;
  const minMs = 0.1;
  const maxMs = 100_000;
  const x = (ms: number): number => (Math.log10(Math.max(minMs, Math.min(maxMs, ms)) / minMs) / Math.log10(maxMs / minMs)) * plotW;
  const parts: string[] = [];
  let y = 70;
  const perSeries = r.browsers.flatMap((b) => b.speeds.map((sp) => ({ b, sp })));
  const colorsNote = perSeries.map(({ b, sp }, i) => `${['■', '▨', '□'][i] ?? '·'} ${b.version}${sp.cpuSlowdown === 1 ? ', normal speed' : `, ${sp.cpuSlowdown}× CPU throttling`}`);
  for (const page of r.pages) {
    const rows = ROWS.filter((row) => perSeries.some(({ sp }) => sp.pages[page.id]?.[row.variant]?.fields[row.field]));
    if (!rows.length) continue;
    parts.push(`<text x="10" y="${y}" font-weight="bold" font-size="14">${esc(page.id)}</text>`);
    parts.push(`<text x="${left}" y="${y}" font-size="11" fill="#555">${esc(page.title)} · ${(page.textChars / 1000).toFixed(0)} k characters of text, ${page.elements} elements</text>`);
    y += 10;
    const top = y;
    for (const row of rows) {
      const h = perSeries.length * (barH + 1) + 6;
      parts.push(`<text x="${left - 8}" y="${y + h / 2 + 2}" font-size="11" text-anchor="end">${esc(row.label)}</text>`);
      perSeries.forEach(({ b, sp }, i) => {
        const cell = sp.pages[page.id]?.[row.variant];
        const v = cell?.fields[row.field]?.median;
        const by = y + 3 + i * (barH + 1);
        if (v === undefined || !Number.isFinite(v)) return;
        const w = Math.max(1, x(v));
        const fill = i === 0 ? row.color : b.name === 'firefox' ? '#fff' : row.color;
        const opacity = b.name === 'firefox' ? 1 : sp.cpuSlowdown === 1 ? 1 : 0.45;
        const stroke = b.name === 'firefox' ? ` stroke="${row.color}" stroke-width="1"` : '';
        parts.push(`<rect x="${left}" y="${by}" width="${w.toFixed(1)}" height="${barH}" fill="${fill}" fill-opacity="${opacity}"${stroke}/>`);
        parts.push(`<text x="${left + w + 4}" y="${by + barH - 1}" font-size="9" fill="#333">${cell?.timedOut ? '≥ ' : ''}${fmt(v)}</text>`);
      });
      y += h;
    }
    // Decade grid lines behind this panel.
    for (let d = minMs; d <= maxMs; d *= 10) parts.push(`<line x1="${left + x(d)}" y1="${top}" x2="${left + x(d)}" y2="${y}" stroke="#ddd" stroke-width="1"/>`);
    y += 24;
  }
  const axis: string[] = [];
  for (let d = minMs; d <= maxMs; d *= 10) axis.push(`<text x="${left + x(d)}" y="52" font-size="10" text-anchor="middle" fill="#555">${fmt(d)}</text>`);
  const height = y + 20;
  const title = `Marking a page: median time per variant (log scale; shorter is better). ${r.date.slice(0, 10)}, ${r.machine.cpu}, ${r.machine.cores} cores`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>
<text x="10" y="36" font-size="11" fill="#333">${esc(colorsNote.join('   '))}   (≥ = timed out at the cap)</text>
${axis.join('\n')}
${parts.join('\n')}
</svg>
`;
}
