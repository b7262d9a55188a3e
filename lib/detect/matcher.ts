// The scan: one pass over each segment's code units through the fold table, a flat-trie walk at word starts only.
//
// Cost is proportional to the text, not to the number of aliases: the outer loop touches each code
// unit once (a charCodeAt and a table load), and a walk starts only where a word starts with a
// letter some alias starts with; most walks die after a letter or two. Anything that allocates
// (reading a word's ending, recording a hit) happens only where a whole stem matched.
import * as N from './normalise.ts';
import * as I from './inflect.ts';
import * as T from './types.ts';
import type { CompiledMatcher } from './types.ts';
import { WordCache, MAX_WORD } from './word-cache.ts';

// Imported bindings copied into module constants: some module loaders turn every use of an
// imported binding into a getter call, which would cost a call per character in the loops below.
const FOLD = N.FOLD, ALT = N.ALT, IGN = N.IGN, STOP = N.STOP, HYPH = N.HYPH, SEP_LABEL = N.SEP_LABEL, ALPHABET = N.ALPHABET;
const F_WORK = T.F_WORK, F_CONTEXT = T.F_CONTEXT, K_CONTEXT = T.K_CONTEXT, K_COUNTRY = T.K_COUNTRY, K_ARTICLE = T.K_ARTICLE, K_NEG = T.K_NEG, PREFIX = T.PREFIX, OUT_STRIDE = T.OUT_STRIDE, PACK_OFFSET = T.PACK_OFFSET;
const CYR_LO = 0x400;
const gluedValid = I.gluedValid, hyphenValid = I.hyphenValid, readRemainder = I.readRemainder, innerMaskAt = I.innerMaskAt, INNER_END = I.INNER_END;
const isCyrillicFold = (f: number): boolean => f >= CYR_LO && f < ALPHABET;

/**
 * Slots of the live-prefix filter: 2^19 of two bits (128 KB). The dataset fills about 13,000 (the first words'
 * ~9,400 nodes and the first letters after their separator edges), so a prefix off every path finds its slot taken
 * about 2.5% of the time.
 */
const LIVE_SLOTS_LOG = 19;
const LIVE_WORDS = 1 << (LIVE_SLOTS_LOG - 4);
const LIVE_SHIFT = 32 - LIVE_SLOTS_LOG;
const LIVE_SEED = 0x811c9dc5 | 0;
/** Slot values, in order of strength: on a path; a node whose only work is going on into the next word; a node with work. */
const SLOT_PATH = 1, SLOT_GOES_ON = 2, SLOT_WORK = 3;
/** Hashed for a separator edge (no folded letter has this value). */
const SEP_TAG = ALPHABET;
const LIVE_PRIME = 0x01000193;
/** A folded letter's look-alike class (the smaller of the pair), so "Kөше" with a Latin K hashes as «көше» does. */
const CLASS: Uint16Array = (() => {
  const c = new Uint16Array(ALPHABET);
  for (let f = 0; f < ALPHABET; f++) c[f] = ALT[f] && ALT[f]! < f ? ALT[f]! : f;
  return c;
})();

/** First code unit of the encoded filter: its slot count, so a file built for another size is rebuilt, not misread. */
const LIVE_HEADER = 0x300 + LIVE_SLOTS_LOG;

/**
 * The live filter as a string for the compiled file: each used slot as its distance from the previous one times
 * four plus its kind, in base-256 digits (0x100 + d, the last one 0x200 + d), after a header. About two bytes a slot.
 */
export function encodeLiveFilter(bits: Int32Array): string {
  const out: number[] = [LIVE_HEADER];
  let prev = -1;
  for (let slot = 0; slot < bits.length * 16; slot++) {
    const kind = (bits[slot >>> 4]! >>> ((slot & 15) << 1)) & 3;
    if (kind === 0) continue;
    const v = (slot - prev) * 4 + kind;
    prev = slot;
    const digits: number[] = [];
    for (let x = v; ; x = Math.floor(x / 256)) { digits.push(x % 256); if (x < 256) break; }
    for (let d = digits.length - 1; d > 0; d--) out.push(0x100 + digits[d]!);
    out.push(0x200 + digits[0]!);
  }
  let s = '';
  for (let i = 0; i < out.length; i += 4096) s += String.fromCharCode(...out.slice(i, i + 4096));
  return s;
}

