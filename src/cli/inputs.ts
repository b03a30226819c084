/**
 * Expands the command line's files and folders into entries: each workbook to check, and each
 * other entry of a folder with the reason it is skipped, so a reviewer sees every file of a
 * folder accounted for. Folders are searched recursively. A file named on the command line is
 * always checked, whatever its extension: the reader decides the format by the bytes.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface InputEntry {
  file: string;
  /** Set when the entry is not checked: why, in Chinese. */
  skip?: string;
}

export interface InputList {
  /** Every entry in a stable order: each argument in turn, folders sorted by name. */
  entries: InputEntry[];
  /** The entries to check (entries without `skip`), in the same order. */
  files: string[];
}

/** Extensions checked in folders (the bytes decide the format: a renamed .xls is still read). */
const WORKBOOK = /\.(xlsx|xlsm|xls|et)$/i;

/** Why a folder entry that is not a workbook is skipped. */
function notWorkbookReason(name: string): string {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.csv') return 'CSV 文本文件，不是工作簿（如需检查，请在 Excel 中另存为 .xlsx）';
  if (ext === '.xltx' || ext === '.xltm') return 'Excel 模板文件，不是报表';
  if (ext === '.docx' || ext === '.doc' || ext === '.wps') return 'Word/WPS 文字文档，不是工作簿（说明文字请用 --narrative 检查）';
  if (ext === '.pdf') return 'PDF 文件，不是工作簿';
  if (ext === '') return '没有扩展名，不是工作簿';
  return `不是工作簿（${ext} 文件）`;
}

const LOCK = 'Excel/WPS 打开工作簿时生成的临时锁定文件（~$ 开头），不是报表';

async function walk(dir: string, out: InputEntry[], seenDirs: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch {
    real = path.resolve(dir);
  }
  if (seenDirs.has(real)) {
    out.push({ file: dir, skip: '文件夹已检查过（链接指向同一个文件夹）' });
    return;
  }
  seenDirs.add(real);
  let entries: import('fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    out.push({ file: dir, skip: `无法读取文件夹${code === 'EACCES' || code === 'EPERM' ? '（没有权限）' : ''}，其中的文件未列出` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = await fs.stat(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        out.push({ file: full, skip: '链接（快捷方式）指向的文件不存在' });
        continue;
      }
    }
    if (isDir) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) {
        out.push({ file: full, skip: '隐藏文件夹或程序文件夹，未进入' });
        continue;
      }
      await walk(full, out, seenDirs);
    } else if (!isFile) {
      out.push({ file: full, skip: '不是普通文件' });
    } else if (e.name.startsWith('~$')) {
      out.push({ file: full, skip: LOCK });
    } else if (e.name.startsWith('.')) {
      out.push({ file: full, skip: '隐藏文件，不是报表' });
    } else if (WORKBOOK.test(e.name)) {
      out.push({ file: full });
    } else {
      out.push({ file: full, skip: notWorkbookReason(e.name) });
    }
  }
}

export async function collectInputs(args: string[]): Promise<InputList> {
  const entries: InputEntry[] = [];
  const seen = new Set<string>();
  const seenDirs = new Set<string>();
  for (const arg of args) {
    let st: import('fs').Stats;
    try {
      st = await fs.stat(arg);
    } catch {
      // Not there (or a dangling link): the reader reports it as unreadable, naming it.
      entries.push({ file: arg });
      continue;
    }
    const found: InputEntry[] = [];
    if (st.isDirectory()) await walk(arg, found, seenDirs);
    else found.push({ file: arg }); // a file named explicitly is checked whatever its extension
    for (const f of found) {
      const key = path.resolve(f.file);
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(f);
    }
  }
  return { entries, files: entries.filter((e) => !e.skip).map((e) => e.file) };
}
