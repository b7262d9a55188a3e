// Text by blocks: names split across inline tags stay whole; skipped elements are never read; offsets map back exactly.
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { collectBlocks, locate, BlockCollector } from '../../../lib/page/blocks.ts';

function blocksOf(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { document, blocks: collectBlocks(document.body) };
}

describe('collectBlocks', () => {
  test('joins the text nodes of one block, so "Kassym-Jomart <b>Tokayev</b>" is one string', () => {
    const { blocks } = blocksOf('<p>President Kassym-Jomart <b>Tokayev</b> spoke.</p><p>Second.</p>');
    expect(blocks.map((b) => b.text)).toEqual(['President Kassym-Jomart Tokayev spoke.', 'Second.']);
    expect(blocks[0].nodes).toHaveLength(3);
    expect(blocks[0].starts).toEqual([0, 24, 31]);
  });

  test('splits at block elements, also inside an inline run (li, td, headings, br)', () => {
    const { blocks } = blocksOf('<div>before<ul><li>one</li><li>two</li></ul>after<br>next</div><table><tr><td>a</td><td>b</td></tr></table>');
    expect(blocks.map((b) => b.text)).toEqual(['before', 'one', 'two', 'after', 'next', 'a', 'b']);
  });

  test('never reads script, style, code, pre, form fields, editors or hidden elements', () => {
    const { blocks } = blocksOf(
      '<p>kept</p><script>var Ablyazov</script><style>p{}</style><pre>Ablyazov</pre><code>Ablyazov</code><textarea>Ablyazov</textarea>' +
        '<div contenteditable="true">Ablyazov</div><div contenteditable="false">shown</div><p hidden>Ablyazov</p><p aria-hidden="true">Ablyazov</p><select><option>Ablyazov</option></select>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['kept', 'shown']);
  });

  test('leaves out our own UI element', () => {
    const { document } = parseHTML('<html><body><p>page</p><cac-ui><p>ours</p></cac-ui></body></html>');
    const ui = document.querySelector('cac-ui');
    expect(collectBlocks(document.body, { ignore: ui }).map((b) => b.text)).toEqual(['page']);
  });

  test('a collector stopped after each node resumes where it stopped and ends with the same blocks', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>para <i>${i}</i> end</p>`).join('');
    const { document, blocks } = blocksOf(html);
    const c = new BlockCollector(document.body);
    let steps = 0;
    while (!c.finished) {
      let n = 0;
      c.step(() => n++ < 1);
      steps++;
    }
    expect(steps).toBeGreaterThan(1);
    expect(c.blocks.map((b) => b.text)).toEqual(blocks.map((b) => b.text));
  });

  test('locate maps a block offset back to the text node and offset inside it', () => {
    const { blocks } = blocksOf('<p>ab<b>cd</b>ef</p>');
    const b = blocks[0];
    expect(locate(b, 0, false)).toMatchObject({ offset: 0 });
    expect(locate(b, 2, false).node.data).toBe('cd');
    expect(locate(b, 2, true).node.data).toBe('ab');
    expect(locate(b, 5, false)).toMatchObject({ offset: 1 });
    expect(locate(b, 5, false).node.data).toBe('ef');
  });
});