/** The filter encoded by encodeLiveFilter, or null when the string is not one (the trie then builds it). */
export function decodeLiveFilter(s: string): Int32Array | null {
  if (s.charCodeAt(0) !== LIVE_HEADER) return null;
  const bits = new Int32Array(LIVE_WORDS);
  const slots = LIVE_WORDS * 16;
  let slot = -1, v = 0;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x100 || c >= 0x300) return null;
    if (c < 0x200) { v = v * 256 + (c - 0x100); continue; }
    v = v * 256 + (c - 0x200);
    if (v < 4) return null;
    slot += v >>> 2;
    if (slot >= slots) return null;
    bits[slot >>> 4] |= (v & 3) << ((slot & 15) << 1);
    v = 0;
  }
  return bits;
}

/** A word reaching more ends than this where a name may go on takes the plain path every time. */
const MAX_CONTINUATIONS = 4;

/** Longest run of separators allowed between two words of one name ("Mukhtar  Ablyazov", not across a paragraph of spaces). */
const MAX_GAP = 4;

/** Raw hits of one scan, flat number arrays (stride noted), resolved later by disambiguate.ts. */
export interface RawHits {
  /** seg, start, end, kind, entity, extra, score */
  cand: number[];
  /** seg, start, end, context id (in scan order: by segment, then start) */
  ctx: number[];
  /** seg, pos, country index (0 KZ, 1 KG, 2 TJ, 3 region) */
  country: number[];
  /** seg, start, end (in scan order) */
  neg: number[];
  /** seg, start, end, article keyword form */
  art: number[];
}
export const CAND_STRIDE = 7;

/** Folds s[0, n) into buf, one folded code unit per code unit (a small function of its own, so it optimises alone). */
function foldInto(buf: Uint16Array, s: string, n: number): void {
  const T = FOLD;
  for (let q = 0; q < n; q++) buf[q] = T[s.charCodeAt(q)]!;
}

export function newRawHits(): RawHits {
  return { cand: [], ctx: [], country: [], neg: [], art: [] };
}

export class Trie {
  /** Per node its first edge index - node + 1, read in place (see CompiledMatcher.edges). */
  readonly edges: string;
  /** Per edge its folded letter, read in place (charCodeAt) from the compiled string. */
  readonly edgeLabel: string;
  /** Per node its first output record + PACK_OFFSET. */
  readonly outStartS: string;
  /** Output records (value + PACK_OFFSET), read in place from the compiled string at hits only. */
  readonly outs: string;
  /** Inner-word ending masks by node (a few thousand nodes have one). */
  readonly inner: Int32Array;
  readonly tails: string[];
  /** Root's child per folded letter (-1 none): the first step of every walk is one load. */
  readonly root: Int32Array;
  /** Compact index (1..) of each folded letter the first two levels use; 0 for none. */
  private readonly aidx: Uint8Array;
  private readonly asize: number;
  /** The node after two letters, pairNode[aidx[f1] * asize + aidx[f2]] (look-alike fallback on the second), -1 none: the widest nodes in one load. */
  private readonly pairNode: Int32Array;
  /** Per node PACK_OFFSET + F_WORK, F_SEPARATOR or F_CONTEXT (see types.ts), PACK_OFFSET where a walk has nothing to do: the probe reads it. */
  private readonly flags: string;
  /**
   * A Bloom filter over the word prefixes on a path from the root (letters taken by look-alike class), two bits
   * per slot for four states: off every path, on a path, work only if the next word goes on, work (see SLOT_PATH).
   * A word leaves the scan at its first prefix off every path, and only a word with a working prefix is visited,
   * so most words are skipped with no trie access at all. (Public for the test that sets every bit and holds the
   * hits equal.)
   */
  readonly live: Int32Array;

