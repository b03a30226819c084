/**
 * The plain-XML scanner (src/file/xml-scan.ts) must send exactly the events saxes sends — same
 * tags, attributes, text, in the same order — on every XML part of every workbook in the
 * repository, and on hand-written XML with what real writers do (entities, character references,
 * single quotes, newlines in attributes, prefixes, spacing inside tags, CR LF line ends once
 * normalised as XML 1.0 §2.11 says). What it leaves to saxes (comments, CDATA, DTDs, processing
 * instructions, unknown entities) is refused before any event; a malformed tag stops it with
 * NotPlainXml, and the reader then gives saxes's verdict.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import seedrandom from 'seedrandom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { NotPlainXml, local, normaliseLineEnds, plainXml, scanXml } from '../../src/file/xml-scan';
import { gridFromXlsxFast } from '../../src/file/xlsx-fast';
import { ReadError } from '../../src/file/read';
import { buildHebei004 } from '../fixtures/hebei';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { repositoryWorkbooks } from '../helpers/workbooks';


type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Events with adjacent text joined: saxes and the scanner may cut a text run at different places. */
function joined(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'text' ? ['text', e[1]] : e);
  }
  return out;
}

function viaSaxes(xml: string): Event[] {
  const ev: Event[] = [];
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on('opentag', (t) => ev.push(['open', local(t.name), { ...(t.attributes as Record<string, string>) }]));
  p.on('closetag', (t) => ev.push(['close', local(t.name)]));
  p.on('text', (t) => ev.push(['text', t]));
  p.write(xml).close();
  return joined(ev);
}

function viaScan(xml: string): Event[] {
  const ev: Event[] = [];
  scanXml(
    xml,
    (name, attrs) => ev.push(['open', name, { ...attrs }]),
    (name) => ev.push(['close', name]),
    (t) => ev.push(['text', t]),
  );
  return joined(ev);
}

async function repositoryParts(): Promise<{ name: string; xml: string }[]> {
  const books: { name: string; bytes: Uint8Array }[] = [];
  for (const f of repositoryWorkbooks()) books.push({ name: path.basename(f), bytes: await fs.readFile(f) });
  books.push({ name: 'shaanxi000.xlsx', bytes: new Uint8Array(await buildShaanxi000('published').xlsx.writeBuffer()) });
  books.push({ name: 'hebei004.xlsx', bytes: new Uint8Array(await buildHebei004('published').xlsx.writeBuffer()) });
  const parts: { name: string; xml: string }[] = [];
  for (const b of books) {
    for (const [p, data] of Object.entries(unzipSync(b.bytes))) if (/\.(xml|rels)$/.test(p)) parts.push({ name: `${b.name}:${p}`, xml: strFromU8(data) });
  }
  return parts;
}

test('the same events as saxes on every XML part of every workbook here', async () => {
  const parts = await repositoryParts();
  let plain = 0;
  for (const { name, xml } of parts) {
    if (!plainXml(xml)) continue;
    plain++;
    expect([name, viaScan(xml)]).toEqual([name, viaSaxes(xml)]);
  }
  // The fast path is the one taken: nearly every part written by Excel, WPS or ExcelJS is plain.
  expect(parts.length).toBeGreaterThan(300);
  expect(plain / parts.length).toBeGreaterThan(0.9);
});

describe('hand-written XML: the same events as saxes', () => {
  test.each([
    ['entities in text and attributes', '<a x="&lt;&amp;&gt;&quot;&apos;">1 &lt; 2 &amp; 3&#20013;&#x6587;</a>'],
    ['a character outside the BMP', '<a t="&#x1F600;">&#128512;</a>'],
    ['single-quoted attributes', `<a x='say "hi"' y='1'/>`],
    ['a newline and a tab inside an attribute become spaces', '<a x="one\ntwo\tthree"/>'],
    ['spacing inside tags', '<a  x = "1"\n y="2" ><b\t/></a >'],
    ['prefixes', '<x:worksheet xmlns:x="urn:x"><x:c r="A1"><x:v>3</x:v></x:c></x:worksheet>'],
    ['a declaration, a BOM and whitespace around the root', '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a>\n  <b/>\n</a>\n'],
    ['empty elements and text-only runs', '<r><t></t><t> </t><t>x</t></r>'],
    ['shared-string runs', '<sst><si><r><rPr><b/></rPr><t xml:space="preserve"> 合计 </t></r><rPh sb="0" eb="1"><t>ごう</t></rPh></si></sst>'],
    ['">" inside an attribute value', '<numFmt formatCode="[>=100]0.00;0"/>'],
    ['one-character names and the other quote inside a value', `<c r="A1" s='1"' t="s"><v>3</v></c>`],
    ['attribute names that are names of Object.prototype', '<a constructor="1" toString="2"/>'],
    ['white space before the root without a declaration (saxes reports none)', ' \n<a/>\n'],
    ['"]]" and ">" apart in text', '<a>]] ></a>'],
    ['names with digits, dots, dashes, underscores and non-ASCII letters', '<a.b-c _x="1" x1.y-z="2"><中 文="3"/></a.b-c>'],
  ])('%s', (_name, xml) => {
    expect(plainXml(xml)).toBe(true);
    expect(viaScan(xml)).toEqual(viaSaxes(xml));
  });
  test('an attribute named __proto__ is left to saxes part-way (a plain object cannot hold it)', () => {
    const xml = '<a constructor="1" __proto__="3"/>';
    expect(() => viaScan(xml)).toThrow(NotPlainXml);
    expect(viaSaxes(xml)).toEqual([['open', 'a', { constructor: '1', ['__proto__']: '3' }], ['close', 'a']]);
  });
});

