/**
 * The checking reader (src/file/xlsx-fast.ts: fflate + saxes) must give exactly the Grid that
 * ExcelJS gives through gridFromWorkbook — the Grid the add-in's reader is held to as well — on
 * the fixtures, the examples, the real corpus workbooks, and hand-written SpreadsheetML with what
 * ExcelJS itself never writes (shared formulas, inline rich text, x: prefixes, phonetic runs).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { gridFromWorkbook } from '../../src/file/grid-from-exceljs';
import { gridFromXlsxFast } from '../../src/file/xlsx-fast';
import { normaliseLineEnds, plainXml } from '../../src/file/xml-scan';
import { MAX_ROWS_PER_SHEET, readWorkbookBuffer } from '../../src/file/read';
import { buildHebei004 } from '../fixtures/hebei';
import { buildHubei002 } from '../fixtures/hubei';
import { buildShaanxi000, buildShaanxi000OneSheet, buildShaanxi003 } from '../fixtures/shaanxi';
import { smallWorkbook } from '../excel/helpers';
import { withExcelLineEnds } from '../helpers/workbooks';

const ROOT = path.resolve(__dirname, '..', '..');

async function viaExcelJS(bytes: Uint8Array, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return gridFromWorkbook(wb, name);
}

/** Same Grid, same warnings: compared as JSON, so holes, key order and row counts all count. */
async function expectSame(bytes: Uint8Array, name: string): Promise<void> {
  const want = await viaExcelJS(bytes, name);
  const got = gridFromXlsxFast(bytes, name, name);
  for (let i = 0; i < Math.max(want.grid.sheets.length, got.grid.sheets.length); i++) {
    const [a, b] = [want.grid.sheets[i], got.grid.sheets[i]];
    expect([name, b?.name, JSON.stringify(b)]).toEqual([name, a?.name, JSON.stringify(a)]);
  }
  expect(got.warnings).toEqual(want.warnings);
}

describe('fast reader = ExcelJS', () => {
  test.each([
    ['陕西 000 公开', () => buildShaanxi000('published')],
    ['陕西 003 修正', () => buildShaanxi003('repaired')],
    ['陕西 000 单表页', () => buildShaanxi000OneSheet('published')],
    ['河北 004 公开', () => buildHebei004('published')],
    ['湖北 002', () => buildHubei002()],
    ['small workbook (formats, indent, errors, dates, hidden, empty sheet)', () => smallWorkbook()],
  ])('fixture %s', async (name, build) => {
    const bytes = new Uint8Array(await build().xlsx.writeBuffer());
    await expectSame(bytes, `${name}.xlsx`);
  });

  test('the examples and the real 江苏 workbooks', async () => {
    const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test/corpus/jiangsu'), path.join(ROOT, 'test/corpus/real')];
    let n = 0;
    for (const d of dirs) {
      const names = await fs.readdir(d).catch(() => [] as string[]);
      for (const f of names.filter((x) => x.endsWith('.xlsx'))) {
        await expectSame(await fs.readFile(path.join(d, f)), f);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(9);
  });

  /**
   * Excel writes CR LF after the XML declaration of every part, and a literal CR LF inside text typed
   * with line breaks (the files here were written by ExcelJS and openpyxl, which write LF). The
   * scanner reads such parts after normalising the line ends, not saxes: every part of the copy
   * is plain once normalised, and the Grid is ExcelJS's.
   */
  test('a workbook as Excel writes it: CR LF after each declaration and inside a cell’s text', async () => {
    const original = await fs.readFile(path.join(ROOT, 'examples', '子洲县工伤保险经办中心-2024单位预算公开-原样.xlsx'));
    let crlfText = 0;
    const bytes = withExcelLineEnds(new Uint8Array(original), (p, xml) => {
      if (p !== 'xl/sharedStrings.xml') return xml;
      // A header typed on two lines (Alt+Enter): "项目" CR LF "（科目）".
      crlfText++;
      return xml.replace(/<t([^>]*)>([^<]{2,})<\/t>/, (_m, a: string, t: string) => `<t${a}>${t.slice(0, 2)}\r\n${t.slice(2)}</t>`);
    });
    const parts = unzipSync(bytes);
    expect(crlfText).toBe(1);
    for (const [p, data] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(p)) continue;
      const xml = strFromU8(data);
      expect([p, xml.includes('\r\n'), plainXml(normaliseLineEnds(xml))]).toEqual([p, true, true]);
    }
    await expectSame(bytes, 'excel-style.xlsx');
    const used: string[] = [];
    const { grid } = gridFromXlsxFast(bytes, 'excel-style.xlsx', 'excel-style.xlsx', { onParser: (part, parser) => used.push(`${part}:${parser}`) });
    // Every part the check reads went through the scanner (before line ends were normalised: saxes, all of them).
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((u) => !u.endsWith(':scanner'))).toEqual([]);
    const texts = grid.sheets.flatMap((sh) => sh.rows.flatMap((r) => (r ?? []).map((c) => c?.v))).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('\n'))).toBe(true);
    expect(texts.some((t) => t.includes('\r'))).toBe(false);
  });

  test('rich text, hyperlinks, shared strings with phonetic runs, merged cells holding values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = { richText: [{ text: '一般公共' }, { font: { bold: true }, text: '预算' }] };
    ws.getCell('A2').value = { text: '链接', hyperlink: 'https://example.invalid/' };
    ws.getCell('B2').value = { formula: 'A2', result: 7 };
    ws.getCell('C2').value = 'a&b<c>"d"';
    ws.getCell('D2').value = '第一行\r\n第二行';
    ws.getCell('E2').value = '';
    ws.mergeCells('A4:C6');
    ws.getCell('A4').value = '合并';
    ws.mergeCells('E8:E9');
    ws.getCell('F3').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    ws.getCell('G3').value = 0.30000000000000004;
    ws.getCell('G4').numFmt = '#,##0.00';
    ws.getCell('G4').value = -12.5;
    ws.getCell('H4').value = { formula: 'H3', result: 45306 } as ExcelJS.CellFormulaValue;
    ws.getCell('H4').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('H5').value = { formula: 'H3', result: 'x', sharedFormula: undefined } as unknown as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expectSame(bytes, 'rich.xlsx');
  });
});