  constructor(c: CompiledMatcher) {
    // Loading loops over no node: the tables are read in place from the JSON strings; only the live filter's few
    // thousand slots are decoded.
    const str = (x: unknown): string => (typeof x === 'string' ? x : '');
    const EL = str(c.labels);
    this.edges = str(c.edges);
    this.outStartS = str(c.outStart);
    this.flags = str(c.flags);
    this.edgeLabel = EL;
    this.outs = str(c.outs);
    const nodes = Math.min(this.flags.length, this.edges.length - 1, this.outStartS.length - 1);
    if (nodes < 0 || this.flags.length !== nodes || (nodes > 0 && this.edgeStart(nodes) > EL.length) || (nodes > 0 && this.outStart(nodes) * OUT_STRIDE > this.outs.length)) {
      throw new Error('loadMatcher: the compiled matcher is malformed (rebuild it with npm run data:build)');
    }
    const inner = new Int32Array(nodes);
    const inn = Array.isArray(c.inner) ? c.inner : [];
    for (let i = 0; i + 1 < inn.length; i += 2) {
      const nd = inn[i]!;
      if (nd >= 0 && nd < nodes) inner[nd] = inn[i + 1]!;
    }
    this.inner = inner;
    const edgeStart = (i: number): number => this.edgeStart(i);
    this.tails = Array.isArray(c.tails) ? c.tails : [''];
    this.root = new Int32Array(ALPHABET).fill(-1);
    // Letters of the first two levels get compact indexes for the pair table.
    const letters: number[] = [];
    const seenL = new Uint8Array(ALPHABET);
    const note = (l: number): void => { if (l !== SEP_LABEL && l < ALPHABET && !seenL[l]) { seenL[l] = 1; letters.push(l); } };
    if (nodes > 0) {
      for (let k = edgeStart(0); k < edgeStart(1); k++) {
        const l = EL.charCodeAt(k);
        note(l);
        if (l < ALPHABET && l !== SEP_LABEL) this.root[l] = k + 1;
        const n1 = k + 1;
        if (n1 < nodes) for (let q = edgeStart(n1); q < edgeStart(n1 + 1); q++) note(EL.charCodeAt(q));
      }
    }
    const A = Math.min(letters.length, 254) + 1;
    this.asize = A;
    this.aidx = new Uint8Array(ALPHABET);
    for (let i = 0; i < A - 1; i++) this.aidx[letters[i]!] = i + 1;
    // A letter no edge uses still probes through its look-alike (a Latin o in a Cyrillic word).
    for (let f = 1; f < ALPHABET; f++) if (!this.aidx[f] && ALT[f] && this.aidx[ALT[f]!]) this.aidx[f] = this.aidx[ALT[f]!]!;
    this.pairNode = new Int32Array(A * A).fill(-1);
    // Only the root's children's own edges: direct labels first, then their look-alikes where free.
    if (nodes > 0) for (let r = edgeStart(0); r < edgeStart(1); r++) {
      const f = EL.charCodeAt(r), n1 = r + 1, a1 = this.aidx[f]!;
      if (!a1 || f === SEP_LABEL || n1 >= nodes) continue;
      for (let q = edgeStart(n1); q < edgeStart(n1 + 1); q++) {
        const g = EL.charCodeAt(q);
        if (g !== SEP_LABEL && g < ALPHABET && this.aidx[g]) this.pairNode[a1 * A + this.aidx[g]!] = q + 1;
      }
      for (let q = edgeStart(n1); q < edgeStart(n1 + 1); q++) {
        const g = EL.charCodeAt(q);
        const ag = g < ALPHABET ? ALT[g]! : 0;
        if (ag && this.aidx[ag] && this.pairNode[a1 * A + this.aidx[ag]!]! < 0) this.pairNode[a1 * A + this.aidx[ag]!] = q + 1;
      }
    }
    // The compiled file carries the filter (see encodeLiveFilter): decoding it costs a third of building it,
    // which a fresh page paid on cold code.
    this.live = (typeof c.live === 'string' && decodeLiveFilter(c.live)) || this.liveFilter(nodes);
  }

