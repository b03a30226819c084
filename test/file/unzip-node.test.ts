/**
 * The command line's unzip (src/file/unzip-node.ts: the zip directory walked here, parts inflated
 * by Node's zlib) must hand the reader exactly the parts fflate gives, and leave to fflate every
 * zip it does not handle (so broken files keep fflate's messages).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { UnzipFileInfo, strToU8, unzipSync, zipSync } from 'fflate';
import { unzipWithZlib } from '../../src/file/unzip-node';
import { gridFromXlsxFast } from '../../src/file/xlsx-fast';
import { readWorkbookBuffer } from '../../src/file/read';
import { buildHebei004 } from '../fixtures/hebei';
import { buildShaanxi000 } from '../fixtures/shaanxi';

const ROOT = path.resolve(__dirname, '..', '..');
const xmlParts = (f: UnzipFileInfo) => /\.(xml|rels)$/.test(f.name);
const asPlain = (files: Record<string, Uint8Array> | undefined) =>
  files && Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));

async function workbooks(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const out = [
    { name: '陕西 000', bytes: new Uint8Array(await buildShaanxi000('published').xlsx.writeBuffer()) },
    { name: '河北 004', bytes: new Uint8Array(await buildHebei004('published').xlsx.writeBuffer()) },
  ];
  for (const d of ['examples', 'test/corpus/jiangsu']) {
    for (const f of (await fs.readdir(path.join(ROOT, d)).catch(() => [] as string[])).filter((x) => x.endsWith('.xlsx'))) {
      out.push({ name: f, bytes: new Uint8Array(await fs.readFile(path.join(ROOT, d, f))) });
    }
  }
  return out;
}

test('the same parts as fflate on every workbook in the repository, and the same Grid', async () => {
  const all = await workbooks();
  expect(all.length).toBeGreaterThan(8);
  for (const { name, bytes } of all) {
    const mine = unzipWithZlib(bytes, xmlParts);
    expect([name, asPlain(mine)]).toEqual([name, asPlain(unzipSync(bytes, { filter: xmlParts }))]);
    expect(JSON.stringify(gridFromXlsxFast(bytes, name, name, { unzip: unzipWithZlib }))).toBe(JSON.stringify(gridFromXlsxFast(bytes, name, name)));
  }
});

test('stored entries, a zip comment, names in UTF-8 and the filter', () => {
  const files = { 'a.xml': strToU8('<a>一</a>'), 'b/报表.xml': strToU8('<b/>'.repeat(50)), 'c.bin': strToU8('xx') };
  for (const level of [0, 6] as const) {
    const zip = zipSync(files, { level, comment: '注释' });
    const got = unzipWithZlib(zip, xmlParts);
    expect(asPlain(got)).toEqual(asPlain(unzipSync(zip, { filter: xmlParts })));
    expect(Object.keys(got!).sort()).toEqual(['a.xml', 'b/报表.xml']);
  }
});

test('anything it does not handle is left to fflate (undefined)', () => {
  const zip = zipSync({ 'a.xml': strToU8('<a>'.repeat(100)) }, { level: 6 });
  const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const central = (b: Uint8Array) => dv(b).getUint32(b.length - 22 + 16, true);
  // Truncated: no end record.
  expect(unzipWithZlib(zip.subarray(0, zip.length - 30), xmlParts)).toBeUndefined();
  // An encrypted entry (flag bit 0).
  const enc = zip.slice();
  dv(enc).setUint16(central(enc) + 8, 1, true);
  expect(unzipWithZlib(enc, xmlParts)).toBeUndefined();
  // Another compression method (12: bzip2).
  const bz = zip.slice();
  dv(bz).setUint16(central(bz) + 10, 12, true);
  expect(unzipWithZlib(bz, xmlParts)).toBeUndefined();
  // zip64 markers.
  const z64 = zip.slice();
  dv(z64).setUint32(central(z64) + 24, 0xffffffff, true);
  expect(unzipWithZlib(z64, xmlParts)).toBeUndefined();
  // Data zlib rejects.
  const bad = zip.slice();
  const local = dv(bad).getUint32(central(bad) + 42, true);
  const start = local + 30 + dv(bad).getUint16(local + 26, true);
  bad.fill(0xff, start, start + 8);
  expect(unzipWithZlib(bad, xmlParts)).toBeUndefined();
});

test('a damaged part gets the reader\'s own message, as with fflate', async () => {
  const good = new Uint8Array(await buildShaanxi000('published').xlsx.writeBuffer());
  // The first worksheet's compressed bytes: after its local header (name, then the data).
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const at = Buffer.from(good).indexOf(name);
  expect(at).toBeGreaterThan(0);
  const bad = good.slice();
  bad.fill(0xff, at + name.length + 4, at + name.length + 24);
  expect(unzipWithZlib(bad, xmlParts)).toBeUndefined();
  const fflateOnly = (() => {
    try {
      gridFromXlsxFast(bad, '/x/坏.xlsx', '坏.xlsx');
      return 'read';
    } catch (e) {
      return (e as Error).message;
    }
  })();
  expect(fflateOnly).toMatch(/文件“坏\.xlsx”/);
  await expect(readWorkbookBuffer(bad, '/x/坏.xlsx')).rejects.toThrow(fflateOnly);
});

describe('second reading', () => {
  const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const eocd = (b: Uint8Array) => b.length - 22;

  test('a part that inflates past its declared size (a zip bomb) is cut off at that size and left to fflate', () => {
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(4 << 20) }, { level: 9 });
    const central = dv(zip).getUint32(eocd(zip) + 16, true);
    const local = dv(zip).getUint32(central + 42, true);
    // Declare 100 bytes (central directory and local header) for 4 MB of zeros.
    dv(zip).setUint32(central + 24, 100, true);
    dv(zip).setUint32(local + 22, 100, true);
    const zlib = require('zlib') as typeof import('zlib');
    const spy = jest.spyOn(zlib, 'inflateRawSync');
    try {
      expect(unzipWithZlib(zip, xmlParts)).toBeUndefined();
      // zlib was told to stop at the declared size, not to inflate all 4 MB first.
      expect(spy).toHaveBeenCalledTimes(1);
      expect((spy.mock.calls[0][1] as { maxOutputLength?: number }).maxOutputLength).toBe(100);
    } finally {
      spy.mockRestore();
    }
  });

  test('an end record whose entry counts disagree, or a second disk, is left to fflate', () => {
    const files = { 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>'), 'c.xml': strToU8('<c/>') };
    const counts = zipSync(files);
    dv(counts).setUint16(eocd(counts) + 10, 2, true); // total 2, this disk 3
    expect(unzipWithZlib(counts, xmlParts)).toBeUndefined();
    const disk = zipSync(files);
    dv(disk).setUint16(eocd(disk) + 4, 1, true);
    expect(unzipWithZlib(disk, xmlParts)).toBeUndefined();
    expect(Object.keys(unzipWithZlib(zipSync(files), xmlParts)!).sort()).toEqual(['a.xml', 'b.xml', 'c.xml']);
  });

  test('a zip64 locator before the end record is left to fflate', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>') });
    // 20 bytes of a zip64 end-of-central-directory locator spliced in before the end record.
    const loc = new Uint8Array(20);
    new DataView(loc.buffer).setUint32(0, 0x07064b50, true);
    const e = eocd(zip);
    const spliced = new Uint8Array(zip.length + 20);
    spliced.set(zip.subarray(0, e), 0);
    spliced.set(loc, e);
    spliced.set(zip.subarray(e), e + 20);
    expect(unzipWithZlib(spliced, xmlParts)).toBeUndefined();
  });
});