/** The x: prefix removed (ExcelJS cannot read prefixed SpreadsheetML, so it reads this form). */
const unprefixed = (xml: string) => xml.replace(/xmlns:x=/g, 'xmlns=').replace(/<(\/?)x:/g, '<$1');

/** A minimal .xlsx from hand-written parts (what other producers write and ExcelJS never does). */
function handMade(sheetXml: string, prefixed = true): Uint8Array {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="表&amp;1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/sharedStrings.xml':
      '<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>合计</x:t><x:rPh sb="0" eb="2"><x:t>ゴウケイ</x:t></x:rPh></x:si><x:si><x:r><x:t>社会保障</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">和就业_x000D_支出</x:t></x:r></x:si></x:sst>',
    'xl/styles.xml':
      '<?xml version="1.0" encoding="UTF-8"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="1"><x:numFmt numFmtId="176" formatCode="#,##0.00_ "/></x:numFmts><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="176" applyNumberFormat="1"/><x:xf numFmtId="4"><x:alignment indent="2"/></x:xf></x:cellXfs></x:styleSheet>',
    'xl/worksheets/sheet1.xml': sheetXml,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(prefixed ? v : unprefixed(v))])));
}

const SHEET = (rows: string, tail = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData>${tail}</x:worksheet>`;

describe('hand-written SpreadsheetML', () => {
  test('prefixed elements, shared formulas, inline strings, phonetic runs, _x000D_, styles by index', async () => {
    const xml = (
      SHEET(
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s" s="1"><x:v>1</x:v></x:c></x:row>' +
          '<x:row r="2"><x:c r="A2" s="1"><x:f t="shared" ref="A2:A4" si="0">B2*2</x:f><x:v>4</x:v></x:c><x:c r="B2" s="2"><x:v>2</x:v></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" s="1"><x:f t="shared" si="0"/><x:v>6</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>内联 &amp; 文本</x:t></x:is></x:c></x:row>' +
          '<x:row r="5"><x:c r="A5" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c r="C5" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="D5" s="2"/></x:row>',
        '<x:mergeCells count="1"><x:mergeCell ref="C1:D2"/></x:mergeCells>',
      )
    );
    await expectSame(handMade(xml, false), 'hand.xlsx');
    const bytes = handMade(xml);
    // with the x: prefix (as some .NET and Java exporters write it) the Grid is the same
    expect(gridFromXlsxFast(bytes, 'hand.xlsx', 'hand.xlsx')).toEqual(gridFromXlsxFast(handMade(xml, false), 'hand.xlsx', 'hand.xlsx'));
    const { grid } = gridFromXlsxFast(bytes, 'hand.xlsx', 'hand.xlsx');
    const s = grid.sheets[0];
    expect(s.name).toBe('表&1');
    expect(s.rows[0][0]).toEqual({ v: '合计' });
    expect(s.rows[0][1]).toEqual({ v: '社会保障和就业\r支出', fmt: '#,##0.00_ ' });
    expect(s.rows[1][1]).toEqual({ v: 2, fmt: '#,##0.00', indent: 2 });
    expect(s.rows[2][0]).toEqual({ v: 6, f: 'A2', fmt: '#,##0.00_ ' });
    expect(s.rows[2][1]).toEqual({ v: '内联 & 文本' });
    expect(s.rows[4].slice(0, 3)).toEqual([{ v: 'ab', f: '"a"&"b"' }, { v: true }, { v: { error: '#DIV/0!' } }]);
    expect(s.merges).toEqual([{ top: 1, left: 3, bottom: 2, right: 4 }]);
  });

  test('a sheet past MAX_ROWS_PER_SHEET is cut off with a warning giving the real row count', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= MAX_ROWS_PER_SHEET + 2500; r++) rows.push(`<x:row r="${r}"><x:c r="A${r}"><x:v>${r}</x:v></x:c></x:row>`);
    const bytes = handMade(SHEET(rows.join('')));
    await expectSame(handMade(SHEET(rows.join('')), false), 'long.xlsx');
    const { grid, warnings } = gridFromXlsxFast(bytes, 'long.xlsx', 'long.xlsx');
    expect(grid.sheets[0].rows).toHaveLength(MAX_ROWS_PER_SHEET);
    expect(warnings).toEqual([`工作表“表&1”有 ${MAX_ROWS_PER_SHEET + 2500} 行，超过 ${MAX_ROWS_PER_SHEET} 行，只读取了前 ${MAX_ROWS_PER_SHEET} 行。`]);
  });

  test('a zip without a workbook, and a cut-off zip, get Chinese messages naming the file', async () => {
    const notWb = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    await expect(readWorkbookBuffer(notWb, '/x/说明.xlsx')).rejects.toThrow(/文件“说明\.xlsx”是 zip 压缩包，但不是 Excel 工作簿/);
    const good = handMade(SHEET('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'));
    await expect(readWorkbookBuffer(good.subarray(0, good.length - 40), '/x/截断.xlsx')).rejects.toThrow(/文件“截断\.xlsx”无法作为 \.xlsx 读取，可能已损坏/);
  });
});