  /**
   * Hashes every path from the root within one word and sets each node's slot: a depth-first walk that never
   * goes past a separator edge's first two letters, so it touches only the first words' nodes (about 9,000 of
   * 60,000) and the starts of the words after them. A malformed table (a child not after its edge) makes the
   * filter pass every word: slower, never wrong.
   */
  private liveFilter(nodes: number): Int32Array {
    const bits = new Int32Array(LIVE_WORDS);
    const EL = this.edgeLabel, ES = this.edges, SP = this.flags, OS = this.outStartS;
    // Stack of (node, hash, depth past a separator edge: 0 in the first word). This runs once per page on cold
    // code, so the loop is kept to a few operations per edge (no calls, no closures).
    let stack = new Int32Array(3 * 1024);
    stack[1] = LIVE_SEED;
    let top = 3;
    while (top > 0) {
      top -= 3;
      const p = stack[top]!, h0 = stack[top + 1]!, past = stack[top + 2]!;
      const e = ES.charCodeAt(p + 1) + p;
      for (let k = ES.charCodeAt(p) + p - 1; k < e; k++) {
        const l = EL.charCodeAt(k), c = k + 1;
        if (l >= ALPHABET || (l === SEP_LABEL && past > 0)) continue;
        if (c <= p || c >= nodes) return bits.fill(-1);
        const h = Math.imul(h0 ^ (l === SEP_LABEL ? SEP_TAG : CLASS[l]!), LIVE_PRIME);
        let depth = past, kind = SLOT_PATH;
        const outs = OS.charCodeAt(c) < OS.charCodeAt(c + 1);
        if (l === SEP_LABEL) { depth = 1; kind = 0; }
        else if (past > 0) { if (outs) kind = SLOT_WORK; depth++; }
        else {
          const fl = SP.charCodeAt(c) - PACK_OFFSET;
          // Only going on to the next word (an inner word's ending, a separator edge) is a continuation; outputs
          // and context words are work wherever the word goes.
          if (fl !== 0) kind = fl === F_CONTEXT || outs ? SLOT_WORK : SLOT_GOES_ON;
        }
        // Two prefixes on one slot keep the stronger kind (a Latin "o" on a path and a Cyrillic «о» that goes on share one).
        const b = h >>> LIVE_SHIFT, sh = (b & 15) << 1, w = b >>> 4;
        if (kind > ((bits[w]! >>> sh) & 3)) bits[w] = (bits[w]! & ~(3 << sh)) | (kind << sh);
        if (depth > 2) continue;
        if (top + 3 > stack.length) { const g = new Int32Array(stack.length * 2); g.set(stack); stack = g; }
        stack[top] = c; stack[top + 1] = h; stack[top + 2] = depth;
        top += 3;
      }
    }
    return bits;
  }

  /**
   * For a word whose prefix (hash h, ending before e) can only go on into the next word: whether the next word's
   * first letters (one or two) follow a separator edge from there, across the gap the walk would cross.
   */
  private goesOn(e: number, n: number, h: number): boolean {
    const F = this.buf, B = this.live;
    let m = e;
    while (m < n && F[m]! > STOP) m++;
    let gap = 0;
    while (m < n) {
      const x = F[m]!;
      if (x === STOP) return false;
      if (x > STOP && x !== IGN) break;
      if (++gap > MAX_GAP) return false;
      m++;
    }
    let hh = Math.imul(h ^ SEP_TAG, LIVE_PRIME);
    let letters = 0;
    for (; m < n && letters < 2; m++) {
      const x = F[m]!;
      if (x === IGN) continue;
      if (x <= STOP) break;
      if (x >= ALPHABET) return false;
      hh = Math.imul(hh ^ CLASS[x]!, LIVE_PRIME);
      const b = hh >>> LIVE_SHIFT;
      const slot = (B[b >>> 4]! >>> ((b & 15) << 1)) & 3;
      // A node with outputs right after the gap (a one-letter word, "Tier 1") matches whatever follows.
      if (slot === SLOT_WORK) return true;
      if (slot === 0) return false;
      letters++;
    }
    return letters > 0;
  }

