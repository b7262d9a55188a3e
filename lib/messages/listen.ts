// Attaches a router to runtime.onMessage so that only its own direction's messages are answered.
import { browser, type Browser } from 'wxt/browser';
import { NOT_MINE, type SenderInfo } from './router.ts';
import type { Result } from './protocol.ts';

type Router = (message: unknown, sender: SenderInfo) => Promise<Result<unknown>> | typeof NOT_MINE;

/** Starts answering; returns the function that stops. */
export function listen(router: Router): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> | undefined => {
    const answer = router(message, sender);
    return answer === NOT_MINE ? undefined : answer;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Senders the background trusts for content calls: this extension's content scripts, in a tab. */
export function fromOwnContentScript(sender: SenderInfo): boolean {
  return sender.id === browser.runtime.id && sender.tab !== undefined;
}

/** Senders the background trusts for page calls: this extension's own pages. */
export function fromOwnPage(sender: SenderInfo): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Senders a content script trusts: this extension's background (no tab). */
export function fromOwnBackground(sender: SenderInfo): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined;
}
