/**
 * The task pane page in WPS: the same React pane as in Excel (taskpane/components/App), given the
 * WPS host's WorkbookApi (src/wps/api.ts) instead of Excel's. No office.js is loaded.
 * The ribbon runs its checks in another page: the pane reads the saved record when it opens and
 * whenever it regains focus.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/components/App';
import { inWps } from '../src/wps/host';
import { wpsSession } from '../src/wps/session';

const root = document.getElementById('root');
if (root) {
  if (!inWps()) {
    root.innerHTML =
      '<div id="boot-message"><h2>请在 WPS 表格中打开</h2><p>这是预算公开校验助手的 WPS 任务窗格，需要在 WPS 表格中通过“预算公开 → 校验面板”打开。</p></div>';
  } else {
    const api = wpsSession();
    createRoot(root).render(<App api={api} />);
    void api.refreshSaved();
    window.addEventListener('focus', () => void api.refreshSaved());
  }
}