  /** Index of the node's first edge. */
  edgeStart(node: number): number {
    return this.edges.charCodeAt(node) + node - 1;
  }

  /** Index of the node's first output record. */
  outStart(node: number): number {
    return this.outStartS.charCodeAt(node) - PACK_OFFSET;
  }

  child(node: number, label: number): number {
    let a = this.edges.charCodeAt(node) + node - 1;
    let b = this.edges.charCodeAt(node + 1) + node;
    const L = this.edgeLabel;
    if (b - a <= 8) {
      for (; a < b; a++) if (L.charCodeAt(a) === label) return a + 1;
      return -1;
    }
    while (a < b) {
      const m = (a + b) >> 1;
      const v = L.charCodeAt(m);
      if (v === label) return m + 1;
      if (v < label) a = m + 1; else b = m;
    }
    return -1;
  }

  /** The child on a folded letter, or on its Latin/Cyrillic look-alike where the letter itself leads nowhere. */
  private step(node: number, f: number): number {
    if (f >= ALPHABET) return -1;
    const n = this.child(node, f);
    if (n >= 0) return n;
    const a = ALT[f]!;
    return a ? this.child(node, a) : -1;
  }

  /** The current segment folded, one code unit per code unit of the text (no offset map needed); reused across segments. */
  private buf = new Uint16Array(4096);
  /** Off only in the test that holds the cached scan equal to the plain one. */
  useWordCache = true;
  /**
   * Words visited before the cache starts: on a page of a few thousand words most come once, and learning costs
   * more than it saves (measured: +28% instructions on a 112,000-character report); long pages repay it.
   */
  cacheAfterWords = 20_000;
  private visited = 0;
  private readonly cache = new WordCache();
  /** Hits of the word being learned. */
  private readonly scratch = newRawHits();
  /** Nodes the word being learned reached at its end with a separator edge (a name may go on). */
  private readonly conts: number[] = [];
  /** The end of the word being learned (the buffer holds a STOP there), -1 when not learning. */
  private isoEnd = -1;

  /** Scans one segment, appending raw hits. */
  scanSegment(s: string, seg: number, out: RawHits): void {
    const n = s.length;
    // Fold once into the shared buffer: the probe, the walks and the gap crossings read it, never the string.
    if (this.buf.length < n + 1) this.buf = new Uint16Array(Math.max(n + 1, this.buf.length * 2));
    const F = this.buf;
    foldInto(F, s, n);
    const cached = this.useWordCache;
    const B = this.live;
    let i = 0;
    while (i < n) {
      const f = F[i]!;
      if (f <= STOP || f === IGN) { i++; continue; }
      // A word starts at i. Its prefixes, hashed letter by letter, are looked up in the live filter until one works
      // (visit the word) or leaves every path (skip it). A letter of another script ends the lookups likewise.
      let e = i;
      let h = LIVE_SEED;
      let g = f;
      let live = false;
      for (;;) {
        if (g < ALPHABET) {
          h = Math.imul(h ^ CLASS[g]!, LIVE_PRIME);
          const b = h >>> LIVE_SHIFT;
          const slot = (B[b >>> 4]! >>> ((b & 15) << 1)) & 3;
          if (slot === SLOT_WORK || (slot === SLOT_GOES_ON && this.goesOn(e + 1, n, h))) { live = true; break; }
          if (slot === 0) break;
        } else if (g !== IGN) break;
        if (++e >= n) break;
        g = F[e]!;
        if (g <= STOP) break;
      }
      while (e < n && F[e]! > STOP) e++;
      if (live) {
        if (cached && ++this.visited > this.cacheAfterWords && e - i <= MAX_WORD) this.cachedWord(s, seg, i, e, out);
        else this.visit(s, seg, i, out);
      }
      i = e;
    }
  }

