/**
 * A rule family reads the Disclosure and returns findings. Each family lists the rules it
 * implements (stable ids with a Chinese title) so the README and the 校验结果 sheet can show them.
 * A rule never throws on odd data: what it cannot check becomes an `info` finding.
 */
import { Disclosure, Table } from '../disclosure';
import { Finding } from '../finding';
import { Grid } from '../grid';
import type { CodeCatalogue } from '../codes/catalogue';

export interface RuleContext {
  disclosure: Disclosure;
  codes: CodeCatalogue;
  /** The cells as read, for rules that look beyond the recognised tables (the 说明 sheet). */
  grid?: Grid;
}

export interface RuleInfo {
  id: string;
  /** Chinese title shown to users. */
  title: string;
  /** The severities the rule may emit, '|'-separated ("error|warning": an error, or a warning when rounding explains it). */
  severity: 'error' | 'warning' | 'info' | 'error|warning' | 'error|warning|info' | 'warning|info' | 'error|info';
}

export interface RuleFamily {
  id: string;
  title: string;
  /**
   * The family's findings on a table depend on that table alone (sums within a table, a summary
   * table's balance): the diagnosis re-runs it on the tables a change touches only, without
   * recording what it reads. Such a family must read nothing but the tables it is given.
   */
  perTable?: boolean;
  /**
   * For a per-table family: the tables it checks at all (the others never give a finding), so that
   * the diagnosis does not re-run it on a changed table of another shape.
   */
  checksTable?: (t: Table) => boolean;
  rules: RuleInfo[];
  run(ctx: RuleContext): Finding[];
  /**
   * The family as independent checks whose findings together are `run`'s (in any order). The
   * diagnosis records which cells each check reads and re-runs only the checks that read a changed
   * cell; without `checks` the whole family is one check.
   */
  checks?: RuleCheck[];
}

export interface RuleCheck {
  name: string;
  run(ctx: RuleContext): Finding[];
  /**
   * For a per-table family: the check's findings on a table are the union of its findings on
   * each amount column ('column': Σ down the rows of one column) or on each row ('row': Σ across
   * one row), and each of those depends on that column's or row's figures alone (and the table's
   * rows and columns as recognised); 'block': the union of its findings on each block of a summary
   * table (收入, 支出 …), each depending on that block alone. The diagnosis then re-runs it on the
   * changed columns, rows or blocks.
   */
  scope?: 'column' | 'row' | 'block';
}
