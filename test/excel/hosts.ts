/**
 * The main flow under every host profile (test/excel/hostProfiles.ts), over the 陕西 seed-000
 * workbook with the real engine: open the pane, 检查本工作簿 from the ribbon, click each finding,
 * 写入公开说明, 清除标记, re-check. The fake Excel throws ApiNotFound on any API above the profile
 * (as Excel does) and records it: a run fails when code called such an API without checking.
 *
 * `npm run test:hosts` prints one line per profile; test/excel/hosts.test.ts runs the same and
 * asserts (so `npm test` covers it).
 */
import { checkGrid } from '../../src/core/engine';
import { generateNarrative } from '../../src/core/narrative';
import { createWorkbookApi } from '../../src/excel/api';
import { BASE_API } from '../../src/excel/host';
import { NARRATIVE_SHEET } from '../../src/excel/narrative';
import { checkWorkbookCommand, clearMarksCommand } from '../../commands/commands';
import { officeCommandDeps } from '../../commands/deps';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { FakeExcel } from './fakeExcel';
import { HOST_PROFILES, HostProfile } from './hostProfiles';
import { fakeAndFileGrid } from './helpers';

export interface HostRun {
  profile: HostProfile;
  line: string;
  /** Empty when the flow passed. */
  failures: string[];
  installable: boolean;
}

const ok = (b: boolean) => (b ? '✓' : '✗');

function supports(sets: Record<string, string>, name: string, version: string): boolean {
  const have = sets[name];
  if (!have) return false;
  const [a, b] = have.split('.').map(Number);
  const [c, d] = version.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** The workbook as the user sees it, without the sheets the add-in owns by design (公开说明 stays). */
function userView(fake: FakeExcel): string {
  const mine = (k: string) => !k.startsWith(`${NARRATIVE_SHEET}!`);
  const pick = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([k]) => mine(k)));
  return JSON.stringify({
    fills: pick(fake.fills()),
    contents: pick(fake.contents()),
    sheets: fake.model.sheets.filter((s) => s.name !== NARRATIVE_SHEET).map((s) => [s.name, s.notes]),
  });
}

let cachedModel: string | undefined;
async function seedModel(): Promise<string> {
  if (!cachedModel) cachedModel = JSON.stringify((await fakeAndFileGrid(buildShaanxi000('published'), '子洲县工伤保险经办中心-2024单位预算公开.xlsx')).fake.model);
  return cachedModel;
}

export interface RunHostOptions {
  /** Make the adapter believe every requirement set is supported (proves the fake catches unchecked calls). */
  claimAll?: boolean;
}