  /**
   * A word through the page's word cache: learned on its first occurrence, replayed on the others. A word that
   * may start a multi-word name goes the plain way whenever the next word can go on with it.
   */
  private cachedWord(s: string, seg: number, i: number, e: number, out: RawHits): void {
    const F = this.buf;
    let h = F[i]!;
    for (let k = i + 1; k < e; k++) h = Math.imul(h ^ F[k]!, 0x01000193);
    const hash = h ^ (h >>> 16);
    const b = e < s.length ? F[e]! : STOP;
    // After a hyphen a suffix or a second part may follow (QDT-мен, 405-бабы): no cache.
    if (b === HYPH) { this.visit(s, seg, i, out); return; }
    const bound = b === STOP ? 1 : 0;
    const C = this.cache;
    let id = C.find(F, i, e, hash, bound);
    if (id < 0) {
      // A word is learned on its second occurrence: on a short page most words come once, and learning costs more than a visit.
      id = C.full || !C.seenBefore(hash) ? -1 : this.learn(s, seg, i, e, hash, bound);
      if (id < 0) { this.visit(s, seg, i, out); return; }
    }
    if (bound === 0) {
      for (let c = 0, nc = C.continuations(id); c < nc; c++) {
        if (this.crossGap(s, C.contNode(id, c), e) >= 0) { this.visit(s, seg, i, out); return; }
      }
    }
    if (C.hasHits(id)) C.replay(id, seg, i, out);
  }

  /** Learns a word in isolation: its hits as if a sentence stop followed it, and the nodes a name would go on from. */
  private learn(s: string, seg: number, i: number, e: number, hash: number, bound: number): number {
    const F = this.buf;
    const inside = e < s.length;
    const saved = inside ? F[e]! : STOP;
    if (inside) F[e] = STOP;
    const rec = this.scratch;
    rec.cand.length = 0; rec.ctx.length = 0; rec.country.length = 0; rec.neg.length = 0; rec.art.length = 0;
    this.conts.length = 0;
    this.isoEnd = e;
    try {
      this.visit(s, seg, i, rec);
    } finally {
      this.isoEnd = -1;
      if (inside) F[e] = saved;
    }
    return this.conts.length > MAX_CONTINUATIONS ? -1 : this.cache.add(F, i, e, hash, bound, rec, this.conts);
  }

  /** Notes a node the isolated walk reached at the word end, when a name can cross from it to the next word. */
  private noteEnd(node: number, at: number): void {
    if (at === this.isoEnd && this.child(node, SEP_LABEL) >= 0 && !this.conts.includes(node)) this.conts.push(node);
  }

