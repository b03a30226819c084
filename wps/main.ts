/**
 * main.js of the WPS 加载项: WPS opens the add-in's index.html (hidden), which loads this file;
 * WPS then reads ribbon.xml and calls `ribbon.OnAddinLoad`, `ribbon.OnAction`, `ribbon.GetImage`.
 * `window.ribbon` is set synchronously at the top level, before WPS parses the ribbon.
 */
import { createRibbon } from '../src/wps/ribbon';
import { wpsGlobal } from '../src/wps/host';
import { wpsSession } from '../src/wps/session';

const here = () => (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const scriptUrl = here();

(window as unknown as { ribbon: unknown }).ribbon = createRibbon({
  api: wpsSession,
  wps: () => wpsGlobal(),
  paneUrl: () => new URL('taskpane.html', scriptUrl).toString(),
  alert: (text) => window.alert(text),
});
