/**
 * The ribbon callbacks of wps/ribbon.xml (CustomUI: onLoad="ribbon.OnAddinLoad",
 * onAction="ribbon.OnAction", getImage="ribbon.GetImage"), set on `window.ribbon` by wps/main.ts.
 * The buttons run the same commands as Excel's ribbon (commands/commands.ts): 检查本工作簿 (full
 * check, marks, 校验结果 activated), 校验面板 (shows or hides the task pane), 清除标记.
 * Errors are shown with the page's alert (the ribbon page has no pane of its own).
 */
import type { WorkbookApi } from '../excel/api';
import type { WpsGlobal } from './host';

export const TASKPANE_ID_KEY = 'budgetCheck.taskpaneId';
/** msoCTPDockPositionRight */
const DOCK_RIGHT = 2;

export interface RibbonDeps {
  api: () => WorkbookApi;
  wps: () => WpsGlobal | undefined;
  /** The task pane page's address (next to main.js). */
  paneUrl: () => string;
  alert: (text: string) => void;
}

export interface RibbonControl {
  Id: string;
}

export const BUTTONS = {
  btnCheckWorkbook: { label: '检查本工作簿', image: 'images/icon-32.png' },
  btnShowPane: { label: '校验面板', image: 'images/icon-32.png' },
  btnClearMarks: { label: '清除标记', image: 'images/icon-32.png' },
} as const;

export function createRibbon(deps: RibbonDeps) {
  const failed = (e: unknown, fallback: string) => deps.alert(deps.api().state().error ?? `${fallback}：${(e as Error)?.message ?? String(e)}`);
  const showPane = () => {
    const wps = deps.wps();
    if (!wps) throw new Error('找不到 WPS 加载项接口（wps），无法打开任务窗格。');
    const id = wps.PluginStorage.getItem(TASKPANE_ID_KEY);
    const existing = id ? wps.GetTaskPane(id) : undefined;
    if (existing) {
      existing.Visible = !existing.Visible;
      return existing;
    }
    const pane = wps.CreateTaskPane(deps.paneUrl(), '预算公开校验助手');
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
    wps.PluginStorage.setItem(TASKPANE_ID_KEY, String(pane.ID));
    return pane;
  };
  return {
    OnAddinLoad(ribbonUI: { Invalidate(): void }) {
      const wps = deps.wps();
      if (wps && ribbonUI) wps.ribbonUI = ribbonUI;
      return true;
    },
    /** Resolves when the command has finished (WPS ignores the promise; tests await it). */
    async OnAction(control: RibbonControl): Promise<void> {
      switch (control.Id) {
        case 'btnCheckWorkbook':
          try {
            await deps.api().check({ activateResults: true });
          } catch (e) {
            failed(e, '检查失败');
          }
          return;
        case 'btnShowPane':
          try {
            showPane();
          } catch (e) {
            deps.alert(`打开校验面板失败：${(e as Error)?.message ?? String(e)}`);
          }
          return;
        case 'btnClearMarks':
          try {
            await deps.api().clearMarks();
          } catch (e) {
            failed(e, '清除标记失败');
          }
          return;
      }
    },
    GetImage(control: RibbonControl): string {
      return BUTTONS[control.Id as keyof typeof BUTTONS]?.image ?? 'images/icon-32.png';
    },
    OnGetEnabled(): boolean {
      return true;
    },
  };
}
