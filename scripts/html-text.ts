// Reduces an HTML page to its text by blocks (as the content script sees it), with its language and address; used by the annotate CLI.
import { parseHTML } from 'linkedom';

/** Elements whose text is not prose. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'object', 'embed', 'textarea', 'select', 'option', 'head', 'canvas', 'video', 'audio', 'picture']);
/** Elements that start a new block of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul', 'br', 'legend', 'menu',
]);

interface DomNode { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> }
interface DomElement { getAttribute(name: string): string | null }
interface DomDocument {
  title?: string;
  body: DomNode | null;
  documentElement: (DomNode & DomElement) | null;
  querySelector(sel: string): DomElement | null;
}

export interface HtmlPage {
  /** The page's blocks of text, whitespace collapsed, empty blocks dropped. */
  blocks: string[];
  /** `<html lang>`, lower case, or '' (the content script passes the same hint). */
  lang: string;
  /** The page's own address (canonical link or og:url), when absolute http(s): a saved page keeps its site's signal. */
  url: string | null;
}

function pageUrl(doc: DomDocument): string | null {
  for (const [sel, attr] of [['link[rel~="canonical"][href]', 'href'], ['meta[property="og:url"][content]', 'content']] as const) {
    const v = doc.querySelector(sel)?.getAttribute(attr)?.trim();
    if (v && /^https?:\/\/[^\s/]+/i.test(v)) return v;
  }
  return null;
}

/** Reads a page (a whole document, or a fragment taken as a body). */
export function htmlPage(html: string): HtmlPage {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const blocks: string[] = [];
  let cur = '';
  const flush = (): void => {
    const t = cur.replace(/[\s\u00a0]+/g, (m) => (m.includes('\u00a0') && !/[\n\t ]/.test(m) ? '\u00a0' : ' ')).trim();
    if (t) blocks.push(t);
    cur = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) { cur += node.textContent ?? ''; return; }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!);
    if (block) flush();
  };
  const doc = document as unknown as DomDocument;
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  if (title) blocks.push(title);
  const root = doc.body ?? doc.documentElement;
  if (root) walk(root);
  flush();
  return { blocks, lang: (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase(), url: pageUrl(doc) };
}
