// Builds the exact request bodies and headers a send would post, so the reader can confirm them first.
import { canonicalSighting, type Sighting } from './schema.ts';

export const SEND_FORMAT = 'central-asia-context.sighting';
export const SEND_VERSION = 1;

/**
 * The fields a collector receives, in this order. Send bookkeeping (sendState, sendError, sentAt)
 * and `private` (whether it was saved in a private window) are about the reader's machine, not
 * the event, and never leave it.
 */
export const SENT_KEYS = [
  'id', 'entityId', 'watchName', 'entityName', 'kind', 'eventDate', 'place', 'url', 'pageTitle',
  'quote', 'note', 'createdAt', 'updatedAt',
] as const;

export type SentSighting = Pick<Sighting, (typeof SENT_KEYS)[number]>;

export interface SendBody {
  format: typeof SEND_FORMAT;
  version: typeof SEND_VERSION;
  sighting: SentSighting;
}

export function sendPayload(s: Sighting): SendBody {
  const c = canonicalSighting(s);
  const sighting: Record<string, unknown> = {};
  for (const k of SENT_KEYS) if (c[k] !== undefined) sighting[k] = c[k];
  return { format: SEND_FORMAT, version: SEND_VERSION, sighting: sighting as SentSighting };
}

/** The exact bytes posted (as text): indented so the preview the reader confirms is readable as is. */
export function sendBody(s: Sighting): string {
  return JSON.stringify(sendPayload(s), null, 2);
}

/** Request headers. The token is sent only when one is set; an empty token sends no Authorization. */
export function sendHeaders(idempotencyKey: string, token?: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Idempotency-Key': idempotencyKey,
  };
  if (token !== undefined && token !== '') headers.Authorization = `Bearer ${token}`;
  return headers;
}

export interface PreviewItem {
  id: string;
  method: 'POST';
  url: string;
  /** As sent, except the token, which is masked so a screenshot of the preview does not leak it. */
  headers: Record<string, string>;
  body: string;
}

/** One entry per sighting: exactly what Outbox will post for it (enqueue stores this same body). */
export function previewSend(sightings: readonly Sighting[], collector: { url: string; token?: string }): PreviewItem[] {
  return sightings.map((s) => {
    const headers = sendHeaders(s.id, collector.token);
    if (headers.Authorization !== undefined) headers.Authorization = 'Bearer ••••••';
    return { id: s.id, method: 'POST', url: collector.url, headers, body: sendBody(s) };
  });
}
