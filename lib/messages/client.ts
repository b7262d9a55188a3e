// Sends typed calls from one context to another through the browser's runtime and tabs messaging.
import { browser } from 'wxt/browser';
import { type BackgroundCalls, type ContentCalls, type Payload, type Reply } from './protocol.ts';
import type { PageCalls } from './page-protocol.ts';
import { envelope, unwrap } from './router.ts';

/** From a content script to the background. */
export async function callFromContent<K extends keyof ContentCalls & string>(type: K, payload: Payload<ContentCalls, K>): Promise<Reply<ContentCalls, K>> {
  return unwrap(await browser.runtime.sendMessage(envelope('content', type, payload)), type);
}

/** From an extension page (popup, options, entity page) to the background. */
export async function callFromPage<K extends keyof PageCalls & string>(type: K, payload: Payload<PageCalls, K>): Promise<Reply<PageCalls, K>> {
  return unwrap(await browser.runtime.sendMessage(envelope('page', type, payload)), type);
}

/** From the background to the content script of one tab (its top frame). */
export async function callContent<K extends keyof BackgroundCalls & string>(tabId: number, type: K, payload: Payload<BackgroundCalls, K>): Promise<Reply<BackgroundCalls, K>> {
  return unwrap(await browser.tabs.sendMessage(tabId, envelope('background', type, payload), { frameId: 0 }), type);
}
