// Hands the card UI from its injected script to the content script: both run in the extension's world of the frame.
//
// The world is the content scripts' own (isolated from the page in Chrome, a sandbox in Firefox): the page can
// neither read this slot nor fill it.
import type { CardUi } from './card-ui.ts';

const slot = globalThis as { __cacCardUi?: CardUi };

/** Called by the injected card script. */
export function publishCardUi(ui: CardUi): void {
  slot.__cacCardUi = ui;
}

/** The card UI, once injected into this frame. */
export function injectedCardUi(): CardUi | undefined {
  return slot.__cacCardUi;
}
