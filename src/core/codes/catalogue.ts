/**
 * The 政府收支分类科目 catalogue the code rules check against.
 * (Interface fixed here; the built-in data and the loaders are filled by the codes work.)
 */
export type CodeScheme = 'func' | 'dept_econ' | 'gov_econ';

export interface CodeEntry {
  scheme: CodeScheme;
  code: string;
  name: string;
  level: '类' | '款' | '项';
  parent?: string;
  /** True when the row is from an official source; false when observed or unverified. */
  official: boolean;
  evidence?: string;
}

export interface CodeCatalogue {
  /** A description for messages: "内置科目表（部分）" or the user's file name. */
  label: string;
  /** When true for a scheme, an unknown code in it is an error; otherwise an info saying the list is partial. */
  complete: Record<CodeScheme, boolean>;
  get(scheme: CodeScheme, code: string): CodeEntry | undefined;
  /** Government economic codes a 部门经济 款 may map to, for a unit type; [] when unknown. */
  govEconFor(deptCode: string, unitType: '机关' | '事业单位' | 'any'): string[];
}

export function emptyCatalogue(): CodeCatalogue {
  return {
    label: '空科目表',
    complete: { func: false, dept_econ: false, gov_econ: false },
    get: () => undefined,
    govEconFor: () => [],
  };
}

export function builtinCatalogue(): CodeCatalogue {
  return emptyCatalogue();
}
