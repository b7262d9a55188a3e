// Typed arrays to and from base64 text, so the compiled matcher is plain JSON that decodes in well under a millisecond.
const ABC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const REV = (() => {
  const r = new Uint8Array(128).fill(255);
  for (let i = 0; i < ABC.length; i++) r[ABC.charCodeAt(i)] = i;
  return r;
})();

export function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ABC[(n >> 18) & 63]! + ABC[(n >> 12) & 63]! + (i + 1 < bytes.length ? ABC[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? ABC[n & 63]! : '=');
    if (out.length > 8192) { parts.push(out); out = ''; }
  }
  parts.push(out);
  return parts.join('');
}

/** Decodes base64 into bytes; malformed input decodes to what it can (never throws). */
export function decodeBytes(s: string): Uint8Array {
  // The engine's own base64 decoder (atob, in browsers and Node >= 16) and one charCodeAt pass: far
  // faster on a cold page than decoding in JS, which runs in the interpreter on first use.
  const atobFn = (globalThis as { atob?: (x: string) => string }).atob;
  if (typeof atobFn === 'function') {
    let bin: string | null = null;
    try { bin = atobFn(s); } catch { bin = null; }
    if (bin !== null) {
      const n = bin.length;
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = bin.charCodeAt(i);
      return out;
    }
  }
  return decodeSlow(s);
}

function decodeSlow(s: string): Uint8Array {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0, acc = 0, bits = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? REV[c]! : 255;
    if (v === 255) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (o < out.length) out[o++] = (acc >> bits) & 255;
    }
  }
  return o === out.length ? out : out.subarray(0, o);
}

export const encodeInt32 = (a: Int32Array): string => encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export const encodeUint16 = (a: Uint16Array): string => encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export function decodeInt32(s: string): Int32Array {
  const b = decodeBytes(s);
  return new Int32Array(b.buffer, 0, b.byteLength >> 2);
}
export function decodeUint16(s: string): Uint16Array {
  const b = decodeBytes(s);
  return new Uint16Array(b.buffer, 0, b.byteLength >> 1);
}
export const encodeInt16 = (a: Int16Array): string => encodeBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export function decodeInt16(s: string): Int16Array {
  const b = decodeBytes(s);
  return new Int16Array(b.buffer, 0, b.byteLength >> 1);
}
