/**
 * Unzipping for the command line: the zip's central directory is walked here and each part the
 * check wants is inflated by Node's own zlib (native code), about twice as fast as fflate's
 * JavaScript inflate. Measured on the 15-table 陕西 example (23 parts, 150 KB of XML): fflate
 * unzipSync 0.72–0.74 ms, zlib.inflateRawSync over the same parts 0.34 ms.
 *
 * fflate has no call that hands out an entry's compressed bytes, hence the directory walk below.
 * It covers the plain zip that Excel, WPS and the 一体化系统 exports write: stored or deflated
 * entries, 32-bit sizes, one disk. Anything else (zip64, an encrypted entry, another compression
 * method, a directory that does not add up, data zlib rejects or that inflates past its declared
 * size) returns undefined, and the caller unzips with fflate as before, so its messages for
 * broken files stay the same.
 *
 * Node only (zlib): the task pane keeps fflate.
 */
import { inflateRawSync } from 'zlib';
import { strFromU8, UnzipFileInfo } from 'fflate';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The parts `filter` accepts, by name, inflated; undefined when this zip is left to fflate. */
export function unzipWithZlib(bytes: Uint8Array, filter: (f: UnzipFileInfo) => boolean): Record<string, Uint8Array> | undefined {
  const n = bytes.length;
  if (n < 22) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: the last 22 bytes, or earlier when the zip has a comment.
  let e = n - 22;
  const stopAt = Math.max(0, n - 22 - 0xffff);
  while (e >= stopAt && dv.getUint32(e, true) !== EOCD) e--;
  if (e < stopAt) return undefined;
  const count = dv.getUint16(e + 10, true);
  const dirSize = dv.getUint32(e + 12, true);
  let p = dv.getUint32(e + 16, true);
  // One disk only, its entry count the same as the total (fflate reads the one, this the other).
  if (dv.getUint16(e + 4, true) !== 0 || dv.getUint16(e + 6, true) !== 0 || dv.getUint16(e + 8, true) !== count) return undefined;
  // 0xffff / 0xffffffff, or a zip64 locator before the record: the real figures are in a zip64 record.
  if (count === 0xffff || p === 0xffffffff || p + dirSize > e) return undefined;
  if (e >= 20 && dv.getUint32(e - 20, true) === 0x07064b50) return undefined;
  const out: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || dv.getUint32(p, true) !== CENTRAL) return undefined;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const size = dv.getUint32(p + 20, true);
    const originalSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > n) return undefined;
    // Names are UTF-8 when flag bit 11 says so, else read byte for byte (as fflate reads them).
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLen), !(flags & 0x800));
    p += 46 + nameLen + extraLen + commentLen;
    if (!filter({ name, size, originalSize, compression: method })) continue;
    if (flags & 1 || size === 0xffffffff || originalSize === 0xffffffff || (method !== 0 && method !== 8)) return undefined;
    if (local + 30 > n || dv.getUint32(local, true) !== LOCAL) return undefined;
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (start + size > n) return undefined;
    const data = bytes.subarray(start, start + size);
    if (method === 0) {
      if (size !== originalSize) return undefined;
      out[name] = data.slice();
      continue;
    }
    try {
      // Never more than the directory declares: a part that inflates further (a zip bomb) stops at
      // once and is left to fflate, which allocates only the declared size.
      const inflated = inflateRawSync(data, { maxOutputLength: Math.max(originalSize, 1) });
      if (inflated.length !== originalSize) return undefined;
      out[name] = inflated;
    } catch {
      return undefined;
    }
  }
  return out;
}
