// Our one element in the page: a closed shadow root holding the card, the live region and the navigation hint.
import type { CardActions } from '../../components/Card.tsx';
import type { CardView } from '../messages/protocol.ts';
import type { Lang } from '../data/schema.ts';
import type { Translate } from '../i18n/translate.ts';
import type { CardUi } from './card-ui.ts';
import hostCss from './ui-host.css?inline';

const NARROW = 520;

export interface CardRequest {
  /** What the card is anchored to: a mention's range. */
  anchor: Range;
  /** The pointer position, so a name wrapping over two lines anchors the card to the line under the pointer. */
  point?: { x: number; y: number };
  view: CardView | null | undefined;
  takeFocus: boolean;
}

export class UiHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private layer: HTMLDivElement | null = null;
  private live: HTMLDivElement | null = null;
  private hint: HTMLDivElement | null = null;
  private stopPositioning: (() => void) | null = null;
  private returnFocus: HTMLElement | null = null;
  private current: CardRequest | null = null;
  /** The card's rendering, once its script reached this frame; `loading` while it is on its way. */
  private ui: CardUi | null = null;
  private loading: Promise<CardUi | null> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
    private readonly lang: () => Lang,
    private readonly actions: CardActions,
    /** Brings the card UI into this frame (its script is injected on the first card: see card-ui.ts). */
    private readonly loadUi: () => Promise<CardUi>,
  ) {}

  /** The host element, once it exists (the annotator never reads or observes it). */
  get element(): HTMLElement | null {
    return this.host;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** Whether an event happened inside our UI (events from a closed shadow root are retargeted to the host). */
  contains(target: EventTarget | null): boolean {
    return this.host !== null && target === this.host;
  }

  private ensure(): ShadowRoot {
    if (this.shadow) {
      // A page that rebuilds its document may have dropped us: put the host back.
      if (this.host && !this.host.isConnected) this.doc.documentElement.append(this.host);
      return this.shadow;
    }
    const host = this.doc.createElement('cac-ui');
    // Closed, so the page cannot read or drive the card; the e2e build alone opens it as a test hook.
    const shadow = host.attachShadow({ mode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed' });
    // A constructed sheet: a page's Content-Security-Policy against inline styles does not block it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(hostCss);
    shadow.adoptedStyleSheets = [sheet];
    if (this.ui) this.adoptCardCss(shadow, this.ui);
    const layer = this.doc.createElement('div');
    layer.className = 'layer';
    layer.hidden = true;
    const live = this.doc.createElement('div');
    live.className = 'live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    shadow.append(layer, live);
    this.doc.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    this.layer = layer;
    this.live = live;
    return shadow;
  }

  open(req: CardRequest): void {
    this.ensure();
    const layer = this.layer!;
    if (req.takeFocus && !this.current) {
      const active = this.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement ? active : null;
    }
    this.current = req;
    layer.hidden = false;
    if (this.ui) {
      this.renderCard();
      this.position(req);
      return;
    }
    this.loading ??= this.loadUi().then(
      (ui) => {
        this.ui = ui;
        if (this.shadow) this.adoptCardCss(this.shadow, ui);
        return ui;
      },
      () => {
        // No card this time (the extension was reloaded, or the frame went away): the next open tries again.
        this.loading = null;
        return null;
      },
    );
    void this.loading.then((ui) => {
      if (!ui) this.close();
      else if (this.current) {
        this.renderCard();
        this.position(this.current);
      }
    });
  }

  private adoptCardCss(shadow: ShadowRoot, ui: CardUi): void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(ui.css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  }

  /** Replaces what an open card shows (its data arrived, or a related entry was chosen). */
  update(view: CardView | null | undefined, takeFocus?: boolean): void {
    if (!this.current) return;
    this.current = { ...this.current, view, takeFocus: takeFocus ?? this.current.takeFocus };
    this.renderCard();
  }

  close(): void {
    if (!this.current || !this.layer) return;
    const hadFocus = this.current.takeFocus;
    this.current = null;
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.ui?.render(this.layer, null);
    this.layer.hidden = true;
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  announce(text: string): void {
    this.ensure();
    if (this.live) this.live.textContent = text;
  }

  showHint(text: string | null): void {
    const shadow = this.ensure();
    if (!text) {
      this.hint?.remove();
      this.hint = null;
      return;
    }
    if (!this.hint) {
      this.hint = this.doc.createElement('div');
      this.hint.className = 'navhint';
      this.hint.setAttribute('aria-hidden', 'true');
      shadow.append(this.hint);
    }
    this.hint.textContent = text;
  }

  remove(): void {
    this.close();
    this.host?.remove();
    this.host = null;
    this.shadow = null;
    this.layer = null;
    this.live = null;
    this.hint = null;
  }

  private renderCard(): void {
    if (!this.current || !this.layer || !this.ui) return;
    this.ui.render(this.layer, { view: this.current.view, lang: this.lang(), t: this.t, takeFocus: this.current.takeFocus, ...this.actions });
  }

  private position(req: CardRequest): void {
    const layer = this.layer!;
    this.stopPositioning?.();
    const view = this.doc.defaultView;
    if (view && view.innerWidth < NARROW) {
      // A phone-sized window: the card becomes a sheet along the bottom edge.
      layer.classList.add('sheet');
      Object.assign(layer.style, { left: '0px', top: 'auto', bottom: '0px' });
      this.stopPositioning = null;
      return;
    }
    layer.classList.remove('sheet');
    layer.style.bottom = 'auto';
    const ui = this.ui!;
    const update = () => ui.place(layer, req.anchor, req.point);
    // The card follows its name on scroll (any scroller: capture) and resize, once per frame. Hand-written rather than
    // floating-ui's autoUpdate, which would add its observers' weight to every page's content script.
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    update();
    view?.addEventListener('scroll', schedule, { capture: true, passive: true });
    view?.addEventListener('resize', schedule, { passive: true });
    this.stopPositioning = () => {
      cancelAnimationFrame(frame);
      view?.removeEventListener('scroll', schedule, { capture: true });
      view?.removeEventListener('resize', schedule);
    };
  }
}
