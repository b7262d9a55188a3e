// The sentence around a mention, to prefill a sighting's quote.

const MAX = 600;

/** The sentence of the block text around [start, end), trimmed to a readable length. */
export function sentenceIn(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.search(/[^.!?。]*$/), 0);
  const afterMatch = /[.!?。](\s|$)/.exec(text.slice(end));
  const to = afterMatch ? end + afterMatch.index + 1 : text.length;
  let s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (s.length > MAX) s = `${s.slice(0, MAX - 1)}…`;
  return s;
}

/** The sentence around a painted range, from the text of its block element. */
export function sentenceAround(range: Range): string | undefined {
  const block = range.startContainer.parentElement?.closest('p, li, td, th, h1, h2, h3, h4, h5, h6, blockquote, div, section, article');
  if (!block) return undefined;
  const pre = document.createRange();
  pre.setStart(block, 0);
  pre.setEnd(range.startContainer, range.startOffset);
  const start = pre.toString().length;
  const text = block.textContent ?? '';
  return sentenceIn(text, start, start + range.toString().length) || undefined;
}