/**
 * Line ends as Excel writes them: CR LF after the declaration of every part, and inside text typed
 * with line breaks. Normalised first (XML 1.0 §2.11), the scanner reads them and gives the events
 * saxes gives on the text as written; a character reference &#13; stays a CR.
 */
describe('CR LF and lone CR, normalised before the scan: the events saxes gives on the original', () => {
  test.each([
    ['CR LF after the declaration', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet><sheetData/></worksheet>'],
    ['CR LF inside text', '<sst><si><t>项目\r\n（科目）</t></si></sst>'],
    ['a lone CR inside text', '<a>x\ry</a>'],
    ['CR LF and a lone CR inside an attribute value (each one space)', '<a x="one\r\ntwo\rthree"/>'],
    ['CR LF between attributes and before the closing bracket', '<a\r\n x="1"\r\n y="2"\r\n></a\r\n>'],
    ['a character reference to CR is not a line end', '<a>x&#13;\ny&#xD;</a>'],
    ['CR CR LF', '<a>x\r\r\ny</a>'],
  ])('%s', (_name, xml) => {
    const norm = normaliseLineEnds(xml);
    expect(norm).not.toContain('\r');
    expect(plainXml(norm)).toBe(true);
    expect(viaScan(norm)).toEqual(viaSaxes(xml));
  });

  test('text without CR is returned as it is', () => {
    const xml = '<a>x\ny</a>';
    expect(normaliseLineEnds(xml)).toBe(xml);
  });
});

test.each([
  ['a comment', '<a><!-- note --></a>'],
  ['CDATA', '<a><![CDATA[<b>]]></a>'],
  ['a DTD', '<!DOCTYPE a><a/>'],
  ['a processing instruction', '<a><?pi x?></a>'],
  ['a carriage return not normalised first', '<a>x\r\ny</a>'],
  ['an entity saxes does not know either', '<a>&nbsp;</a>'],
  // Found by a second reading: the scanner read these, saxes refuses them.
  ['"]]>" in text', '<a>]]></a>'],
  ['a control character', '<a>\u0001</a>'],
  ['U+FFFE', '<a>\uFFFE</a>'],
])('%s is left to saxes', (_name, xml) => {
  expect(plainXml(xml)).toBe(false);
});

test.each([
  ['<a><b></a>'],
  ['<a x=1/>'],
  ['<a x="1"y="2"/>'],
  ['<a x="1" x="2"/>'],
  ['<a r="1" s="2" r="3"/>'],
  // Names saxes refuses (a fuzzed comparison found the scanner taking a quote into a name).
  ['<a x="1" ""y="2"/>'],
  ['<a 1x="1"/>'],
  ['<a x;y="1"/>'],
  ['<1a/>'],
  ['<a"/>'],
  ['<a x="&#1;"/>'],
  ['<a>&#xD800;</a>'],
  ['<a>&#xFFFE;</a>'],
  ['<a/>\u00a0'],
  ['<a x="1<2"/>'],
  ['<a x="never closed/>'],
  ["<a x='1\"/>"],
  ['<a>'],
  ['<a/><b/>'],
  ['text<a/>'],
  // A second reading: “<” right after “<” was taken into the name (an element “<c”).
  ['<r><<c/></r>'],
  ['<r><<x:c/></r>'],
  ['<r></c ></r>'],
  ['<r><c></cx></r>'],
  ['<r><c></c/></r>'],
  ['<r><c></'],
])('malformed %s stops the scanner', (xml) => {
  expect(() => viaScan(xml)).toThrow(NotPlainXml);
  expect(() => viaSaxes(xml)).toThrow();
});

test('a workbook whose sheet is malformed is refused by saxes, with a Chinese message naming the sheet, the part and where', () => {
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<workbook xmlns:r="urn:r"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收支总表</t></is></c></sheetData></worksheet>',
  };
  const bytes = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
  // The scanner gives up on </sheetData> closing <row>; saxes reads the sheet again and rejects it.
  const read = () => gridFromXlsxFast(bytes, 'x.xlsx', 'x.xlsx');
  expect(read).toThrow(ReadError);
  // saxes sees the mistake at the end of the closing tag that does not match: the position given.
  const endOf = (xml: string, tag: string) => xml.indexOf(tag) + tag.length;
  const sheetAt = endOf(parts['xl/worksheets/sheet1.xml'], '</sheetData>');
  expect(read).toThrow(`文件“x.xlsx”的工作表“表1”已损坏：xl/worksheets/sheet1.xml 第 1 行第 ${sheetAt} 列附近不是完好的 XML，无法读取。`);
  // Not the file's sheet but a part every sheet needs: the part is named.
  parts['xl/worksheets/sheet1.xml'] = '<worksheet><sheetData/></worksheet>';
  parts['xl/styles.xml'] = '<styleSheet><cellXfs><xf numFmtId="0"></cellXfs></styleSheet>';
  parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace(
    '</Relationships>',
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  const bytes2 = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
  const stylesAt = endOf(parts['xl/styles.xml'], '</cellXfs>');
  expect(() => gridFromXlsxFast(bytes2, 'x.xlsx', 'x.xlsx')).toThrow(
    `文件“x.xlsx”已损坏：其中的 xl/styles.xml 第 1 行第 ${stylesAt} 列附近不是完好的 XML，无法读取。请在 Excel 中打开该文件（Excel 会提示修复），修复后另存为 .xlsx 再检查。`,
  );
});

test('the reader gives the same Grid through the scanner as through saxes alone', async () => {
  let n = 0;
  for (const file of repositoryWorkbooks()) {
    const f = path.basename(file);
    const bytes = await fs.readFile(file);
    expect([f, JSON.stringify(gridFromXlsxFast(bytes, f, f))]).toEqual([f, JSON.stringify(gridFromXlsxFast(bytes, f, f, { xml: 'saxes' }))]);
    n++;
  }
  expect(n).toBeGreaterThanOrEqual(20);
});

/**
 * Random small documents mixing what the scanner must handle with what it must refuse (quotes,
 * '<' and entities in values, repeated and odd attribute names, names saxes refuses): where the
 * scanner reads a document, saxes reads it too and gives the same events; otherwise the scanner
 * stops with NotPlainXml (the reader then asks saxes). CR and CR LF are normalised first, as the
 * reader does. This comparison found a leading __proto__ attribute dropped and quotes taken into names.
 */
test('on random documents the scanner gives saxes’s events, or leaves the document to saxes', () => {
  const rnd = seedrandom('xml-scan');
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const attrNames = ['r', 's', 't', 'x:c', 'ab', 'constructor', '__proto__', 'toString', 'a1', '1a', '-x', 'a-b.c', '_u', '中', 'a;b'];
  const elemNames = ['a', 'c', 'x:v', 'row', 'a.b', '1c', '中', 'a"', '_x'];
  const valueBits = ['a', '1', ' ', '\n', '\t', '\r\n', '\r', '<', '>', '&amp;', '&lt;', '&#20013;', '&#13;', '&', '"', "'", '=', '/', '中'];
  const element = (depth: number): string => {
    const name = pick(elemNames);
    let attrs = '';
    for (let i = Math.floor(rnd() * 4); i > 0; i--) {
      const q = rnd() < 0.2 ? "'" : '"';
      let v = '';
      for (let k = Math.floor(rnd() * 5); k > 0; k--) v += pick(valueBits);
      attrs += pick([' ', '  ', '\n', '\r\n', '']) + pick(attrNames) + pick(['=', ' = ']) + q + v + (rnd() < 0.05 ? '' : q);
    }
    if (rnd() < 0.3) return `<${name}${attrs}${pick(['/>', ' />'])}`;
    let body = '';
    for (let k = Math.floor(rnd() * 3); k > 0; k--) body += depth > 0 && rnd() < 0.5 ? element(depth - 1) : pick(['x', ' ', '1 &lt; 2', '中文', '&amp;', '', 'a\r\nb', '\r']);
    return `<${name}${attrs}>${body}</${name}>`;
  };
  let read = 0;
  let readWithCr = 0;
  let left = 0;
  for (let i = 0; i < 20000; i++) {
    const xml = element(2);
    // As the reader does: line ends normalised for the scanner, saxes given the text as it is.
    const norm = normaliseLineEnds(xml);
    if (!plainXml(norm)) continue;
    let events: Event[] | undefined;
    try {
      events = viaScan(norm);
    } catch (e) {
      expect(e).toBeInstanceOf(NotPlainXml);
      left++;
      continue;
    }
    expect([xml, events]).toEqual([xml, viaSaxes(xml)]);
    read++;
    if (xml.includes('\r')) readWithCr++;
  }
  // Both kinds are well represented.
  expect(read).toBeGreaterThan(3000);
  expect(readWithCr).toBeGreaterThan(1000);
  expect(left).toBeGreaterThan(3000);
});
