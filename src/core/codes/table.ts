/**
 * A 科目表 given as a table of strings (a CSV, or a sheet read by ExcelJS in Node or in the
 * browser) → UserCodeRow[]: finds the 编码 / 名称 (/ 类别) header among the first rows, or takes
 * columns A, B (, C). Pure, so the command line and the add-in read a user's list the same way.
 */
import { UserCodeRow } from './user';

export const CODE_HEADER = /^(code|编码|代码|科目编码|科目代码|功能科目编码|经济科目编码|科目编号)$/i;
export const NAME_HEADER = /^(name|名称|科目名称|功能科目名称|经济科目名称)$/i;
export const SCHEME_HEADER = /^(scheme|类别|科目类别|分类|类型|科目类型|体系)$/i;

const clean = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

export interface CodeTableHeader {
  code: number;
  name: number;
  scheme?: number;
}

/** The header among the first 10 rows: a 编码 column and a 名称 column. */
export function findCodeHeader(rows: string[][]): { header: CodeTableHeader; at: number } | undefined {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const cells = (rows[i] ?? []).map((c) => clean(c ?? ''));
    const code = cells.findIndex((c) => CODE_HEADER.test(c));
    const name = cells.findIndex((c) => NAME_HEADER.test(c));
    if (code >= 0 && name >= 0) {
      const scheme = cells.findIndex((c) => SCHEME_HEADER.test(c));
      return { header: { code, name, scheme: scheme >= 0 ? scheme : undefined }, at: i };
    }
  }
  return undefined;
}

/** Table rows → UserCodeRow[], skipping the header and blank rows. `lineOf(i)` is the row's number in the file. */
export function codeRowsFromTable(rows: string[][], lineOf: (i: number) => number = (i) => i + 1): UserCodeRow[] {
  const found = findCodeHeader(rows);
  const h: CodeTableHeader = found?.header ?? { code: 0, name: 1, scheme: 2 };
  const start = found ? found.at + 1 : 0;
  const out: UserCodeRow[] = [];
  for (let i = start; i < rows.length; i++) {
    const r = rows[i];
    if (!r || r.every((c) => !c || !c.trim())) continue;
    let code = (r[h.code] ?? '').trim();
    let name = (r[h.name] ?? '').trim();
    // "2080109 社会保险经办机构" in one cell, as some exports print it.
    const joined = /^(\d{3,7})[\s\u3000]+(.+)$/.exec(code);
    if (joined && !name) [code, name] = [joined[1], joined[2].trim()];
    out.push({ line: lineOf(i), code, name, scheme: h.scheme !== undefined ? r[h.scheme] : undefined });
  }
  return out;
}
