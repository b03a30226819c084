/**
 * Task pane entry. In the shared runtime this page also hosts the ribbon commands, so both are
 * wired to one WorkbookApi here: Office calls live in src/excel, the components only render.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { checkGrid } from '../src/core/engine';
import { createWorkbookApi } from '../src/excel/api';
import { officeHost } from '../src/excel/host';
import { registerCommands } from '../commands/commands';
import { App } from './components/App';

Office.onReady(() => {
  const api = createWorkbookApi(officeHost(), (grid) => checkGrid(grid));
  registerCommands({ api, showPane: () => Office.addin.showAsTaskpane() });
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App api={api} />);
});
