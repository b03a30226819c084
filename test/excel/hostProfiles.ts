/**
 * The hosts of docs/addin.md's support matrix, as requirement sets (the highest version of each
 * set the host supports). Sources: Microsoft's requirement-set pages (Excel JavaScript API
 * requirement sets; Shared runtime requirement sets; Add-in commands requirement sets; Dialog API),
 * as of ExcelApi 1.20. "Microsoft 365 / retail perpetual" builds share one column there: Excel 2016
 * Click-to-Run (retail) gets the same sets as Microsoft 365 at the same build.
 */
export interface HostProfile {
  /** Printed at the head of the line. */
  name: string;
  sets: Record<string, string>;
  /** The add-in's ribbon buttons exist (AddinCommands 1.1 and a ribbon: not on iPad). */
  ribbon: boolean;
  note?: string;
}

const COMMON = { AddinCommands: '1.1', DialogApi: '1.1' };

export const HOST_PROFILES: HostProfile[] = [
  // Not a product: exactly the manifest's base requirement, to prove the add-in runs on it.
  { name: '最低要求（清单的 ExcelApi 1.5）', sets: { ExcelApi: '1.5', ...COMMON }, ribbon: true },
  { name: 'Excel 2016 MSI（批量许可）', sets: { ExcelApi: '1.1', ...COMMON }, ribbon: true, note: 'ExcelApi 1.1 only' },
  { name: 'Excel 2016 即点即用（2018 年 8 月版本 1808）', sets: { ExcelApi: '1.8', ...COMMON }, ribbon: true },
  // Microsoft's volume-licensed column lists ExcelApi 1.7 for Office 2019 and 1.8 only from Office
  // 2021, although Office 2019's build (16.0.10827) is later than 1.8's first build (10730): the
  // profile takes the lower figure.
  { name: 'Excel 2019（批量许可 1808）', sets: { ExcelApi: '1.7', ...COMMON }, ribbon: true },
  { name: 'Excel 2021（批量许可 2108）', sets: { ExcelApi: '1.14', SharedRuntime: '1.1', RibbonApi: '1.1', ...COMMON, DialogApi: '1.2' }, ribbon: true },
  { name: 'Excel 2024（LTSC 2408）', sets: { ExcelApi: '1.17', SharedRuntime: '1.2', RibbonApi: '1.1', ...COMMON, AddinCommands: '1.3', DialogApi: '1.2' }, ribbon: true },
  { name: 'Microsoft 365（2022 年 8 月版本 2208）', sets: { ExcelApi: '1.16', SharedRuntime: '1.2', RibbonApi: '1.1', ...COMMON, AddinCommands: '1.3', DialogApi: '1.2' }, ribbon: true },
  { name: 'Microsoft 365（当前版本）', sets: { ExcelApi: '1.20', SharedRuntime: '1.2', RibbonApi: '1.2', ...COMMON, AddinCommands: '1.3', DialogApi: '1.2' }, ribbon: true },
  { name: 'Excel 网页版', sets: { ExcelApi: '1.20', SharedRuntime: '1.2', RibbonApi: '1.2', ...COMMON, AddinCommands: '1.3', DialogApi: '1.2' }, ribbon: true },
  { name: 'Mac 版 Excel（16.93 以后）', sets: { ExcelApi: '1.20', SharedRuntime: '1.2', RibbonApi: '1.1', ...COMMON, AddinCommands: '1.3', DialogApi: '1.2' }, ribbon: true },
  { name: 'Mac 版 Excel（16.70，2023 年 2 月）', sets: { ExcelApi: '1.17', SharedRuntime: '1.2', RibbonApi: '1.1', ...COMMON, AddinCommands: '1.3', DialogApi: '1.2' }, ribbon: true },
  { name: 'iPad 版 Excel', sets: { ExcelApi: '1.20', DialogApi: '1.1' }, ribbon: false, note: 'no add-in commands, no shared runtime' },
];
