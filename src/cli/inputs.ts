/**
 * Expands the command line's files and folders into the list of workbooks to check.
 * Folders are searched recursively for .xlsx (and .xls, which the reader then reports as
 * unreadable with its own Chinese message); Excel's "~$" lock files are skipped.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface InputList {
  /**
   * Workbook files in a stable order: each argument in turn, folders sorted by path. An argument
   * that does not exist stays in the list so the reader reports it (文件不存在) like any unreadable file.
   */
  files: string[];
}

const WORKBOOK = /\.(xlsx|xls)$/i;

function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries: import('fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder is skipped; its files cannot be listed
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      await walk(full, out);
    } else if (e.isFile() && WORKBOOK.test(e.name) && !isLockFile(e.name)) {
      out.push(full);
    }
  }
}

export async function collectInputs(args: string[]): Promise<InputList> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    let st: import('fs').Stats;
    try {
      st = await fs.stat(arg);
    } catch {
      files.push(arg);
      continue;
    }
    const found: string[] = [];
    if (st.isDirectory()) await walk(arg, found);
    else found.push(arg); // a file named explicitly is checked whatever its extension
    for (const f of found) {
      const key = path.resolve(f);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(f);
    }
  }
  return { files };
}
