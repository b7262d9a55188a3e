// The card's rendering and placement (Preact, floating-ui and the card's styles): a script of its own, injected on the first card.
//
// Every annotated page loads the content script; few readers open a card on a given page. So what only a card
// needs stays out of the content script and reaches a frame when it first shows one (see card-ui-slot.ts).
import { h, render } from 'preact';
import { computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { Card, type CardProps } from '../../components/Card.tsx';
import cardCss from '../../components/card.css?inline';

export interface CardUi {
  /** The card's stylesheet, for the host's shadow root. */
  css: string;
  /** Renders the card into the layer (null clears it). */
  render(layer: HTMLElement, props: CardProps | null): void;
  /** Places the layer by its anchor once; the host calls it again on scroll and resize. */
  place(layer: HTMLElement, anchor: Range, point: { x: number; y: number } | undefined): void;
}

export const cardUi: CardUi = {
  css: cardCss,
  render(layer, props) {
    render(props ? h(Card, props) : null, layer);
  },
  place(layer, anchor, point) {
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const middleware = [
      inline(point ?? {}),
      offset(6),
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      // Never taller than the room left on the chosen side: the card scrolls inside instead of leaving the screen.
      size({
        padding: 8,
        apply: ({ availableHeight }) => {
          const card = layer.firstElementChild as HTMLElement | null;
          if (card) card.style.maxHeight = `${Math.max(160, Math.min(560, Math.floor(availableHeight)))}px`;
        },
      }),
    ];
    void computePosition(reference, layer, { strategy: 'fixed', placement: 'bottom-start', middleware }).then(({ x, y }) => {
      Object.assign(layer.style, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
    });
  },
};
