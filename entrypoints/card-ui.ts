// The card's UI, injected by the background into a frame the first time its content script shows a card (see lib/page/card-ui.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardUi } from '../lib/page/card-ui.ts';
import { publishCardUi } from '../lib/page/card-ui-slot.ts';

export default defineUnlistedScript(() => {
  publishCardUi(cardUi);
});
