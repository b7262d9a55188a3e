// Receives messages for one direction: checks the sender and the payload's shape, then answers with a typed Result.
import * as v from 'valibot';
import { DIRECTIONS, type CallMap, type Direction, type Envelope, type Payload, type Reply, type Result } from './protocol.ts';

/** What a receiver knows of a message's sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** The sending frame in its tab (0 the top frame). */
  frameId?: number;
}

export type Handlers<M extends CallMap> = {
  [K in keyof M]: (payload: Payload<M, K>, sender: SenderInfo) => Promise<Reply<M, K>> | Reply<M, K>;
};

/** A message we should not answer at all: it is meant for another receiver in this extension. */
export const NOT_MINE = Symbol('not-mine');

/**
 * Builds a receiver. `trusted` decides whether a sender may use this direction (this extension only,
 * and the right kind of context); anything else gets a typed error, never an exception.
 */
export function createRouter<M extends CallMap>(
  direction: Direction,
  calls: M,
  handlers: Handlers<M>,
  trusted: (sender: SenderInfo) => boolean,
): (message: unknown, sender: SenderInfo) => Promise<Result<unknown>> | typeof NOT_MINE {
  const channel = DIRECTIONS[direction];
  const route = (message: unknown, sender: SenderInfo): Promise<Result<unknown>> | typeof NOT_MINE => {
    if (!isEnvelope(message) || message.channel !== channel) {
      // Another direction's message (the popup and the content script share runtime.onMessage): leave it.
      if (isEnvelope(message)) return NOT_MINE;
      return Promise.resolve(fail('malformed', 'not a message of this extension'));
    }
    if (!trusted(sender)) return Promise.resolve(fail('bad-sender', 'sender is not allowed to make this call'));
    // The name is the sender's text: echo a short piece of it only.
    if (!Object.hasOwn(calls, message.type)) return Promise.resolve(fail('unknown-call', `unknown call "${message.type.slice(0, 100)}"`));
    const type = message.type as keyof M & string;
    // Every payload is declared as an object; valibot's object() would let an array through to a call without fields.
    if (Array.isArray(message.payload)) return Promise.resolve(fail('malformed', `${type}: payload: an object is expected, not an array`));
    const parsed = v.safeParse(calls[type].payload, message.payload);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      return Promise.resolve(fail('malformed', `${type}: ${v.getDotPath(issue) ?? 'payload'}: ${issue.message}`));
    }
    return (async (): Promise<Result<unknown>> => {
      try {
        return { ok: true, value: await handlers[type](parsed.output as Payload<M, typeof type>, sender) };
      } catch (err) {
        return fail('failed', describe(err));
      }
    })();
  };
  return (message, sender) => {
    try {
      return route(message, sender);
    } catch {
      // A message whose fields throw when read (a getter, a proxy): an answer, never an exception in the listener.
      return Promise.resolve(fail('malformed', 'not a message of this extension'));
    }
  };
}

/** A thrown value as text, even one whose toString throws (a handler may throw anything). */
function describe(err: unknown): string {
  try {
    return err instanceof Error ? err.message : String(err);
  } catch {
    return 'the call failed';
  }
}

function isEnvelope(m: unknown): m is Envelope {
  return typeof m === 'object' && m !== null && typeof (m as Envelope).channel === 'string' && typeof (m as Envelope).type === 'string' && (m as Envelope).channel.startsWith('cac:');
}

function fail(code: Extract<Result<never>, { ok: false }>['error']['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** The envelope for a call, as the sender puts it on the wire. */
export function envelope(direction: Direction, type: string, payload: unknown): Envelope {
  return { channel: DIRECTIONS[direction], type, payload };
}

/** Unwraps a Result, throwing a MessageError for a typed error or a reply that is not a Result at all. */
export function unwrap<R>(result: unknown, type: string): R {
  if (typeof result !== 'object' || result === null || typeof (result as { ok?: unknown }).ok !== 'boolean') {
    throw new MessageError('failed', `${type}: no answer`);
  }
  const r = result as Result<R>;
  if (r.ok) return r.value;
  throw new MessageError(r.error.code, r.error.message);
}

export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}
