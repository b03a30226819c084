import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadCodeFile, CodeFileError } from '../../src/file/codes';
import { builtinCatalogue } from '../../src/core/codes/catalogue';
import { codeRules } from '../../src/core/rules/codes';
import { makeDisclosure, makeTable, SEED003_T5_210 } from './make';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'codes-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string | Buffer): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, text);
  return p;
}

/** Seed 003's 210 block as a user's list, without 2101550 事业运行. */
const LIST_210 = ['210,卫生健康支出', '21011,行政事业单位医疗', '2101102,事业单位医疗', '21015,医疗保障管理事务', '2101504,信息化建设'];

describe('loadCodeFile: csv', () => {
  it('reads code,name with a header, infers the scheme, and replaces the built-in 功能 list (complete → error)', async () => {
    const p = await write('科目表.csv', ['code,name', ...LIST_210].join('\r\n') + '\r\n');
    const cat = await loadCodeFile(p);
    expect(cat.label).toBe('科目表.csv');
    expect(cat.complete).toEqual({ func: true, dept_econ: true, gov_econ: false }); // 部门经济 stays the built-in (complete) list
    expect(cat.get('func', '21015')?.name).toBe('医疗保障管理事务');
    expect(cat.get('func', '2080109')).toBeUndefined(); // replaced: the built-in 功能 codes are gone
    expect(cat.get('dept_econ', '30201')?.name).toBe('办公费'); // not covered: built-in kept
    expect(cat.govEconFor('30201', '事业单位')).toEqual(['50502']);
    const fs2 = codeRules.run({
      disclosure: makeDisclosure([makeTable('gp_func', '一般公共预算支出明细表', '表5', SEED003_T5_210)]),
      codes: cat,
    });
    expect(fs2).toHaveLength(1);
    expect(fs2[0]).toMatchObject({ rule: 'code.unknown', severity: 'error', cells: ['表5!A10', '表5!B10'] });
  });

  it('extend keeps the built-in codes and adds the file’s, with Chinese headers and a 类别 column', async () => {
    const text = ['编码,名称,类别', '2080208,基层政权建设和社区治理,功能', '2080109,社会保险经办机构,func', '50602,资本性支出（二）,政府经济'].join('\n');
    const p = await write('extend.csv', text);
    const cat = await loadCodeFile(p, { mode: 'extend' });
    expect(cat.get('func', '2080208')?.name).toBe('基层政权建设和社区治理');
    expect(cat.get('func', '2080505')?.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(cat.get('func', '20805')?.oldNames).toEqual(['行政事业单位离退休']);
    expect(cat.get('gov_econ', '50602')?.localNames).toEqual(['资本性支出（基本建设）']);
    expect(cat.complete).toEqual({ func: true, dept_econ: true, gov_econ: true });
    expect(builtinCatalogue().get('func', '2080208')).toBeUndefined();
  });

  it('reports bad rows with file and row numbers: non-numeric code, missing name, conflicting duplicate', async () => {
    const p = await write('bad.csv', ['code,name', '2080109,社会保险经办机构', '20801A,人力资源', '2080505,', '2080109,社保经办'].join('\n'));
    await expect(loadCodeFile(p)).rejects.toThrow(CodeFileError);
    const err = (await loadCodeFile(p).catch((e) => e)) as CodeFileError;
    expect(err.message).toContain('文件“bad.csv”有 3 处问题');
    expect(err.problems).toEqual([
      '第 3 行：编码“20801A”不是数字。',
      '第 4 行：编码 2080505 没有名称。',
      '第 5 行：编码 2080109 与第 2 行重复，但名称不同（“社会保险经办机构”与“社保经办”）。',
    ]);
  });

  it('a missing file, a .xls and an unknown extension give Chinese messages', async () => {
    await expect(loadCodeFile(path.join(dir, 'nope.csv'))).rejects.toThrow('找不到科目表文件');
    const xls = await write('old.xls', 'x');
    await expect(loadCodeFile(xls)).rejects.toThrow('另存为 .xlsx');
    const pdf = await write('list.pdf', 'x');
    await expect(loadCodeFile(pdf)).rejects.toThrow('格式不支持');
  });
});

describe('loadCodeFile: GBK csv', () => {
  it('decodes a GBK file (no header, code and name only)', async () => {
    // "210,卫生健康支出\n21011,行政事业单位医疗" encoded in GBK
    const gbk = Buffer.from('3231302ccec0c9fabda1bfb5d6a7b3f60a32313031312cd0d0d5fecac2d2b5b5a5cebbd2bdc1c60a', 'hex');
    const text = new TextDecoder('gbk').decode(gbk);
    expect(text.split('\n')[1]).toBe('21011,行政事业单位医疗');
    const cat = await loadCodeFile(await write('gbk.csv', gbk));
    expect(cat.get('func', '210')?.name).toBe('卫生健康支出');
    expect(cat.get('func', '21011')?.name).toBe('行政事业单位医疗');
  });
});

describe('loadCodeFile: xlsx', () => {
  async function writeXlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const p = path.join(dir, name);
    await wb.xlsx.writeFile(p);
    return p;
  }

  it('finds the sheet with 编码/名称 headers, reads numeric codes, replaces the covered schemes', async () => {
    const p = await writeXlsx('科目表.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['本表为 2024 年科目']);
      const ws = wb.addWorksheet('科目');
      ws.addRow(['2024年支出经济分类科目']);
      ws.addRow(['科目编码', '科目名称']);
      ws.addRow([302, '商品和服务支出']);
      ws.addRow([30201, '办公费']);
      ws.addRow([30228, '工会经费']);
      ws.addRow(['50502', '商品和服务支出']);
    });
    const cat = await loadCodeFile(p, { mode: 'replace' });
    expect(cat.complete).toEqual({ func: false, dept_econ: true, gov_econ: true });
    expect(cat.get('dept_econ', '30201')?.name).toBe('办公费');
    expect(cat.get('dept_econ', '30101')).toBeUndefined();
    expect(cat.get('gov_econ', '50501')).toBeUndefined();
    expect(cat.get('func', '2080109')?.name).toBe('社会保险经办机构');
  });

  it('names the sheet and row of a bad row', async () => {
    const p = await writeXlsx('bad.xlsx', (wb) => {
      const ws = wb.addWorksheet('功能科目');
      ws.addRow(['编码', '名称']);
      ws.addRow([208, '社会保障和就业支出']);
      ws.addRow([20801, '']);
      ws.addRow([123456, '未知']);
    });
    const err = (await loadCodeFile(p).catch((e) => e)) as CodeFileError;
    expect(err).toBeInstanceOf(CodeFileError);
    expect(err.message).toContain('文件“bad.xlsx”工作表“功能科目”有 2 处问题');
    expect(err.message).toContain('第 3 行：编码 20801 没有名称。');
    expect(err.message).toContain('第 4 行：无法从编码“123456”判断科目类别');
  });
});