  /** The plain way for the word starting at i: probe inline, walk where the probe found work. */
  private visit(s: string, seg: number, i: number, out: RawHits): void {
    const n = s.length;
    const F = this.buf;
    const f = F[i]!;
    const R = this.root;
    const SP = this.flags;
    const ES = this.edges;
    const EL = this.edgeLabel;
    const AI = this.aidx, PN = this.pairNode, A = this.asize;
    // A word starts at i. Probe inline, with no call and no allocation, until the path dies or
    // reaches a node where the full walk has work: most words die within two or three letters.
    let node = R[f]!;
    let want = false;
    let k = i + 1;
    // Where the stem read so far ends (before any ignorable code units): a walk resumes there.
    let j = k;
    if (node >= 0) {
      let second = true;
      for (;;) {
        let g = STOP;
        while (k < n) { g = F[k]!; if (g !== IGN) break; k++; }
        if (k >= n) g = STOP;
        const fl = SP.charCodeAt(node) - PACK_OFFSET;
        if (fl !== 0) {
          // Context words are recorded in passing; a separator edge matters only where the word ends.
          if (fl === F_CONTEXT) this.contextHits(node, seg, i, j, out);
          else if (fl === F_WORK || g <= STOP) { want = true; break; }
        }
        if (g <= STOP || g >= ALPHABET) break;
        let a = ES.charCodeAt(node) + node - 1, b = ES.charCodeAt(node + 1) + node, nx = -1;
        if (second) {
          second = false;
          const ag = AI[g]!;
          nx = ag ? PN[AI[f]! * A + ag]! : -1;
          if (nx < 0) {
            if (ALT[f] && isCyrillicFold(g) !== isCyrillicFold(f)) want = true;
            break;
          }
        } else if (b - a <= 8) {
          for (; a < b; a++) if (EL.charCodeAt(a) === g) { nx = a + 1; break; }
        } else {
          while (a < b) { const m = (a + b) >> 1, v = EL.charCodeAt(m); if (v === g) { nx = m + 1; break; } if (v < g) a = m + 1; else b = m; }
        }
        if (nx < 0) {
          const ag = ALT[g]!;
          if (ag) nx = this.child(node, ag);
          if (nx < 0) {
            // Died on a letter of the other script: the look-alike start may still match ("Kөше").
            if (ALT[f] && isCyrillicFold(g) !== isCyrillicFold(f)) want = true;
            break;
          }
        }
        node = nx;
        k++;
        j = k;
      }
    } else if (ALT[f] && R[ALT[f]!]! >= 0) want = true;
    if (want) {
      const r = R[f]!;
      let died = -1;
      // The probe stopped at the first node with work: nothing before it has outputs, so the walk resumes there.
      if (r >= 0) died = node >= 0 ? this.walk(s, seg, i, node, j, out) : this.walk(s, seg, i, r, i + 1, out);
      const a = ALT[f]!;
      // The look-alike start is walked only when the first walk died on a letter of the other script.
      if (a && (r < 0 || (died >= 0 && isCyrillicFold(died) !== isCyrillicFold(f)))) {
        const ra = R[a]!;
        if (ra >= 0) this.walk(s, seg, i, ra, i + 1, out);
      }
    }
  }

  /** Records a context-only node's context words, seen by the probe at a stem [start, end). */
  private contextHits(node: number, seg: number, start: number, end: number, out: RawHits): void {
    const O = this.outs;
    for (let r = this.outStart(node) * OUT_STRIDE, e = this.outStart(node + 1) * OUT_STRIDE; r < e; r += OUT_STRIDE) {
      out.ctx.push(seg, start, end, O.charCodeAt(r + 4) - PACK_OFFSET);
    }
  }

  /**
   * Walks the trie from a word start. Returns the folded letter the walk died on (-1 if it ended
   * at a boundary), so the caller can decide on a look-alike retry.
   */
  private walk(s: string, seg: number, start: number, first: number, from: number, out: RawHits): number {
    const n = s.length;
    const F = this.buf;
    let node = first;
    let j = from;
    // Pending branches (node, index of the boundary after an inflected inner word); rare and few.
    let pendNode = -1, pendAt = -1;
    let skipOuts = false;
    let died = -1;
    for (;;) {
      let k = j;
      let f = STOP;
      while (k < n) {
        f = F[k]!;
        if (f !== IGN) break;
        k++;
      }
      if (k >= n) f = STOP;
      if (!skipOuts && this.outStartS.charCodeAt(node) < this.outStartS.charCodeAt(node + 1)) this.terminal(s, seg, start, j, k, f, node, out);
      skipOuts = false;
      let next = -1;
      if (f <= STOP) {
        died = -1;
        if (f !== STOP) next = this.crossGap(s, node, k);
        else if (this.isoEnd >= 0) this.noteEnd(node, k);
        if (next >= 0) { node = next >> 0; j = this.gapEnd + 1; continue; }
      } else {
        if (this.inner[node] !== 0 && pendNode < 0) {
          // An inflected inner word (Мухтаром Аблязовым): its ending, then the separator edge.
          const mask = innerMaskAt(F, k, n);
          if ((mask & this.inner[node]!) !== 0 && INNER_END[0]! < n) { pendNode = node; pendAt = INNER_END[0]!; }
        }
        next = this.step(node, f);
        if (next >= 0) { node = next; j = k + 1; continue; }
        died = f;
      }
      if (pendNode >= 0) {
        node = pendNode; j = pendAt; pendNode = -1; skipOuts = true;
        const fb = F[j]!;
        if (fb === STOP) {
          if (this.isoEnd >= 0) this.noteEnd(node, j);
          return died;
        }
        const nx = this.crossGap(s, node, j);
        if (nx < 0) return died;
        node = nx; j = this.gapEnd + 1; skipOuts = false;
        continue;
      }
      return died;
    }
  }

