/**
 * Task pane entry. The ribbon functions are registered by the commands bundle (commands/index.ts),
 * which taskpane.html loads first; both use the runtime's one session (src/excel/session.ts).
 * Office calls live in src/excel, the components only render.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { sharedApi } from '../src/excel/session';
import { BASE_API } from '../src/excel/host';
import { App } from './components/App';

declare global {
  interface Window {
    /** Set by the ES5 boot script in taskpane.html; called once the pane has rendered. */
    __budgetCheckStarted?: () => void;
    __budgetCheckFail?: (title: string, detail: string) => void;
    /** Set by boot.js when this browser lacks what the bundle needs: its message stays. */
    __budgetCheckCannotRun?: boolean;
  }
}

Office.onReady((info) => {
  const root = document.getElementById('root');
  if (!root || window.__budgetCheckCannotRun) return;
  if (!info.host) {
    window.__budgetCheckFail?.('请在 Excel 中打开', '这是预算公开校验助手的任务窗格，需要在 Excel 中通过“开始 → 预算公开 → 校验面板”打开。');
    return;
  }
  if (!Office.context.requirements.isSetSupported(BASE_API.name, BASE_API.version)) {
    window.__budgetCheckFail?.(
      '需要更新 Office',
      `此版本的 Excel 不支持本加载项所需的 ${BASE_API.name} ${BASE_API.version}。请使用 Excel 2019 及以上版本、Microsoft 365、Excel 网页版或 Mac 版 Excel，并安装最新更新。`,
    );
    return;
  }
  const api = sharedApi();
  createRoot(root).render(<App api={api} />);
  window.__budgetCheckStarted?.();
  // A check the ribbon ran in another runtime (no shared runtime) or before the file was reopened.
  void api.refreshSaved();
  window.addEventListener('focus', () => void api.refreshSaved());
});
