// Builds the benchmark's pages as HTML strings: the report texts as articles, a typical news page, synthetic 1 MB and 5 MB pages.
import { readReports, reportsDir, type ReportFile } from '../../lib/data/reports.ts';

export interface BenchPage {
  id: string;
  title: string;
  html: string;
  /** Characters of text in the page body (UTF-16 code units), as a check on the size asked for. */
  textChars: number;
  elements: number;
  /** Where the text came from. */
  source: string;
}

/** Paragraphs used when ../shared/reports is not on this machine (figures are then not comparable). */
const BUILT_IN: Record<'en' | 'ru' | 'kk', string[]> = {
  en: [
    'The authorities in Kazakhstan detained activists of the Democratic Choice of Kazakhstan, the movement led by Mukhtar Ablyazov, under Article 405 of the Criminal Code. President Kassym-Jomart Tokayev promised reforms.',
    'Weather in the capital was mild this week, with markets steady and the football season about to start; officials met to discuss budgets, schools and roads.',
  ],
  ru: [
    'Власти Казахстана задержали сторонников движения «Демократический выбор Казахстана», которым руководит Мухтар Аблязов. Президент Касым-Жомарт Токаев обещал реформы, а Назарбаев сохранил влияние.',
    'В столице на этой неделе была мягкая погода, рынки оставались стабильными, а чиновники обсуждали бюджеты, школы и дороги.',
  ],
  kk: [
    'Қазақстан билігі Мұхтар Әблязов басқаратын ҚДТ қозғалысының белсенділерін Қылмыстық кодекстің 405-бабы бойынша ұстады. Президент Қасым-Жомарт Тоқаев реформа жасауға уәде берді.',
  ],
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A small deterministic generator, so every run builds the same pages. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function paragraphsOf(r: ReportFile): string[] {
  return r.body.split('\n').map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Puts some words of a paragraph in inline tags (links, bold, emphasis), as real articles do. */
function inlineMarkup(p: string, rnd: () => number): string {
  const words = p.split(' ');
  return words
    .map((w) => {
      const r = rnd();
      if (r < 0.015) return `<a href="#${encodeURIComponent(w.slice(0, 12))}">${esc(w)}</a>`;
      if (r < 0.025) return `<b>${esc(w)}</b>`;
      if (r < 0.03) return `<em>${esc(w)}</em>`;
      return esc(w);
    })
    .join(' ');
}

function doc(title: string, lang: string, head: string, body: string): string {
  const langAttr = lang ? ` lang="${lang}"` : '';
  return `<!doctype html><html${langAttr}><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;margin:0 auto;max-width:60em;padding:0 1em;color:#222;background:#fff}
nav ul,.related ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5em}aside{font-size:14px}
header,footer{border-bottom:1px solid #ccc;padding:.5em 0}.meta{color:#666;font-size:13px}</style>${head}</head>
<body>${body}</body></html>`;
}

function stats(html: string): { textChars: number; elements: number } {
  const body = html.slice(html.indexOf('<body>'));
  const elements = (body.match(/<[a-z][a-z0-9]*/gi) ?? []).length;
  const text = body.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt);/g, '_');
  return { textChars: text.length, elements };
}

function page(id: string, title: string, lang: string, body: string, source: string): BenchPage {
  const html = doc(title, lang, '', body);
  return { id, title, html, source, ...stats(html) };
}

/** A report rendered as an article page: a heading per post, its paragraphs, the footnotes as a list. */
function articlePage(id: string, lang: string, files: ReportFile[], seed: number): BenchPage {
  const rnd = prng(seed);
  const parts: string[] = ['<header><a href="/">The Foreign Policy Centre</a></header><main><article>'];
  for (const f of files) {
    parts.push(`<h2>${esc(f.title)}</h2>`);
    for (const p of paragraphsOf(f)) parts.push(`<p>${inlineMarkup(p, rnd)}</p>`);
    const fnAt = f.text.search(/^Footnotes\s*$/m);
    if (fnAt >= 0) {
      const notes = f.text.slice(fnAt).split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
      parts.push(`<h3>Footnotes</h3><ol class="footnotes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>`);
    }
  }
  parts.push('</article></main><footer>© The Foreign Policy Centre</footer>');
  return page(id, files[0]?.title ?? id, lang, parts.join('\n'), files.map((f) => f.name).join(', '));
}

