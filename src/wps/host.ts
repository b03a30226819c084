/**
 * The one place that reads WPS's globals. In a WPS 加载项 page (the hidden ribbon page and the
 * task pane alike) the ET object model is `window.Application`; `wps.EtApplication()` is the
 * documented accessor for 表格. Tests pass a fake instead (test/wps/fakeWps.ts).
 */
import type { WpsApplication } from './model';

/** The part of the `wps` global the ribbon uses (WPS 加载项 API: CreateTaskPane, GetTaskPane, PluginStorage). */
export interface WpsGlobal {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: string): WpsTaskPane | null | undefined;
  PluginStorage: { getItem(key: string): string | null | undefined; setItem(key: string, value: string): void };
  EtApplication?: () => WpsApplication;
  ribbonUI?: { Invalidate(): void };
}

export interface WpsTaskPane {
  ID: string;
  Visible: boolean;
  DockPosition?: number;
  Width?: number;
}

type Globals = { Application?: WpsApplication; wps?: WpsGlobal };

export function wpsApplication(g: Globals = globalThis as Globals): WpsApplication {
  const app = g.Application ?? g.wps?.EtApplication?.();
  if (!app) throw new Error('未在 WPS 表格中运行：找不到 WPS 的 Application 对象。');
  return app;
}

export function wpsGlobal(g: Globals = globalThis as Globals): WpsGlobal | undefined {
  return g.wps;
}

/** True when this page runs inside WPS 表格 (the object model is there). */
export function inWps(g: Globals = globalThis as Globals): boolean {
  try {
    wpsApplication(g);
    return true;
  } catch {
    return false;
  }
}
