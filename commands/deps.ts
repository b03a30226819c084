/**
 * What the ribbon commands need from Office, each behind its requirement set: the pane
 * (Office.addin.showAsTaskpane) and the startup behaviour (setStartupBehavior) only in the shared
 * runtime (SharedRuntime 1.1); a message dialog (DialogApi 1.1) where the pane cannot be shown.
 * Takes the Office object as a parameter so the host-profile runs (test/excel/hosts.ts) pass a
 * fake one per host.
 */
import type { WorkbookApi } from '../src/excel/api';
import type { CommandDeps } from './commands';

/** The part of the Office global used here. */
export interface OfficeLike {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    ui?: { displayDialogAsync(url: string, options: unknown, callback?: (r: unknown) => void): void };
  };
  addin?: { showAsTaskpane(): Promise<void>; setStartupBehavior(b: unknown): Promise<void> };
  StartupBehavior?: { load: unknown; none: unknown };
}

export function officeCommandDeps(office: OfficeLike, api: () => Promise<WorkbookApi>, pageUrl: () => string): CommandDeps {
  const shared = () => office.context.requirements.isSetSupported('SharedRuntime', '1.1');
  return {
    api,
    showPane: () => (shared() ? office.addin!.showAsTaskpane() : undefined),
    startup: (load) => (shared() ? office.addin!.setStartupBehavior(load ? office.StartupBehavior!.load : office.StartupBehavior!.none) : undefined),
    showMessage: (text) =>
      new Promise<void>((resolve) => {
        if (!office.context.requirements.isSetSupported('DialogApi', '1.1') || !office.context.ui) return resolve();
        try {
          const url = new URL('message.html', pageUrl());
          url.searchParams.set('m', text);
          office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30, displayInIframe: true }, () => resolve());
        } catch {
          resolve();
        }
      }),
  };
}
