// Command line: the dataset's mentions in text and HTML files, one JSON line per file (for researchers annotating archives).
//
//   npm run --silent annotate -- [--lang en|ru|kk|auto] [--url URL] [--encoding NAME] FILE...
//     FILE "-" reads stdin; .html/.htm are reduced to text by blocks, and their <html lang>, canonical address and
//     declared charset are used unless --lang, --url or --encoding say otherwise. Files are UTF-8 unless a byte-order
//     mark, --encoding (windows-1251, koi8-r, utf-16le, …) or an HTML page's charset says otherwise.
//   npm run --silent annotate -- --text FILE...     the text the offsets refer to (for HTML, the extracted text)
//   npm run --silent annotate -- --entities         one JSON line per entry: id, type, country, names
import { readFileSync, statSync } from 'node:fs';
import { loadDataset } from './compile-dictionary.ts';
import { htmlPage } from './html-text.ts';
import { decodeInput, knownEncoding, DecodeError } from './decode-input.ts';
import { compileMatcher, loadMatcher, type Detector } from '../lib/detect/index.ts';

const USAGE = 'usage: annotate [--lang en|ru|kk|auto] [--url URL] [--encoding NAME] FILE... | --text FILE... | --entities   (FILE - reads stdin)';

class CliError extends Error {}

interface Args { lang: string; url?: string; encoding?: string; text: boolean; entities: boolean; files: string[] }

function parseArgs(argv: string[]): Args {
  const a: Args = { lang: 'auto', text: false, entities: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--lang') {
      const v = argv[++i];
      if (!v || !['en', 'ru', 'kk', 'auto'].includes(v)) throw new CliError(`--lang takes en, ru, kk or auto${v ? `, not "${v}"` : ''}`);
      a.lang = v;
    } else if (x.startsWith('--lang=')) {
      const v = x.slice(7);
      if (!['en', 'ru', 'kk', 'auto'].includes(v)) throw new CliError(`--lang takes en, ru, kk or auto, not "${v}"`);
      a.lang = v;
    } else if (x === '--url') {
      const v = argv[++i];
      if (!v) throw new CliError('--url takes the page address');
      a.url = v;
    } else if (x === '--encoding' || x.startsWith('--encoding=')) {
      const v = x === '--encoding' ? argv[++i] : x.slice(11);
      if (!v) throw new CliError('--encoding takes an encoding name (windows-1251, koi8-r, utf-16le, …)');
      if (!knownEncoding(v)) throw new CliError(`--encoding: unknown encoding "${v}"`);
      a.encoding = v;
    } else if (x === '--text') a.text = true;
    else if (x === '--entities') a.entities = true;
    else if (x === '--help' || x === '-h') { process.stdout.write(USAGE + '\n'); process.exit(0); }
    else if (x === '--') {
      a.files.push(...argv.slice(i + 1));
      break;
    }
    else if (x.startsWith('-') && x !== '-') throw new CliError(`unknown option ${x}`);
    else a.files.push(x);
  }
  if (!a.entities && !a.files.length) throw new CliError('no input file (give FILE, or - for stdin)');
  return a;
}

function readInput(file: string): Buffer {
  try {
    if (file === '-') return readFileSync(0);
    const st = statSync(file);
    if (st.isDirectory()) throw new CliError(`${file}: is a directory`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (e as Error).message})`}`);
  }
}

interface Input { text: string; lang: string; url: string | null }

const looksLikeHtml = (buf: Buffer): boolean => /^\s*(<!doctype html|<html)/i.test(buf.subarray(0, 512).toString('latin1').replace(/^\xEF\xBB\xBF/, ''));

/** The text the offsets refer to (the file's text, or for HTML its blocks joined with blank lines) and the page's hints. */
function inputOf(file: string, buf: Buffer, encoding: string | undefined): Input {
  const html = /\.x?html?$/i.test(file) || (file === '-' && looksLikeHtml(buf));
  let raw: string;
  try {
    raw = decodeInput(buf, { html, encoding });
  } catch (e) {
    if (e instanceof DecodeError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
  if (!html) return { text: raw, lang: '', url: null };
  const page = htmlPage(raw);
  return { text: page.blocks.join('\n\n'), lang: page.lang, url: page.url };
}

/** Segments at blank lines (blocks), with their offsets, so context windows stay within a paragraph. */
function segmentsOf(text: string): { segs: string[]; offsets: number[] } {
  const segs: string[] = [];
  const offsets: number[] = [];
  const re = /\n[ \t\r]*\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    segs.push(text.slice(at, m.index));
    offsets.push(at);
    at = m.index + m[0].length;
  }
  segs.push(text.slice(at));
  offsets.push(at);
  return { segs, offsets };
}

export function annotateText(detector: Detector, text: string, lang: string, url?: string): { start: number; end: number; id: string; type: string; surface: string }[] {
  const { segs, offsets } = segmentsOf(text);
  const { mentions } = detector.scan(segs, { lang, ...(url ? { url } : {}) });
  return mentions.map((m) => ({ start: offsets[m.segment]! + m.start, end: offsets[m.segment]! + m.end, id: m.entityId, type: m.type, surface: m.surface }));
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const write = (s: string): void => { process.stdout.write(s); };
  if (args.text) {
    const many = args.files.length > 1;
    let failed = 0;
    for (const f of args.files) {
      try {
        const t = inputOf(f, readInput(f), args.encoding).text;
        write(many ? JSON.stringify({ file: f, text: t }) + '\n' : t);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        process.stderr.write(`annotate: ${e.message}\n`); failed++;
      }
    }
    return failed ? 1 : 0;
  }
  const { entries } = loadDataset();
  if (!entries.length) throw new CliError('no valid entries in data/entities (run npm run data:check)');
  if (args.entities) {
    for (const e of entries) {
      const names = [e.names.en, e.names.ru, e.names.kk, e.names.kkLatn, ...e.aliases.map((a) => a.text), ...e.weakAliases.map((a) => a.text), ...e.ambiguousAliases.map((a) => a.text)]
        .filter((x): x is string => !!x);
      write(JSON.stringify({ id: e.id, type: e.type, country: e.country, names: [...new Set(names)] }) + '\n');
    }
    if (!args.files.length) return 0;
  }
  const detector = loadMatcher(compileMatcher(entries));
  let failed = 0;
  for (const f of args.files) {
    try {
      const input = inputOf(f, readInput(f), args.encoding);
      // A page's own language and address are the hints the content script would pass; the command line overrides them.
      const lang = args.lang !== 'auto' ? args.lang : input.lang || 'auto';
      write(JSON.stringify({ file: f, mentions: annotateText(detector, input.text, lang, args.url ?? input.url ?? undefined) }) + '\n');
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      process.stderr.write(`annotate: ${e.message}\n`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`annotate: ${e instanceof CliError ? e.message + (/option|--lang|--url|--encoding|no input/.test(e.message) ? `\n${USAGE}` : '') : `internal error: ${(e as Error)?.message ?? String(e)}`}\n`);
  process.exitCode = e instanceof CliError ? 2 : 1;
}
