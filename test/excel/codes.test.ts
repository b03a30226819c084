/**
 * 导入本地科目表 in the add-in: the same reading as the CLI's --codes (src/file/codes.ts), kept in
 * the workbook (a custom XML part), used by the next 检查 in this runtime and in another one
 * (the ribbon's, where there is no shared runtime), and removable.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkGrid } from '../../src/core/engine';
import { createWorkbookApi } from '../../src/excel/api';
import { CODES_NAMESPACE, CodeFileError, codesFromCsv, codesFromGrid } from '../../src/excel/codes';
import { loadCodeFile } from '../../src/file/codes';
import { gridFromWorkbook } from '../../src/file/read';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { fakeAndFileGrid } from './helpers';

// 2080505 under another name: with the user's list (extend: the file's name wins) the workbook's
// 机关事业单位基本养老保险缴费支出 rows no longer match their code's name.
const CSV = ['编码,名称,类别', '2080505,测试用的另一个名称,功能', '2080208,基层政权建设和社区治理,功能'].join('\n');

async function tmp(name: string, text: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'codes-'));
  const p = path.join(dir, name);
  await fs.writeFile(p, text, 'utf8');
  return p;
}

describe('导入本地科目表', () => {
  test('a .csv gives the same catalogue as the CLI’s --codes; the check then gives what the CLI gives', async () => {
    const { fake, fileGrid } = await fakeAndFileGrid(buildShaanxi000('published'), '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    const cli = await loadCodeFile(await tmp('科目表.csv', CSV), { mode: 'extend' });
    const pane = codesFromCsv('科目表.csv', CSV);
    for (const [scheme, code] of [['func', '2080505'], ['func', '2080208'], ['func', '20805'], ['gov_econ', '50501']] as const) {
      expect(pane.catalogue.get(scheme, code)).toEqual(cli.get(scheme, code));
    }
    const api = createWorkbookApi(fake.host(), checkGrid);
    const without = (await api.check()).result.findings;
    await api.setCodes(pane);
    expect(fake.model.customXml?.filter((p) => p.xml.includes(CODES_NAMESPACE))).toHaveLength(1);
    const withCodes = (await api.check()).result.findings;
    const viaCli = checkGrid(fileGrid, { codes: cli }).findings;
    expect(withCodes.map((f) => [f.rule, f.cells])).toEqual(viaCli.map((f) => [f.rule, f.cells]));
    expect(withCodes.map((f) => f.rule)).not.toEqual(without.map((f) => f.rule)); // the list made a difference

    // another runtime over the same workbook (the ribbon without a shared runtime) uses it too
    const other = createWorkbookApi(fake.host(), checkGrid);
    expect((await other.check()).result.findings.map((f) => [f.rule, f.cells])).toEqual(viaCli.map((f) => [f.rule, f.cells]));
    expect(other.state().codes?.label).toBe('科目表.csv');

    // removed: back to the built-in list; 清除标记 does not touch the kept list
    await api.clearMarks();
    expect(fake.model.customXml?.some((p) => p.xml.includes(CODES_NAMESPACE))).toBe(true);
    await api.setCodes(undefined);
    expect(fake.model.customXml).toBeUndefined();
    expect((await api.check()).result.findings.map((f) => f.rule)).toEqual(without.map((f) => f.rule));
    await api.clearMarks();
  });

  test('an .xlsx read through the ExcelJS → Grid path, header found on its sheet; bad rows named in Chinese', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '本表为本地科目表';
    const ws = wb.addWorksheet('科目');
    ws.addRow(['科目编码', '科目名称', '类别']);
    ws.addRow(['2080505', '测试用的另一个名称', '功能']);
    ws.addRow([2080208, '基层政权建设和社区治理', '功能']);
    const codes = codesFromGrid('本地.xlsx', gridFromWorkbook(wb, '本地.xlsx').grid);
    expect(codes.where).toBe('文件“本地.xlsx”工作表“科目”');
    expect(codes.rows.map((r) => r.code)).toEqual(['2080505', '2080208']);
    expect(codes.catalogue.get('func', '2080505')?.name).toBe('测试用的另一个名称');
    const bad = (() => {
      try {
        codesFromCsv('坏.csv', ['code,name', '20801A,人力资源'].join('\n'));
      } catch (e) {
        return e as CodeFileError;
      }
    })();
    expect(bad).toBeInstanceOf(CodeFileError);
    expect(bad!.message).toMatch(/坏\.csv/);
  });
});
