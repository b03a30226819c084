/**
 * The real workbooks kept in the repository (the shipped examples and the corpus workbooks of
 * other provinces), for tests that must hold on every one of them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const WORKBOOK_DIRS = ['examples', 'test/corpus/jiangsu', 'test/corpus/real'];

/** Absolute paths of the repository's workbooks whose names match `pattern` (.xlsx by default). */
export function repositoryWorkbooks(pattern: RegExp = /\.xlsx$/): string[] {
  const root = path.join(__dirname, '..', '..');
  const out: string[] = [];
  for (const dir of WORKBOOK_DIRS) {
    const d = path.join(root, dir);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d)) if (pattern.test(f)) out.push(path.join(d, f));
  }
  return out;
}

/**
 * An .xlsx rewritten with line ends as Excel writes them: CR LF after the XML declaration of every
 * part (a declaration added where there was none). The repository's workbooks were written by
 * ExcelJS and openpyxl, which write LF only. `edit` may change a part's text further.
 */
export function withExcelLineEnds(xlsx: Uint8Array, edit: (part: string, xml: string) => string = (_p, x) => x): Uint8Array {
  const parts = unzipSync(xlsx);
  for (const p in parts) {
    if (!/\.(xml|rels)$/.test(p)) continue;
    const xml = strFromU8(parts[p]);
    const crlf = xml.startsWith('<?xml') ? xml.replace(/^(<\?xml[^>]*\?>)\n?/, '$1\r\n') : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${xml}`;
    parts[p] = strToU8(edit(p, crlf));
  }
  return zipSync(parts);
}
