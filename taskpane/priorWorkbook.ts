/**
 * Last year's workbook, picked by the user in the 说明 tab and read entirely in the browser: the
 * File's bytes go to ExcelJS's browser build, which webpack emits as a separate chunk loaded only
 * when a file is picked (dynamic import), so the task pane's main bundle does not carry it. No
 * upload, no network beyond that chunk from the add-in's own origin.
 *
 * The state lives here (not in a component) so it survives switching between the 检查 and 说明
 * tabs; components read it with usePriorWorkbook().
 */
import * as React from 'react';
import type { WorkbookClass } from '../src/file/grid-from-exceljs';
import { PriorWorkbook, priorFromBytes, priorReadMessage } from '../src/excel/prior';

export type PriorState =
  | { status: 'none' }
  | { status: 'loading'; file: string }
  | { status: 'loaded'; prior: PriorWorkbook }
  | { status: 'error'; file: string; message: string };

/** Budget workbooks are a few hundred KB; anything this big is not one (and would stall the pane). */
export const MAX_PRIOR_BYTES = 50 * 1024 * 1024;

let state: PriorState = { status: 'none' };
let generation = 0;
const listeners = new Set<() => void>();

function set(next: PriorState): void {
  state = next;
  for (const l of listeners) l();
}

export function priorState(): PriorState {
  return state;
}

export function subscribePrior(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePriorWorkbook(): PriorState {
  return React.useSyncExternalStore(subscribePrior, priorState, priorState);
}

/** ExcelJS's browser build, fetched as its own chunk on first use. */
export async function loadExcelJS(): Promise<WorkbookClass> {
  const mod = await import(/* webpackChunkName: "exceljs" */ 'exceljs/dist/exceljs.min.js');
  const lib = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  return lib.Workbook;
}

/** Reads the picked file; a later pick or 清除 while reading wins. */
export async function loadPriorFile(file: File): Promise<void> {
  const my = ++generation;
  const name = file.name;
  set({ status: 'loading', file: name });
  let next: PriorState;
  try {
    if (file.size > MAX_PRIOR_BYTES) {
      throw new Error(`文件有 ${(file.size / 1024 / 1024).toFixed(1)} MB，不像预算公开工作簿（通常不到 5 MB）。`);
    }
    const [Workbook, buf] = await Promise.all([
      loadExcelJS().catch((e: unknown) => {
        throw new Error(`读取组件加载失败（${e instanceof Error ? e.message : String(e)}），请重新打开任务窗格后再试。`);
      }),
      file.arrayBuffer(),
    ]);
    // Let the pane paint 正在读取 before the synchronous check.
    await new Promise((r) => setTimeout(r, 0));
    next = { status: 'loaded', prior: await priorFromBytes(new Uint8Array(buf), name, Workbook) };
  } catch (e) {
    next = { status: 'error', file: name, message: priorReadMessage(e, name) };
  }
  if (my === generation) set(next);
}

export function clearPrior(): void {
  generation++;
  set({ status: 'none' });
}
