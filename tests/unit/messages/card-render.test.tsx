// A card answer (CardView, the getCard reply) whose every string is hostile markup renders as text, with http(s) links only.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { Card } from '../../../components/Card.tsx';
import { fromMessages } from '../../../lib/i18n/translate.ts';
import type { CardView } from '../../../lib/messages/protocol.ts';

const IMG = '<img src=x onerror="globalThis.__pwned=1">';
const SCRIPT = '<script>globalThis.__pwned=2</script>';
const ANCHOR = '<a href="javascript:globalThis.__pwned=3">click</a>';
const payload = (where: string) => `${where} ${IMG} ${SCRIPT} ${ANCHOR} &lt;b&gt; "quoted" 'single' \u202Eevil`;

const BAD_URLS = [
  'javascript:globalThis.__pwned=4',
  ' JavaScript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  'chrome-extension://abc/popup.html',
  '<img src=x onerror=alert(1)>',
];

function hostileView(urls: string[]): CardView {
  return {
    entity: {
      id: 'hostile-entry',
      type: 'person',
      country: 'KZ',
      names: { en: payload('name-en'), ru: payload('name-ru'), kk: payload('name-kk') },
      aliases: [payload('alias')],
      weakAliases: [],
      summary: { en: payload('summary') },
      status: { text: { en: payload('status') }, asOf: '2021-07' },
      events: [
        {
          date: '2021-07-22',
          kind: 'arrested',
          text: { en: payload('event') },
          sources: urls.map((u, i) => ({ report: `r${i}`, reportTitle: payload(`report-${i}`), footnote: i, citation: payload(`citation-${i}`), urls: [u] })),
        },
      ],
      relations: [],
      law: { jurisdiction: 'KZ', code: 'criminal', article: '174', punishes: { en: payload('punishes') }, penalty: { en: payload('penalty') } },
    } as CardView['entity'],
    related: [{ id: 'other', type: 'person', names: { en: payload('related'), ru: 'r', kk: 'k' }, relation: 'ally-of', dir: 'out' }],
    sightings: [{ id: 's1', kind: payload('kind'), eventDate: '2024-01-01', url: 'javascript:globalThis.__pwned=5', pageTitle: payload('title'), note: payload('note'), quote: payload('quote') }],
  };
}

const noop = () => undefined;
const t = fromMessages(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));
const saved: Record<string, unknown> = {};

describe('Card renders hostile strings as text', () => {
  let document: Document;
  beforeAll(() => {
    const dom = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    document = dom.document as unknown as Document;
    // Preact creates nodes through the global document.
    for (const k of ['document', 'window', 'Node', 'Element', 'HTMLElement', 'Text', 'SVGElement', 'Event']) {
      saved[k] = (globalThis as Record<string, unknown>)[k];
      (globalThis as Record<string, unknown>)[k] = (dom as unknown as Record<string, unknown>)[k];
    }
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) (globalThis as Record<string, unknown>)[k] = v;
  });

  function renderCard(view: CardView): Element {
    const root = document.getElementById('root')!;
    render(null, root);
    render(h(Card, { view, lang: 'en', t, takeFocus: false, onClose: noop, onSelect: noop, onOpenFull: noop, onReport: noop, onWrongMatch: noop, onSiteOff: noop }), root);
    return root;
  }

  it('creates no element from page or dataset text, runs nothing, and shows every string verbatim', () => {
    const good = ['https://fpc.org.uk/report', 'http://example.org/a?b=<c>'];
    const root = renderCard(hostileView([...BAD_URLS, ...good]));
    // The markup in the strings became no element at all.
    expect(root.querySelectorAll('img, script, iframe, object, embed, svg').length).toBe(0);
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) expect(a.startsWith('on'), `${el.tagName} has ${a}`).toBe(false);
    }
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    const text = root.textContent ?? '';
    for (const where of ['name-en', 'summary', 'status', 'event', 'punishes', 'penalty', 'related', 'report-0', 'title', 'note']) {
      expect(text, where).toContain(payload(where));
    }
    // The serialised card escapes the markup in text (attribute values keep a literal "<", which HTML allows there).
    const html = root.innerHTML.replace(/"[^"]*"/g, '""');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(root.innerHTML).toContain('&lt;img src=x onerror=');
  });

  it('links are http(s) only, open in a new tab without an opener, and bad addresses become plain text', () => {
    const good = ['https://fpc.org.uk/report', 'http://example.org/a'];
    const root = renderCard(hostileView([...BAD_URLS, ...good]));
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://fpc.org.uk/report', 'http://example.org/a']);
    for (const a of links) {
      expect(new URL(a.getAttribute('href')!).protocol).toMatch(/^https?:$/);
      expect(a.getAttribute('rel')).toContain('noopener');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    // Every source is still listed (as text when its address is refused).
    for (let i = 0; i < BAD_URLS.length; i++) expect(root.textContent).toContain(payload(`report-${i}`));
    // No attribute anywhere carries a script address.
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) expect(el.getAttribute(a) ?? '', `${el.tagName}[${a}]`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  });

  it('an unknown entry and a loading card render without a dataset string', () => {
    expect(renderCard(undefined as unknown as CardView).textContent).toContain(t('noEntry'));
    expect(renderCard(null as unknown as CardView).textContent).toContain(t('loading'));
  });
});
