// Tells a dark page from a light one by the colour behind its text, so marks stay legible on both.

/** Parses rgb()/rgba() as the computed style gives it; null for transparent or anything else. */
export function parseRgb(css: string): [number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  if (m[4] !== undefined && parseFloat(m[4]) === 0) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function isDarkPage(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = parseRgb(view.getComputedStyle(el).backgroundColor);
    if (bg) return luminance(bg) < 0.2;
  }
  // No background of its own: the canvas follows the page's color-scheme.
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  return /^dark/.test(scheme ?? '') && view.matchMedia('(prefers-color-scheme: dark)').matches;
}
