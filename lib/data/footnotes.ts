// Parses a report's "Footnotes" section into a bibliography: number, citation parts and URLs.

export interface Footnote {
  n: number;
  /** The whole citation as the report gives it. */
  text: string;
  author?: string;
  title?: string;
  outlet?: string;
  /** "October 2019" or "июль 2020 года" as written, where the citation has a date. */
  date?: string;
  urls: string[];
}

const URL_RE = /https?:\/\/[^\s;,]+(?:,[^\s;,]+)*/g;
const DATE_RE = /^(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\s*,?\s*\d{4}(?:\s*(?:года|г\.|жыл\w*))?$/i;

/** The footnotes of one report file's text, keyed by number. */
export function parseFootnotes(report: string): Map<number, Footnote> {
  const out = new Map<number, Footnote>();
  const at = report.search(/^Footnotes\s*$/m);
  if (at < 0) return out;
  for (const line of splitMergedLines(report.slice(at).split('\n'))) {
    const m = /^\[(\d+)\]\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const n = Number(m[1]);
    const text = m[2].trim();
    // A long entry with no address is body text that the source dump put under the heading, not a citation.
    if (text.length > 400 && !/https?:\/\//.test(text)) continue;
    const urls = (text.match(URL_RE) ?? []).map((u) => u.replace(/[.)\]]+$/, ''));
    const firstUrl = text.search(/https?:\/\//);
    const head = (firstUrl >= 0 ? text.slice(0, firstUrl) : text).replace(/[\s,;:]+$/, '');
    const parts = head.split(/,\s+/).map((p) => p.trim()).filter(Boolean);
    const fn: Footnote = { n, text, urls };
    const dateIdx = parts.findIndex((p) => DATE_RE.test(p));
    if (dateIdx >= 0) fn.date = parts[dateIdx];
    const before = dateIdx >= 0 ? parts.slice(0, dateIdx) : parts;
    if (before.length >= 3) {
      fn.author = before[0];
      fn.outlet = before[before.length - 1];
      fn.title = before.slice(1, -1).join(', ');
    } else if (before.length === 2) {
      fn.outlet = before[0];
      fn.title = before[1];
    } else if (before.length === 1) {
      fn.title = before[0];
    }
    // A footnote cut over several lines keeps its first line only; the report files hold one per line.
    if (!out.has(n)) out.set(n, fn);
  }
  return out;
}

/** Splits a line that holds two footnotes ("… https://x [117]BBC News, …") where the next number follows on. */
function splitMergedLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const first = /^\s*\[(\d+)\]/.exec(line);
    if (!first) {
      out.push(line);
      continue;
    }
    let rest = line;
    let n = Number(first[1]);
    for (;;) {
      const next = rest.indexOf(`[${n + 1}]`, 1);
      if (next < 0) break;
      out.push(rest.slice(0, next));
      rest = rest.slice(next);
      n++;
    }
    out.push(rest);
  }
  return out;
}
