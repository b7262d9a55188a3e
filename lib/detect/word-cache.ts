// What the scan learned about each distinct word of a page: its hits relative to the word start, and where a multi-word name may go on.
//
// News text repeats its words (Zipf): "the", «саяси», "Kazakhstan" come back hundreds of times a page,
// and each repeat used to pay the same trie probe and walk. A word is keyed by its folded code units
// (ignorables included, so offsets replay exactly) and by the kind of boundary after it; a hit replays
// the recorded hits at the new position. Everything lives in typed arrays that grow with the page.
import type { RawHits } from './matcher.ts';

/** Hit tables as recorded: 0 cand, 1 ctx, 2 country, 3 neg, 4 art. */
const T_CAND = 0, T_CTX = 1, T_COUNTRY = 2, T_NEG = 3, T_ART = 4;
/** Int32 values per recorded hit: table, end - word start, then up to four values. */
export const HIT_STRIDE = 6;
/** Int32 values per entry: hash, key offset, key length, boundary kind, hit offset, hit count, continuation offset, continuation count. */
const E = 8;
/** Longest word worth keeping: longer ones are rare and take the plain path. */
export const MAX_WORD = 40;
/** Entries kept per page at most (about 1.5 MB of tables): later new words take the plain path. */
const MAX_ENTRIES = 1 << 16;