function builtInReport(lang: 'en' | 'ru'): ReportFile[] {
  const body = Array.from({ length: 40 }, (_, i) => BUILT_IN[lang][i % BUILT_IN[lang].length]).join('\n');
  return [{ name: `built-in-${lang}`, lang, title: 'Built-in paragraphs (reports missing)', text: body, body }];
}

/** A typical news page: header and navigation, an article of about 50 KB of text, related-article lists, footer. */
function newsPage(pool: string[], seed: number): BenchPage {
  const rnd = prng(seed);
  const pick = (): string => pool[Math.floor(rnd() * pool.length)]!;
  const headline = (): string => {
    const p = pick();
    const cut = p.indexOf(' ', 50);
    return esc(cut > 0 ? p.slice(0, cut) : p.slice(0, 70));
  };
  const parts: string[] = [];
  const sections = ['World', 'Asia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Uzbekistan', 'Business', 'Politics', 'Opinion', 'Culture', 'Sport', 'Video', 'Podcasts', 'Newsletters'];
  parts.push('<header><div class="logo"><a href="/"><span>Steppe</span> <span>Daily</span></a></div>');
  parts.push(`<nav aria-label="Sections"><ul>${sections.map((s) => `<li><a href="/${s.toLowerCase()}"><span>${s}</span></a></li>`).join('')}</ul></nav>`);
  parts.push(`<nav aria-label="Trending"><ul>${Array.from({ length: 12 }, () => `<li><a href="/t"><span>${headline()}</span></a></li>`).join('')}</ul></nav></header>`);
  parts.push('<div class="layout"><main><article><h1>' + headline() + '</h1><div class="meta"><span>By <a href="/a">Staff reporter</a></span> · <time>30 September 2021</time></div>');
  let chars = 0;
  let n = 0;
  while (chars < 39_500) {
    const p = pick();
    parts.push(`<p>${inlineMarkup(p, rnd)}</p>`);
    chars += p.length;
    if (++n % 6 === 0) parts.push(`<figure><div class="img"></div><figcaption><span>${headline()}</span> <span class="credit">Photo: agency</span></figcaption></figure>`);
    if (n % 9 === 0) parts.push(`<aside class="inline-related"><h4>Read more</h4><ul>${Array.from({ length: 3 }, () => `<li><a href="/r"><span>${headline()}</span></a></li>`).join('')}</ul></aside>`);
  }
  parts.push('<div class="tags"><ul>' + Array.from({ length: 10 }, (_, i) => `<li><a href="/tag/${i}">${sections[i]}</a></li>`).join('') + '</ul></div></article>');
  const card = (): string => `<li><article class="card"><a href="/s"><div class="thumb"></div><h3><span>${headline()}</span></h3></a><p class="meta"><span>${sections[Math.floor(rnd() * sections.length)]}</span> · <time>2 hours ago</time></p></article></li>`;
  parts.push(`<section class="related"><h2>Related</h2><ul>${Array.from({ length: 24 }, card).join('')}</ul></section>`);
  parts.push(`<section class="related"><h2>More from Central Asia</h2><ul>${Array.from({ length: 24 }, card).join('')}</ul></section></main>`);
  parts.push(`<aside class="sidebar"><h2>Most read</h2><ol>${Array.from({ length: 15 }, card).join('')}</ol><h2>Latest</h2><ul>${Array.from({ length: 42 }, card).join('')}</ul></aside></div>`);
  const cols = Array.from({ length: 6 }, (_, c) => `<div class="col"><h4>${sections[c]}</h4><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/f/${c}/${i}"><span>${sections[(c + i) % sections.length]} ${i}</span></a></li>`).join('')}</ul></div>`).join('');
  parts.push(`<footer><div class="cols">${cols}</div><p><small>© Steppe Daily. All rights reserved.</small></p></footer>`);
  return page('news', 'A typical news page', 'en', parts.join('\n'), 'paragraphs of the English reports');
}

/** A long page of mixed English, Russian and Kazakh paragraphs, in sections of a feed, up to `units` characters of text. */
function syntheticPage(id: string, pools: string[][], units: number, seed: number): BenchPage {
  const rnd = prng(seed);
  const parts: string[] = ['<header><a href="/">Feed</a></header><main><div id="feed">'];
  let chars = 0;
  let n = 0;
  while (chars < units) {
    const pool = pools[Math.floor(rnd() * pools.length)]!;
    if (n % 10 === 0) parts.push(`${n ? '</section>' : ''}<section><h2>${esc(pool[Math.floor(rnd() * pool.length)]!.slice(0, 60))}</h2>`);
    const p = pool[Math.floor(rnd() * pool.length)]!;
    parts.push(`<p>${inlineMarkup(p, rnd)}</p>`);
    chars += p.length;
    n++;
  }
  parts.push('</section></div></main>');
  return page(id, id, '', parts.join('\n'), 'paragraphs of the en, ru and kk reports, mixed');
}

export interface Corpus {
  reportsFound: boolean;
  byLang: Record<'en' | 'ru' | 'kk', string[]>;
}

export function loadCorpus(): Corpus {
  const dir = reportsDir();
  if (!dir) return { reportsFound: false, byLang: BUILT_IN };
  const byLang: Corpus['byLang'] = { en: [], ru: [], kk: [] };
  for (const r of readReports(dir)) byLang[r.lang].push(...paragraphsOf(r).filter((p) => p.length > 40));
  return { reportsFound: true, byLang };
}

/** Paragraphs for the incremental case: the same 50 every run, with names in them. */
export function appendedParagraphs(corpus: Corpus, count = 50): string[] {
  const pool = [...corpus.byLang.en, ...corpus.byLang.ru, ...corpus.byLang.kk].filter((p) => p.length > 200 && p.length < 1500);
  const rnd = prng(777);
  return Array.from({ length: count }, () => pool[Math.floor(rnd() * pool.length)]!);
}

export function buildPages(corpus: Corpus): BenchPage[] {
  const dir = reportsDir();
  const reports = dir ? readReports(dir) : [];
  const pick = (re: RegExp, lang: 'en' | 'ru'): ReportFile[] => {
    const files = reports.filter((r) => re.test(r.name));
    // Executive summary, introduction, conclusions: the order a reader meets them.
    const rank = (n: string): number => (/executive/.test(n) ? 0 : /introduction/.test(n) ? 1 : 2);
    return files.length ? files.sort((a, b) => rank(a.name) - rank(b.name)) : builtInReport(lang);
  };
  const pools = [corpus.byLang.en, corpus.byLang.ru, corpus.byLang.kk].filter((p) => p.length);
  return [
    articlePage('report-kz-en', 'en', pick(/retreating-rights-kazakhstan-(executive-summary|introduction|conclusions)\.en\.txt$/, 'en'), 1),
    articlePage('report-tj-ru', 'ru', pick(/retreating-rights-tajikistan-(executive-summary|introduction|conclusions)\.ru\.txt$/, 'ru'), 2),
    articlePage('report-response-en', 'en', pick(/responding-to-retreating-rights-kg-tj-kz\.en\.txt$/, 'en'), 3),
    newsPage(corpus.byLang.en, 4),
    syntheticPage('synthetic-1mb', pools, 1_000_000, 5),
    syntheticPage('synthetic-5mb', pools, 5_000_000, 6),
  ];
}
