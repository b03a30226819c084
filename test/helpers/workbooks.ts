/**
 * The real workbooks kept in the repository (the shipped examples and the corpus workbooks of
 * other provinces), for tests that must hold on every one of them.
 */
import * as fs from 'fs';
import * as path from 'path';

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
