// Splits very long block texts into pieces, so that no single scan keeps the page's main thread for long.

export interface SegmentOwner {
  /** The index of the original text. */
  block: number;
  /** Where the piece starts in it. */
  offset: number;
}

/**
 * Where the piece of `text` that starts at `at` ends: the whole rest when it is at most `max` long, else a cut at white
 * space (a paragraph break when one is in the second half), so that a name is never cut in two unless a single word
 * is longer than `max`. Reads the text in place: no copy of a long text per piece.
 */
export function cutAt(text: string, at: number, max: number): number {
  if (text.length - at <= max) return text.length;
  const last = at + max - 1;
  let cut = text.lastIndexOf('\n', last);
  if (cut - at < max / 2) cut = Math.max(text.lastIndexOf('. ', last - 1), text.lastIndexOf(' ', last));
  return cut <= at ? at + max : cut + 1;
}

/** Cuts texts longer than `max` into pieces (see cutAt). */
export function splitLongSegments(texts: readonly string[], max: number): { segments: string[]; owner: SegmentOwner[] } {
  const segments: string[] = [];
  const owner: SegmentOwner[] = [];
  texts.forEach((text, block) => {
    let at = 0;
    do {
      const end = cutAt(text, at, max);
      segments.push(at === 0 && end === text.length ? text : text.slice(at, end));
      owner.push({ block, offset: at });
      at = end;
    } while (at < text.length);
  });
  return { segments, owner };
}
