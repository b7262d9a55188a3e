// Splits very long block texts into pieces, so that no single scan keeps the page's main thread for long.

export interface SegmentOwner {
  /** The index of the original text. */
  block: number;
  /** Where the piece starts in it. */
  offset: number;
}

/**
 * Cuts texts longer than `max` at white space (a paragraph break when one is near), so that a
 * name is never cut in two unless a single word is longer than `max`.
 */
export function splitLongSegments(texts: readonly string[], max: number): { segments: string[]; owner: SegmentOwner[] } {
  const segments: string[] = [];
  const owner: SegmentOwner[] = [];
  texts.forEach((text, block) => {
    let at = 0;
    while (text.length - at > max) {
      const window = text.slice(at, at + max);
      let cut = window.lastIndexOf('\n');
      if (cut < max / 2) cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf(' '));
      if (cut <= 0) cut = max;
      else cut += 1;
      segments.push(text.slice(at, at + cut));
      owner.push({ block, offset: at });
      at += cut;
    }
    segments.push(at === 0 ? text : text.slice(at));
    owner.push({ block, offset: at });
  });
  return { segments, owner };
}
