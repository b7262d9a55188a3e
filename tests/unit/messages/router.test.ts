// The message router under hostile input: unknown calls, malformed payloads, strangers as senders, non-envelopes and
// prototype-pollution keys all get a typed error (never an exception), and no handler runs for them.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const OWN_ID = 'own-extension-id';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const listeners: ((message: unknown, sender: unknown) => unknown)[] = [];

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: OWN_ID,
      getURL: (p: string) => `${OWN_ORIGIN}${p}`,
      onMessage: {
        addListener: (l: (message: unknown, sender: unknown) => unknown) => listeners.push(l),
        removeListener: (l: (message: unknown, sender: unknown) => unknown) => listeners.splice(listeners.indexOf(l), 1),
      },
    },
  },
}));

const { createRouter, NOT_MINE, envelope, unwrap, MessageError } = await import('../../../lib/messages/router.ts');
const { fromOwnBackground, fromOwnContentScript, fromOwnPage, listen } = await import('../../../lib/messages/listen.ts');
const { backgroundCalls, contentCalls } = await import('../../../lib/messages/protocol.ts');
const { pageCalls } = await import('../../../lib/messages/page-protocol.ts');
type SenderInfo = import('../../../lib/messages/router.ts').SenderInfo;
type Result = import('../../../lib/messages/protocol.ts').Result<unknown>;

