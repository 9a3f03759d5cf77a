import { reject } from './problems.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Decodes a gazette file. UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK/GB2312).
 * Anything else is rejected with the byte where it went wrong — never silently mangled.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) reject('decode/empty', 'unexpected empty file, expected gazette text');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) reject('decode/binary', 'unexpected NUL byte, expected text: the file looks binary', { offset: nul });

  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let decoded: Decoded;
  try {
    // The native decoder is an order of magnitude faster than any scan in JS; scan only on failure.
    decoded = { text: utf8.decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    const bad = firstInvalidUtf8(body);
    if (bom || bad.multibyteBefore >= 4) {
      // Plenty of valid UTF-8 before the bad byte: this is UTF-8 that is corrupt, truncated or mixed with
      // another encoding. Decoding it as GB18030 would turn the good part into mojibake.
      reject('decode/invalid-utf8', 'unexpected byte sequence invalid in UTF-8 after valid UTF-8 text, expected one encoding per file (mixed or corrupt encoding)', {
        offset: bad.at + (bom ? 3 : 0),
      });
    }
    try {
      decoded = { text: gb18030.decode(body), encoding: 'gb18030' };
    } catch {
      reject('decode/unknown-encoding', 'unexpected bytes, expected UTF-8 or GB18030/GBK text', { offset: bad.at });
    }
  }
  if (decoded.text.trim() === '') reject('decode/empty', 'unexpected blank file, expected gazette text');
  const control = decoded.text.search(/[\x00-\x08\x0b\x0e-\x1f\x7f]/);
  if (control >= 0) reject('decode/binary', `unexpected control character U+${decoded.text.charCodeAt(control).toString(16).padStart(4, '0')}, expected text`, { offset: control });
  return decoded;
}

/** Index of the first byte that breaks UTF-8 (-1 if none) and how many multi-byte characters came before it. */
function firstInvalidUtf8(b: Uint8Array): { at: number; multibyteBefore: number } {
  let i = 0;
  let multibyte = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let len: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { len = 2; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { len = 3; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; min = 0x10000; }
    else return { at: i, multibyteBefore: multibyte };
    if (i + len > n) return { at: i, multibyteBefore: multibyte };
    let cp = c & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return { at: i, multibyteBefore: multibyte };
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { at: i, multibyteBefore: multibyte };
    multibyte++;
    i += len;
  }
  return { at: -1, multibyteBefore: multibyte };
}
