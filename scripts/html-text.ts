// Reduces an HTML page to its text by blocks (as the content script sees it), with linkedom; used by the annotate CLI.
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

/** The page's blocks of text, whitespace collapsed, empty blocks dropped. */
export function htmlBlocks(html: string): string[] {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
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
  const doc = document as unknown as { title?: string; body: DomNode | null; documentElement: DomNode | null };
  if (doc.title) { blocks.push(doc.title.replace(/\s+/g, ' ').trim()); }
  const root = doc.body ?? doc.documentElement;
  if (root) walk(root);
  flush();
  return blocks.filter((b, i) => !(i === 0 && b === '') );
}