  /** Index of the first letter after the gap crossed by the last crossGap call. */
  private gapEnd = 0;

  /** From a boundary at k, crosses a short separator run (no sentence stop) to the next word's first letter via the separator edge. */
  private crossGap(s: string, node: number, k: number): number {
    const sc = this.child(node, SEP_LABEL);
    if (sc < 0) return -1;
    const n = s.length;
    let m = k;
    let gap = 0;
    let f = STOP;
    while (m < n) {
      f = this.buf[m]!;
      if (f === STOP) return -1;
      if (f > STOP && f !== IGN) break;
      if (++gap > MAX_GAP) return -1;
      m++;
    }
    if (m >= n) return -1;
    const nx = this.step(sc, f);
    if (nx < 0) return -1;
    this.gapEnd = m;
    return nx;
  }

  /** Records the outputs of a node reached after a stem ending at j (next significant code unit at k, folded f). */
  private terminal(s: string, seg: number, start: number, j: number, k: number, f: number, node: number, out: RawHits): void {
    const O = this.outs;
    let rem: { rem: string; end: number } | null | undefined;
    let hyph: { rem: string; end: number } | null | undefined;
    for (let r = this.outStart(node) * OUT_STRIDE, e = this.outStart(node + 1) * OUT_STRIDE; r < e; r += OUT_STRIDE) {
      const kind = O.charCodeAt(r) - PACK_OFFSET, entity = O.charCodeAt(r + 1) - PACK_OFFSET, paradigm = O.charCodeAt(r + 2) - PACK_OFFSET;
      const tail = this.tails[O.charCodeAt(r + 3) - PACK_OFFSET] ?? '', extra = O.charCodeAt(r + 4) - PACK_OFFSET;
      if (paradigm === PREFIX) {
        if (kind === K_CONTEXT) out.ctx.push(seg, start, j, extra);
        else if (kind === K_COUNTRY) out.country.push(seg, start, extra);
        else if (kind === K_NEG) out.neg.push(seg, start, j);
        else if (kind === K_ARTICLE) {
          rem ??= readRemainder(s, k, 64);
          if (rem) out.art.push(seg, start, f <= STOP ? j : rem.end, extra);
        }
        continue;
      }
      let end = -1;
      let score = 0;
      if (f <= STOP) {
        if (gluedValid('', paradigm, tail)) { end = j; score = 1000; }
        if (f === HYPH && k + 1 < s.length) {
          hyph ??= readRemainder(s, k + 1);
          if (hyph && hyphenValid(hyph.rem) && (end >= 0 || !tail)) { end = hyph.end; score = 1000; }
        }
      } else {
        rem ??= readRemainder(s, k);
        if (rem && gluedValid(rem.rem, paradigm, tail)) {
          end = rem.end;
          // Prefer the name whose written form the word starts with: Назарбаева is Dariga before it is Nursultan's genitive.
          let common = 0;
          while (common < tail.length && common < rem.rem.length && rem.rem.charCodeAt(common) === tail.charCodeAt(common)) common++;
          score = (common === tail.length ? 1000 : 0) + common;
        }
      }
      if (end < 0) continue;
      if (kind === K_COUNTRY) out.country.push(seg, start, extra);
      else if (kind === K_NEG) out.neg.push(seg, start, end);
      else if (kind === K_ARTICLE) out.art.push(seg, start, end, extra);
      else if (kind !== K_CONTEXT) out.cand.push(seg, start, end, kind, entity, extra, score);
    }
  }
}
