// Opens cards from the pointer (hover dwell, click) and the keyboard (entity navigation), over the painted mentions.
import type { PaintedMention, HighlightPainter } from './highlights.ts';
import { firstReaching } from './mark-window.ts';

export const HOVER_DWELL_MS = 300;
const HOVER_LEAVE_MS = 450;

export interface InteractionHooks {
  /** Open the card of a mention: pinned (click, keyboard) or transient (hover); takeFocus for keyboard use. */
  open(m: PaintedMention, how: { pinned: boolean; takeFocus: boolean; point?: { x: number; y: number } }): void;
  close(): void;
  isOpen(): boolean;
  isPinned(): boolean;
  /** Whether an event target is our own UI. */
  isOurs(target: EventTarget | null): boolean;
  announce(text: string): void;
  hint(text: string | null): void;
  nameOf(m: PaintedMention): string;
  navAnnounce(index: number, total: number, name: string): string;
  navNone(): string;
  navHelp(): string;
}

export class Interactions {
  private hoverTimer: ReturnType<typeof setTimeout> | null = null;
  private leaveTimer: ReturnType<typeof setTimeout> | null = null;
  private hovered: PaintedMention | null = null;
  private pending: { x: number; y: number } | null = null;
  private frame = 0;
  private navIndex = -1;
  private navigating = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly painter: HighlightPainter,
    private readonly hooks: InteractionHooks,
  ) {
    const opts = { passive: true, capture: true, signal: this.abort.signal };
    doc.addEventListener('mousemove', (e) => this.onMove(e), opts);
    doc.addEventListener('click', (e) => this.onClick(e), { capture: true, signal: this.abort.signal });
    doc.defaultView?.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal: this.abort.signal });
  }

  stop(): void {
    this.abort.abort();
    this.clearTimers();
    this.exitNavigation();
  }

  private clearTimers(): void {
    if (this.hoverTimer) clearTimeout(this.hoverTimer);
    if (this.leaveTimer) clearTimeout(this.leaveTimer);
    this.hoverTimer = this.leaveTimer = null;
  }

  private onMove(e: MouseEvent): void {
    // Only the reader's own input counts: a page's script can dispatch mouse and key events at our marks.
    if (!e.isTrusted) return;
    if (this.hooks.isOurs(e.target)) {
      // On the card: keep it open.
      if (this.leaveTimer) clearTimeout(this.leaveTimer);
      this.leaveTimer = null;
      return;
    }
    // One hit-test per frame, however fast the pointer moves.
    this.pending = { x: e.clientX, y: e.clientY };
    if (!this.frame) this.frame = requestAnimationFrame(() => this.hitTest());
  }

  private hitTest(): void {
    this.frame = 0;
    const p = this.pending;
    if (!p) return;
    const m = this.painter.mentionAt(this.doc, p.x, p.y);
    if (m === this.hovered) return;
    this.hovered = m;
    if (this.hoverTimer) clearTimeout(this.hoverTimer);
    this.hoverTimer = null;
    if (m) {
      if (this.leaveTimer) clearTimeout(this.leaveTimer);
      this.leaveTimer = null;
      this.hoverTimer = setTimeout(() => {
        if (this.hovered === m && !this.hooks.isPinned()) this.hooks.open(m, { pinned: false, takeFocus: false, point: p });
      }, HOVER_DWELL_MS);
    } else if (this.hooks.isOpen() && !this.hooks.isPinned()) {
      this.leaveTimer = setTimeout(() => this.hooks.close(), HOVER_LEAVE_MS);
    }
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || this.hooks.isOurs(e.target)) return;
    const m = this.painter.mentionAt(this.doc, e.clientX, e.clientY);
    if (m) {
      // No preventDefault: inside a link, the click still follows the link.
      this.hooks.open(m, { pinned: true, takeFocus: false, point: { x: e.clientX, y: e.clientY } });
    } else if (this.hooks.isOpen()) {
      this.hooks.close();
    }
  }

  /** The browser command (Alt+Shift+K by default) toggles entity navigation. */
  toggleNavigation(): void {
    if (this.navigating) this.exitNavigation();
    else this.enterNavigation();
  }

  enterNavigation(): void {
    const list = this.painter.mentions();
    if (!list.length) {
      this.hooks.announce(this.hooks.navNone());
      return;
    }
    this.navigating = true;
    this.hooks.hint(this.hooks.navHelp());
    // Start from the first mention on screen, not the top of the page; a binary search reads a few boxes, where a scan
    // down a long page would read thousands.
    const firstVisible = firstReaching(list, (m) => m.range.getBoundingClientRect(), 0);
    this.navTo(firstVisible < list.length ? firstVisible : 0);
  }

  exitNavigation(): void {
    if (!this.navigating) return;
    this.navigating = false;
    this.navIndex = -1;
    this.painter.setFocus(null);
    this.hooks.hint(null);
  }

  private navTo(i: number): void {
    const list = this.painter.mentions();
    if (!list.length) return this.exitNavigation();
    this.navIndex = ((i % list.length) + list.length) % list.length;
    const m = list[this.navIndex];
    this.painter.setFocus(m.range);
    const el = m.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    this.hooks.announce(this.hooks.navAnnounce(this.navIndex + 1, list.length, this.hooks.nameOf(m)));
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' && this.hooks.isOpen()) {
      this.hooks.close();
      e.stopPropagation();
      return;
    }
    if (!this.navigating) return;
    // While the card holds focus its own keys apply (Tab, buttons); Escape above closes it.
    if (this.hooks.isOpen() && this.hooks.isOurs(e.target)) return;
    const list = this.painter.mentions();
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'n':
        this.navTo(this.navIndex + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'p':
        this.navTo(this.navIndex - 1);
        break;
      case 'Enter':
        if (list[this.navIndex]) this.hooks.open(list[this.navIndex], { pinned: true, takeFocus: true });
        break;
      case 'Escape':
        this.exitNavigation();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }
}