/** Senders as the browser describes them. */
const SENDERS = {
  contentScript: { id: OWN_ID, url: 'https://www.azattyq.org/a', tab: { id: 7, url: 'https://www.azattyq.org/a' } },
  ownPage: { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html` },
  background: { id: OWN_ID, url: `${OWN_ORIGIN}/background.js` },
  otherExtension: { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' },
  otherExtensionInTab: { id: 'other-extension', url: 'https://www.azattyq.org/a', tab: { id: 7 } },
  webPage: { url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' } },
  lookalikePage: { id: OWN_ID, url: `${OWN_ORIGIN}.evil.example/popup.html` },
  nobody: {},
} satisfies Record<string, SenderInfo>;

function spyHandlers<M extends Record<string, unknown>>(calls: M) {
  const seen: { type: string; payload: unknown }[] = [];
  const handlers = Object.fromEntries(
    Object.keys(calls).map((k) => [k, (payload: unknown) => {
      seen.push({ type: k, payload });
      return { handled: k };
    }]),
  );
  return { seen, handlers: handlers as never };
}

/** Calls a router and awaits its answer; a synchronous throw fails the test with a clear message. */
async function answer(router: ReturnType<typeof createRouter>, message: unknown, sender: SenderInfo): Promise<Result | typeof NOT_MINE> {
  let out: ReturnType<typeof router>;
  try {
    out = router(message, sender);
  } catch (err) {
    throw new Error(`the router threw instead of answering: ${String(err)}`);
  }
  return out === NOT_MINE ? NOT_MINE : await out;
}

function errorCode(r: Result | typeof NOT_MINE): string {
  if (typeof r === 'symbol') return 'NOT_MINE';
  if (r.ok) return 'ok';
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.length).toBeGreaterThan(0);
  // Answers travel by structured clone: nothing in them may be a function, an Error or a cycle.
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  return r.error.code;
}

describe('router: the background receiving page calls', () => {
  let seen: { type: string; payload: unknown }[];
  let router: ReturnType<typeof createRouter>;
  beforeEach(() => {
    const spy = spyHandlers(pageCalls);
    seen = spy.seen;
    router = createRouter('page', pageCalls, spy.handlers, fromOwnPage);
  });

  it('answers a well-formed call from its own page', async () => {
    const r = await answer(router, envelope('page', 'getSettings', {}), SENDERS.ownPage);
    expect(r).toEqual({ ok: true, value: { handled: 'getSettings' } });
  });

  it.each([
    'doEverything', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '', ' getSettings', 'GETSETTINGS',
  ])('an unknown call %j gets unknown-call', async (type) => {
    expect(errorCode(await answer(router, { channel: 'cac:page', type, payload: {} }, SENDERS.ownPage))).toBe('unknown-call');
    expect(seen).toEqual([]);
  });

  it('the echo of a huge unknown call name stays short', async () => {
    const r = await answer(router, { channel: 'cac:page', type: 'x'.repeat(1_000_000), payload: {} }, SENDERS.ownPage);
    expect(errorCode(r)).toBe('unknown-call');
    expect((r as Extract<Result, { ok: false }>).error.message.length).toBeLessThan(500);
  });

  it.each<[string, unknown]>([
    ['getSettings', undefined],
    ['getSettings', null],
    ['getSettings', 'a string'],
    ['getSettings', 42],
    ['getSettings', []],
    ['getEntity', {}],
    ['getEntity', { id: 5 }],
    ['getEntity', { id: '' }],
    ['getEntity', { id: 'x'.repeat(201) }],
    ['getEntity', { id: ['a'] }],
    ['getEntity', { id: { toString: 'x' } }],
    ['getTabState', { tabId: -1 }],
    ['getTabState', { tabId: 1.5 }],
    ['getTabState', { tabId: '3' }],
    ['getTabState', { tabId: Number.NaN }],
    ['setSiteEnabled', { tabId: 1, origin: 'javascript:alert(1)', enabled: true }],
    ['setSiteEnabled', { tabId: 1, origin: 'https://a.b/path', enabled: true }],
    ['setSiteEnabled', { tabId: 1, origin: 'https://a.b', enabled: 'yes' }],
    ['deleteAllSightings', { confirm: 'yes' }],
    ['listSightings', { limit: 1e9 }],
    ['importSightings', { content: 7 }],
    ['saveSighting', { draft: { entityName: 'x', kind: 'mention', eventDate: '2024-01-01', note: 'n'.repeat(5001) } }],
    ['saveSighting', { draft: null }],
    ['setSiteSwitch', { host: 'evil.org/<script>', enabled: true }],
    ['previewSend', { ids: 'all' }],
    ['restoreSighting', { sighting: 'x' }],
    ['setSettings', { patch: null }],
  ])('%s with a malformed payload %j gets malformed, naming the call', async (type, payload) => {
    const r = await answer(router, { channel: 'cac:page', type, payload }, SENDERS.ownPage);
    expect(errorCode(r)).toBe('malformed');
    expect((r as Extract<Result, { ok: false }>).error.message.startsWith(`${type}:`)).toBe(true);
    expect(seen).toEqual([]);
  });

  // The background is one of the extension's own pages (it never receives its own messages anyway).
  it.each(Object.entries(SENDERS).filter(([k]) => k !== 'ownPage' && k !== 'background'))('a call from %s gets bad-sender', async (_name, sender) => {
    for (const type of ['getSettings', 'deleteAllSightings', 'exportSightings', 'sendSightings', 'setSettings']) {
      const payload = { getSettings: {}, deleteAllSightings: { confirm: 'delete-all' }, exportSightings: { format: 'json' }, sendSightings: { ids: [] }, setSettings: { patch: {} } }[type];
      expect(errorCode(await answer(router, envelope('page', type, payload), sender))).toBe('bad-sender');
    }
    expect(seen).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'cac:page getSettings'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', ['cac:page', 'getSettings', {}]],
    ['an empty object', {}],
    ['a channel that is not a string', { channel: 1, type: 'getSettings', payload: {} }],
    ['a type that is not a string', { channel: 'cac:page', type: ['getSettings'], payload: {} }],
    ['no type', { channel: 'cac:page', payload: {} }],
    ['a foreign channel', { channel: 'other-extension', type: 'getSettings', payload: {} }],
    ['a page-style postMessage', { source: 'react-devtools', payload: { type: 'getSettings' } }],
  ])('a non-envelope (%s) gets malformed and runs nothing', async (_name, message) => {
    expect(errorCode(await answer(router, message, SENDERS.ownPage))).toBe('malformed');
    expect(seen).toEqual([]);
  });

  it('a message whose fields throw when read gets an answer, not an exception', async () => {
    const hostile = {
      get channel(): string {
        throw new Error('boom');
      },
      type: 'getSettings',
    };
    const proxy = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    for (const m of [hostile, proxy, { channel: 'cac:page', type: 'getEntity', payload: proxy }]) {
      const r = await answer(router, m, SENDERS.ownPage);
      expect(typeof r === 'symbol' ? 'NOT_MINE' : r.ok).toBe(false);
    }
    expect(seen).toEqual([]);
  });

  it('another direction\'s envelope is left for its own receiver (no answer at all)', async () => {
    expect(await answer(router, envelope('content', 'getCard', { id: 'x' }), SENDERS.contentScript)).toBe(NOT_MINE);
    expect(await answer(router, envelope('background', 'ping', { nonce: 'x' }), SENDERS.background)).toBe(NOT_MINE);
    expect(seen).toEqual([]);
  });

  it('prototype-pollution keys never reach a handler, and Object.prototype stays clean', async () => {
    const payloads = [
      JSON.parse('{"id":"mukhtar-ablyazov","__proto__":{"polluted":true}}'),
      JSON.parse('{"id":"mukhtar-ablyazov","constructor":{"prototype":{"polluted":true}}}'),
    ];
    for (const p of payloads) {
      const r = await answer(router, envelope('page', 'getEntity', p), SENDERS.ownPage);
      expect(r).toEqual({ ok: true, value: { handled: 'getEntity' } });
    }
    for (const s of seen) expect(Object.keys(s.payload as object)).toEqual(['id']);
    seen.length = 0;
    // Free-form records (an undo of a delete, a settings patch) drop the dangerous keys too.
    await answer(router, envelope('page', 'restoreSighting', { sighting: JSON.parse('{"id":"a","__proto__":{"polluted":1},"constructor":1,"prototype":2}') }), SENDERS.ownPage);
    await answer(router, envelope('page', 'setSettings', { patch: JSON.parse('{"__proto__":{"polluted":1},"collectorUrl":"https://c.example"}') }), SENDERS.ownPage);
    expect(seen.map((s) => s.type)).toEqual(['restoreSighting', 'setSettings']);
    const sighting = (seen[0].payload as { sighting: object }).sighting;
    expect(Object.keys(sighting)).toEqual(['id']);
    expect(Object.getPrototypeOf(sighting)).toBe(Object.prototype);
    const patch = (seen[1].payload as { patch: object }).patch;
    expect(Object.keys(patch)).toEqual(['collectorUrl']);
    expect(Object.getPrototypeOf(patch)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown payload keys are dropped before the handler sees them', async () => {
    await answer(router, envelope('page', 'getEntity', { id: 'x', extra: '<img src=x onerror=alert(1)>' }), SENDERS.ownPage);
    expect(seen).toEqual([{ type: 'getEntity', payload: { id: 'x' } }]);
  });

  it('a handler that throws or rejects becomes a typed failed error', async () => {
    const r1 = createRouter('page', pageCalls, { getSettings: () => { throw new TypeError('broken'); } } as never, fromOwnPage);
    const r2 = createRouter('page', pageCalls, { getSettings: () => Promise.reject('no') } as never, fromOwnPage);
    const r3 = createRouter('page', pageCalls, { getSettings: () => { throw { toString: null }; } } as never, fromOwnPage);
    expect(await answer(r1, envelope('page', 'getSettings', {}), SENDERS.ownPage)).toEqual({ ok: false, error: { code: 'failed', message: 'broken' } });
    expect(await answer(r2, envelope('page', 'getSettings', {}), SENDERS.ownPage)).toEqual({ ok: false, error: { code: 'failed', message: 'no' } });
    expect(errorCode(await answer(r3, envelope('page', 'getSettings', {}), SENDERS.ownPage))).toBe('failed');
  });
});

describe('router: the background receiving content calls', () => {
  it('accepts only this extension\'s content scripts, in a tab', async () => {
    const spy = spyHandlers(contentCalls);
    const router = createRouter('content', contentCalls, spy.handlers, fromOwnContentScript);
    const msg = envelope('content', 'getCard', { id: 'mukhtar-ablyazov' });
    expect(await answer(router, msg, SENDERS.contentScript)).toEqual({ ok: true, value: { handled: 'getCard' } });
    for (const s of [SENDERS.otherExtensionInTab, SENDERS.webPage, SENDERS.ownPage, SENDERS.nobody, SENDERS.otherExtension]) {
      expect(errorCode(await answer(router, msg, s))).toBe('bad-sender');
    }
    // A content script may not use the page calls (delete everything, export) through the content channel.
    expect(errorCode(await answer(router, envelope('content', 'deleteAllSightings', { confirm: 'delete-all' }), SENDERS.contentScript))).toBe('unknown-call');
    expect(errorCode(await answer(router, envelope('content', 'exportSightings', { format: 'json' }), SENDERS.contentScript))).toBe('unknown-call');
    expect(errorCode(await answer(router, envelope('content', 'isSiteEnabled', { origin: 'file:///etc' }), SENDERS.contentScript))).toBe('malformed');
    expect(spy.seen.map((s) => s.type)).toEqual(['getCard']);
  });

  it('the page channel refuses a content script (so a page cannot reach the store through its frame)', async () => {
    const spy = spyHandlers(pageCalls);
    const router = createRouter('page', pageCalls, spy.handlers, fromOwnPage);
    expect(errorCode(await answer(router, envelope('page', 'exportSightings', { format: 'json' }), SENDERS.contentScript))).toBe('bad-sender');
    expect(spy.seen).toEqual([]);
  });
});

describe('router: the content script receiving background calls', () => {
  it('accepts only this extension\'s background', async () => {
    const spy = spyHandlers(backgroundCalls);
    const router = createRouter('background', backgroundCalls, spy.handlers, fromOwnBackground);
    const msg = envelope('background', 'getPageText', {});
    expect(await answer(router, msg, SENDERS.background)).toEqual({ ok: true, value: { handled: 'getPageText' } });
    for (const s of [SENDERS.contentScript, SENDERS.otherExtension, SENDERS.webPage, SENDERS.nobody]) {
      expect(errorCode(await answer(router, msg, s))).toBe('bad-sender');
    }
    expect(errorCode(await answer(router, envelope('background', 'setWatched', { names: ['x'.repeat(301)] }), SENDERS.background))).toBe('malformed');
    expect(errorCode(await answer(router, envelope('background', 'evaluate', { code: 'alert(1)' }), SENDERS.background))).toBe('unknown-call');
    expect(spy.seen.map((s) => s.type)).toEqual(['getPageText']);
  });
});

describe('listen: the runtime.onMessage glue', () => {
  it('answers its own direction, stays silent for another, and stops on request', async () => {
    const spy = spyHandlers(backgroundCalls);
    const stop = listen(createRouter('background', backgroundCalls, spy.handlers, fromOwnBackground));
    expect(listeners).toHaveLength(1);
    const l = listeners[0];
    expect(await (l(envelope('background', 'ping', { nonce: 'n' }), SENDERS.background) as Promise<Result>)).toEqual({ ok: true, value: { handled: 'ping' } });
    // Undefined lets the browser deliver the message to the receiver it was meant for.
    expect(l(envelope('page', 'getSettings', {}), SENDERS.ownPage)).toBeUndefined();
    stop();
    expect(listeners).toHaveLength(0);
  });
});

describe('unwrap: the sender side', () => {
  it('turns typed errors and non-answers into MessageError, never into a value', () => {
    expect(unwrap({ ok: true, value: 3 }, 't')).toBe(3);
    for (const bad of [undefined, null, 'ok', 1, {}, { ok: 'true', value: 1 }, []]) {
      expect(() => unwrap(bad, 't')).toThrow(MessageError);
    }
    try {
      unwrap({ ok: false, error: { code: 'bad-sender', message: 'no' } }, 't');
    } catch (e) {
      expect(e).toBeInstanceOf(MessageError);
      expect((e as InstanceType<typeof MessageError>).code).toBe('bad-sender');
    }
  });
});
