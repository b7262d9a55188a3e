// Gives an open shadow root our mark styles: Firefox paints a highlight inside a shadow tree only by that tree's own ::highlight() rules.
import markCss from '../../entrypoints/content/style.css?inline';

let sheet: CSSStyleSheet | null = null;
const styled = new WeakSet<ShadowRoot>();

/** Adds the marks' stylesheet to the shadow root's adopted sheets, once (its DOM stays as it is). */
export function styleMarksIn(root: ShadowRoot): void {
  if (styled.has(root)) return;
  styled.add(root);
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(markCss);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A browser without constructed sheets: marks in the root are found and counted, only not painted there.
  }
}
