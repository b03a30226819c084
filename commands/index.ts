/**
 * The commands bundle: the first script of taskpane.html after office.js. It registers the ribbon
 * functions at the top level, synchronously, before anything else loads — a click on a cold
 * add-in (OfficeDev/office-js #5176, #3378, #2744) finds them registered as soon as this small
 * file has run. The engine and the Excel adapter are loaded on the first command (a separate
 * chunk shared with the pane, so in the shared runtime both use one session).
 */
import { registerCommands } from './commands';
import { OfficeLike, officeCommandDeps } from './deps';
import type { WorkbookApi } from '../src/excel/api';

const loadApi = (): Promise<WorkbookApi> => import(/* webpackChunkName: "session" */ '../src/excel/session').then((m) => m.sharedApi());

registerCommands(officeCommandDeps(Office as unknown as OfficeLike, loadApi, () => location.href));

Office.onReady(() => undefined);
