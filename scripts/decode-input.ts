// Decodes an input file for the annotate CLI: byte-order marks, an HTML page's declared charset, or UTF-8; refuses binary.
//
// Archives of Russian and Kazakh news are often in windows-1251 or KOI8-R, and text saved by Windows editors in
// UTF-16: each is read as its bytes say, and anything else that is not UTF-8 is refused with a message that says how
// to name its encoding, never decoded into mojibake.

export class DecodeError extends Error {}

/** The charset an HTML page declares in its first 1,024 bytes (`<meta charset>` or the http-equiv form), lower case. */
export function declaredCharset(head: Buffer): string | null {
  const text = head.subarray(0, 1024).toString('latin1');
  const m = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

/** A TextDecoder for the label, or null when the label names no encoding. */
function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** Whether the label is one TextDecoder knows (for checking --encoding before any file is read). */
export function knownEncoding(label: string): boolean {
  return decoderFor(label, false) !== null;
}

/**
 * The text of a file. Order: a byte-order mark; the encoding given on the command line; for HTML, the charset the
 * page declares; otherwise strict UTF-8. A legacy single-byte encoding decodes every byte, so it is only used where
 * the user or the page names it.
 */
export function decodeInput(buf: Buffer, opts: { html: boolean; encoding?: string }): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return strictUtf8(buf);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  const named = opts.encoding ?? (opts.html ? declaredCharset(buf) : null);
  // NUL bytes mean binary, except in UTF-16 named on the command line (without a byte-order mark).
  if (!(named && /^utf-?16/i.test(named)) && buf.subarray(0, 8192).includes(0)) throw new DecodeError('binary file, not text');
  if (named && !/^utf-?8$/i.test(named)) {
    const d = decoderFor(named, true);
    if (!d) throw new DecodeError(opts.encoding ? `unknown encoding "${named}"` : `the page declares an unknown charset "${named}" (give its encoding with --encoding)`);
    try {
      return d.decode(buf);
    } catch {
      throw new DecodeError(`not valid ${named} text`);
    }
  }
  return strictUtf8(buf);
}

function strictUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new DecodeError('not UTF-8 text (give its encoding with --encoding, e.g. --encoding windows-1251)');
  }
}