export async function runHost(profile: HostProfile, opts: RunHostOptions = {}): Promise<HostRun> {
  const label = `${profile.name} (ExcelApi ${profile.sets.ExcelApi})`;
  if (!supports(profile.sets, BASE_API.name, BASE_API.version)) {
    return {
      profile,
      installable: false,
      failures: [],
      line: `${label}: 安装 —(清单要求 ${BASE_API.name} ${BASE_API.version}，此版本不列出本加载项)`,
    };
  }
  const failures: string[] = [];
  const fake = new FakeExcel(JSON.parse(await seedModel()), { sets: profile.sets });
  const before = userView(fake);
  const real = fake.host();
  const host = opts.claimAll ? { run: real.run, isSetSupported: () => true } : real;
  const calls: string[] = [];
  const office = {
    context: {
      requirements: { isSetSupported: (n: string, v?: string) => fake.isSetSupported(n, v ?? '1.1') },
      ui: { displayDialogAsync: (_u: string, _o: unknown, cb?: (r: unknown) => void) => (calls.push('dialog'), cb?.({})) },
    },
    addin: {
      showAsTaskpane: async () => void (fake.requireSet('SharedRuntime', '1.1', 'Office.addin.showAsTaskpane'), calls.push('showPane')),
      setStartupBehavior: async (b: unknown) => void (fake.requireSet('SharedRuntime', '1.1', 'Office.addin.setStartupBehavior'), calls.push(`startup:${b}`)),
    },
    StartupBehavior: { load: 'load', none: 'none' },
  };
  const shared = fake.isSetSupported('SharedRuntime', '1.1');
  // Without a shared runtime the ribbon's function file and the pane are two runtimes: two sessions over one workbook.
  const paneApi = createWorkbookApi(host, checkGrid);
  const ribbonApi = shared ? paneApi : createWorkbookApi(host, checkGrid);
  const deps = officeCommandDeps(office, async () => ribbonApi, () => 'https://localhost:3000/taskpane.html');
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message}`);
      return undefined;
    }
  };
  const event = () => {
    let done = 0;
    return { completed: () => void done++, get done() { return done; } };
  };

  // open the pane (before any check: it reads what is saved in the workbook)
  await step('打开面板', () => paneApi.refreshSaved());

  // 检查本工作簿 from the ribbon (iPad: no ribbon, from the pane)
  let checked = false;
  let notes = 0;
  let findings = 0;
  if (profile.ribbon) {
    const ev = event();
    await step('功能区检查', () => checkWorkbookCommand(deps, ev));
    const out = ribbonApi.state().outcome;
    checked = ev.done === 1 && !!out && !ribbonApi.state().error && fake.model.activeSheet === '校验结果';
    if (ribbonApi.state().error) failures.push(`功能区检查: ${ribbonApi.state().error}`);
    notes = out?.marks.notes ?? 0;
    findings = out?.result.findings.length ?? 0;
    if (shared && !calls.includes('startup:load')) failures.push('共享运行时下没有设置随工作簿加载');
  }
  // the pane: in a separate runtime it learns of the ribbon's check from the workbook, then checks itself
  await step('面板读取记录', () => paneApi.refreshSaved());
  if (profile.ribbon && !shared && paneApi.state().saved?.summary?.counts.error === undefined) failures.push('面板看不到功能区检查的结果');
  const paneOut = await step('面板检查', () => paneApi.check());
  if (!profile.ribbon) {
    checked = !!paneOut;
    notes = paneOut?.marks.notes ?? 0;
    findings = paneOut?.result.findings.length ?? 0;
  }
  if (paneOut && findings && paneOut.result.findings.length !== findings) failures.push('面板与功能区的检查结果不同');

  // click each finding
  let single = false;
  let located = 0;
  for (const f of paneOut?.result.findings ?? []) {
    const sel = await step('定位', () => paneApi.select(f.cells));
    if (paneApi.state().error) {
      failures.push(`定位 ${f.cells[0]}: ${paneApi.state().error}`);
      break;
    }
    if (sel?.firstOf) single = true;
    if (sel && fake.model.selection?.sheet === f.cells[0].replace(/!.*$/, '')) located++;
  }
  const locatedAll = !!paneOut && located === paneOut.result.findings.filter((f) => f.cells.length).length;

  // 写入公开说明
  const written = paneOut?.result.disclosure ? await step('写入公开说明', () => paneApi.writeNarrative(generateNarrative(paneOut.result.disclosure!))) : undefined;
  const narrativeOk = !!written && !!fake.sheet(NARRATIVE_SHEET);

  // 清除标记 (ribbon where there is one)
  if (profile.ribbon) {
    const ev = event();
    await step('功能区清除', () => clearMarksCommand(deps, ev));
  } else await step('清除', () => paneApi.clearMarks());
  // a pane in another runtime learns that its list no longer matches the workbook
  if (profile.ribbon && !shared) {
    await step('面板读取记录', () => paneApi.refreshSaved());
    const st = paneApi.state();
    if (!(st.outcome && st.savedRead && !st.saved)) failures.push('另一运行时清除标记后，面板不知道清单已过时');
  }
  const clearedOk = userView(fake) === before && !fake.sheet('校验结果') && !fake.model.customXml?.some((p) => p.xml.includes('budgetCheckMarks'));
  if (!clearedOk) failures.push('清除标记后工作簿与检查前不同');

  // re-check, then clear again
  const again = await step('复查', () => paneApi.check());
  // the same table findings as the first check (the written 公开说明 is now checked too: its 提示 are extra)
  const tableFindings = (r: typeof paneOut) => JSON.stringify((r?.result.findings ?? []).filter((f) => !f.rule.startsWith('narrative.')).map((f) => [f.rule, f.cells]));
  const recheckOk = !!again && !!paneOut && tableFindings(again) === tableFindings(paneOut);
  if (!recheckOk) failures.push('复查结果与第一次检查不同');
  await step('再次清除', () => paneApi.clearMarks());
  if (userView(fake) !== before) failures.push('复查后清除标记，工作簿与检查前不同');

  for (const v of new Set(fake.violations)) failures.push(`调用了超出此版本的 API：${v}`);
  if (!checked) failures.push('检查未完成');
  if (!locatedAll) failures.push('定位未完成');

  const parts = [
    `检查 ${ok(checked)}${profile.ribbon ? '' : '(面板，无功能区)'}`,
    `定位 ${ok(locatedAll)}${single ? '(单区域)' : ''}`,
    `批注 ${notes > 0 ? '✓' : '—(无)'}`,
    `说明 ${ok(narrativeOk)}`,
    `清除 ${ok(clearedOk)}`,
    `复查 ${ok(recheckOk)}`,
    `运行时 ${!profile.ribbon ? '仅面板' : shared ? '共享' : '分开(经工作簿传递)'}`,
  ];
  return { profile, installable: true, failures, line: `${label}: ${parts.join(' ')}` };
}

export async function runAllHosts(): Promise<HostRun[]> {
  const out: HostRun[] = [];
  for (const p of HOST_PROFILES) out.push(await runHost(p));
  return out;
}

if (require.main === module) {
  runAllHosts().then(
    (runs) => {
      for (const r of runs) {
        console.log(r.line);
        for (const f of r.failures) console.log(`    ✗ ${f}`);
      }
      const bad = runs.filter((r) => r.failures.length);
      if (bad.length) {
        console.log(`\n${bad.length} 个版本未通过。`);
        process.exit(1);
      }
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
