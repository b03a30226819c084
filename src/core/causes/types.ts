/**
 * Causes: the few cell changes that explain a workbook's findings. One wrong figure often fails
 * several checks (a sum, the same line in another table, a class total); a cause groups those
 * findings under the one change that makes all of them hold, verified by re-running the rules.
 */

import type { MoneyUnit } from '../money';
/** How sure the diagnosis is: one minimal explanation, one clearly better one, or several equal ones. */
export type Certainty = 'sure' | 'likely' | 'ambiguous';

/** One suggested cell change. Amounts are decimal strings in the table's own unit. */
export interface Change {
  /** "<sheet>!A1" */
  cell: string;
  /** The cell as it is: "48978.00" (amount in `unit`), "" (blank), "#REF!", or the cell's text. */
  current: string;
  /** What it should be, in the same form as `current`; absent when it cannot be determined. */
  suggested?: string;
  /** 元, 千元, 万元 or 亿元 for amounts, 'text' for codes, names and 表号. */
  unit: MoneyUnit | 'text';
}

export interface Cause {
  /** "C1", "C2" … in the order causes are listed (most important first). */
  id: string;
  /** The changes to make together (for `ambiguous`: the first of `options`). */
  changes: Change[];
  /** For `ambiguous` causes: every equally good set of changes, the first being `changes`. */
  options?: Change[][];
  /** Ids of the findings this cause explains (they all disappear once `changes` are made). */
  findings: string[];
  certainty: Certainty;
  /** 'value': a wrong figure or text; 'unreadable': a cell that should hold an amount but cannot be read. */
  kind: 'value' | 'unreadable';
  /** Chinese, e.g. "表4!F10 应为 0.00（现为 48,978.00）：消除 3 项错误". */
  message: string;
  /**
   * For a template with parts (河北: 部门, then each 单位), when the same figure is wrong the same
   * way in several parts: their names, in order; `changes` (and each of `options`) then hold one
   * part's changes after another, in the same order.
   */
  parts?: string[];
}