/** `a`, or a copy at least `need` long (doubling) when it is shorter. */
function grown<A extends Int32Array | Uint16Array>(a: A, need: number, make: new (n: number) => A): A {
  if (need <= a.length) return a;
  const b = new make(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class WordCache {
  private slots = new Int32Array(1 << 12);
  private meta = new Int32Array(E * 256);
  private keys = new Uint16Array(4096);
  private hits = new Int32Array(HIT_STRIDE * 256);
  private conts = new Int32Array(64);
  private count = 0;
  private keyLen = 0;
  private hitLen = 0;
  private contLen = 0;

  /** The entry for the word F[i, e) followed by a boundary of kind `bound`, or -1. */
  find(F: Uint16Array, i: number, e: number, hash: number, bound: number): number {
    const mask = this.slots.length - 1;
    const M = this.meta, K = this.keys;
    const len = e - i;
    for (let p = hash & mask; ; p = (p + 1) & mask) {
      const at = this.slots[p]!;
      if (at === 0) return -1;
      const m = (at - 1) * E;
      if (M[m] !== hash || M[m + 2] !== len || M[m + 3] !== bound) continue;
      let q = M[m + 1]!, k = i;
      while (k < e && K[q] === F[k]) { q++; k++; }
      if (k === e) return at - 1;
    }
  }

  /** Words met once, by hash (a collision only means an early learning). */
  private readonly seen = new Uint32Array(1 << 11);

  /** Whether a word of this hash came before; notes it as seen. */
  seenBefore(hash: number): boolean {
    const bit = 1 << (hash & 31), w = (hash >>> 5) & 0x7ff;
    const was = (this.seen[w]! & bit) !== 0;
    this.seen[w] = this.seen[w]! | bit;
    return was;
  }

  /** Whether another entry fits. */
  get full(): boolean {
    return this.count >= MAX_ENTRIES;
  }

  /** Stores a word with the hits recorded in `rec` (all at start `i`) and its continuation nodes; returns its index. */
  add(F: Uint16Array, i: number, e: number, hash: number, bound: number, rec: RawHits, conts: readonly number[]): number {
    const id = this.count++;
    if ((this.count << 1) > this.slots.length) this.rehash(this.slots.length << 1);
    const nHits = rec.cand.length / 7 + rec.ctx.length / 4 + rec.country.length / 3 + rec.neg.length / 3 + rec.art.length / 4;
    this.meta = grown(this.meta, (id + 1) * E, Int32Array);
    this.keys = grown(this.keys, this.keyLen + (e - i), Uint16Array);
    this.hits = grown(this.hits, this.hitLen + nHits * HIT_STRIDE, Int32Array);
    this.conts = grown(this.conts, this.contLen + conts.length, Int32Array);
    const M = this.meta, m = id * E;
    M[m] = hash; M[m + 1] = this.keyLen; M[m + 2] = e - i; M[m + 3] = bound;
    M[m + 4] = this.hitLen; M[m + 5] = nHits; M[m + 6] = this.contLen; M[m + 7] = conts.length;
    const K = this.keys;
    for (let k = i, q = this.keyLen; k < e; k++, q++) K[q] = F[k]!;
    this.keyLen += e - i;
    if (nHits > 0) this.record(rec, i);
    for (let c = 0; c < conts.length; c++) this.conts[this.contLen + c] = conts[c]!;
    this.contLen += conts.length;
    const mask = this.slots.length - 1;
    let p = hash & mask;
    while (this.slots[p] !== 0) p = (p + 1) & mask;
    this.slots[p] = id + 1;
    return id;
  }

  /** Appends the recorded hits, relative to the word start, table by table. */
  private record(rec: RawHits, i: number): void {
    const H = this.hits;
    let h = this.hitLen;
    const { cand, ctx, country, neg, art } = rec;
    for (let r = 0; r < cand.length; r += 7, h += HIT_STRIDE) {
      H[h] = T_CAND; H[h + 1] = cand[r + 2]! - i; H[h + 2] = cand[r + 3]!; H[h + 3] = cand[r + 4]!; H[h + 4] = cand[r + 5]!; H[h + 5] = cand[r + 6]!;
    }
    for (let r = 0; r < ctx.length; r += 4, h += HIT_STRIDE) { H[h] = T_CTX; H[h + 1] = ctx[r + 2]! - i; H[h + 2] = ctx[r + 3]!; }
    for (let r = 0; r < country.length; r += 3, h += HIT_STRIDE) { H[h] = T_COUNTRY; H[h + 1] = 0; H[h + 2] = country[r + 2]!; }
    for (let r = 0; r < neg.length; r += 3, h += HIT_STRIDE) { H[h] = T_NEG; H[h + 1] = neg[r + 2]! - i; }
    for (let r = 0; r < art.length; r += 4, h += HIT_STRIDE) { H[h] = T_ART; H[h + 1] = art[r + 2]! - i; H[h + 2] = art[r + 3]!; }
    this.hitLen = h;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.count - 1; id++) {
      let p = this.meta[id * E]! & mask;
      while (slots[p] !== 0) p = (p + 1) & mask;
      slots[p] = id + 1;
    }
    this.slots = slots;
  }

  /** How many nodes a multi-word name may go on from past the word (contNode reads them). */
  continuations(id: number): number {
    return this.meta[id * E + 7]!;
  }

  contNode(id: number, k: number): number {
    return this.conts[this.meta[id * E + 6]! + k]!;
  }

  hasHits(id: number): boolean {
    return this.meta[id * E + 5]! > 0;
  }

  /** Appends the entry's hits at word start `i` of segment `seg`. */
  replay(id: number, seg: number, i: number, out: RawHits): void {
    const m = id * E, H = this.hits;
    for (let h = this.meta[m + 4]!, end = h + this.meta[m + 5]! * HIT_STRIDE; h < end; h += HIT_STRIDE) {
      const t = H[h]!, stop = i + H[h + 1]!;
      if (t === T_CAND) out.cand.push(seg, i, stop, H[h + 2]!, H[h + 3]!, H[h + 4]!, H[h + 5]!);
      else if (t === T_CTX) out.ctx.push(seg, i, stop, H[h + 2]!);
      else if (t === T_COUNTRY) out.country.push(seg, i, H[h + 2]!);
      else if (t === T_NEG) out.neg.push(seg, i, stop);
      else out.art.push(seg, i, stop, H[h + 2]!);
    }
  }
}
