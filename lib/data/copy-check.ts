// Finds dataset sentences that repeat eight or more consecutive words of a report.

/** Lower-cased word tokens (letters and digits of any script), so punctuation and case do not hide a copy. */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFC').replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** An index of every run of `n` consecutive words in the given texts. */
export function shingleIndex(texts: Iterable<string>, n = 8): Set<string> {
  const index = new Set<string>();
  for (const text of texts) {
    const w = words(text);
    for (let i = 0; i + n <= w.length; i++) index.add(w.slice(i, i + n).join(' '));
  }
  return index;
}

/** The first run of `n` words in `text` that the index holds, or null when the text is original. */
export function findCopiedRun(text: string, index: Set<string>, n = 8): string | null {
  const w = words(text);
  for (let i = 0; i + n <= w.length; i++) {
    const run = w.slice(i, i + n).join(' ');
    if (index.has(run)) return run;
  }
  return null;
}
