/**
 * The same figures across tables:
 * - cross.totals: 收支总表 = 收入总表 = 支出总表 totals;
 * - cross.summary_fiscal: 收支总表 vs 财政拨款收支总表, line by line where both have the line;
 * - cross.fiscal_gp: 财政拨款 一般公共预算拨款 = 一般公共预算支出明细表 合计 (功能 and 经济);
 * - cross.func_class: 功能 类 lines of the summary tables = 类 rows of the 功能 detail table;
 * - cross.econ_class: 部门经济 类 lines = 类 rows of the 经济 detail table (人员+公用 / 专项 parts);
 *   政府经济 类 lines = Σ of the detail rows by 政府经济科目;
 * - cross.basic: 基本支出 tables = the 人员经费 + 公用经费 part of the full tables, row by row;
 * - cross.special: 专项业务经费 column = 专项业务经费表 合计 = Σ 绩效目标表 amounts;
 * - cross.unit_code: the same 单位 has the same code in every table.
 */
import { Amount, Block, Disclosure, Row, Table, TableKind, tablesOfKind, totalRow } from '../disclosure';
import { Finding, figures } from '../finding';
import { ZERO } from '../money';
import { normalise } from '../recognise/profile';
import { parseRef } from '../grid';
import { deptEconClassByName, funcClassByName, govEconClassByName } from '../codes/catalogue';
import { RuleContext, RuleFamily } from './types';
import { grandTotal, yearTotal } from './summary';
import { agrees, checkEqual, columnName, rowName, shown, sumAmounts, tableName, terms } from './compare';

/**
 * The table of a kind the cross checks compare. A table whose reading stopped at a total with rows
 * of figures below it (table.rows_unread says so) takes no part: rows it lacks may be rows unread.
 */
function first(d: Disclosure, kind: TableKind): Table | undefined {
  const t = tablesOfKind(d, kind)[0];
  return t && !t.unreadAfterTotal ? t : undefined;
}

function block(t: Table | undefined, key: string): Block | undefined {
  return t?.blocks?.find((b) => b.key === key);
}

/** A synthetic Amount for a sum of several cells (its cell is the first one). */
function sumOf(amounts: (Amount | undefined)[]): Amount | undefined {
  const present = amounts.filter((a): a is Amount => !!a);
  if (present.length === 0) return undefined;
  return {
    value: sumAmounts(present),
    cell: present[0].cell,
    decimals: Math.max(...present.map((a) => a.decimals)),
    blank: present.every((a) => a.blank),
    text: false,
    terms: present.reduce((n, a) => n + terms(a), 0),
  };
}

/**
 * An amount whose counterpart in another table does not exist (so expected 0 there). `lead` is the
 * cell to look at first when it is not the amount itself (the row's code).
 */
function unmatched(rule: string, t: Table, a: Amount, message: string, lead?: string): Finding {
  const cells = lead && lead !== a.cell ? [lead, a.cell] : [a.cell];
  return { rule, severity: 'error', message, cells, ...figures(ZERO, a.value), table: t.title };
}

/**
 * The class lines of a summary table equal the 一般公共预算 detail rows only when all its money is
 * 一般公共预算; otherwise they may only not be less.
 */
function linesMustEqual(d: Disclosure, s: Table): boolean {
  return s.kind === 'fiscal_summary' ? fiscalIsAllGp(s) : allFiscal(s) && fiscalIsAllGp(first(d, 'fiscal_summary') ?? s);
}

/** A summary line against the detail figure it stands for; a line with no counterpart must be 0. */
function checkLine(
  out: Finding[],
  rule: string,
  s: Table,
  detail: Table,
  la: Amount,
  expected: Amount | undefined,
  mustEqual: boolean,
  missing: () => string,
  what: () => string,
  extraCells: string[] = [],
): void {
  if (!expected) {
    if (mustEqual && !la.value.isZero()) out.push(unmatched(rule, s, la, missing()));
    return;
  }
  push(
    out,
    checkEqual({ rule, expected, expectedUnit: detail.unit, actual: la, actualUnit: s.unit, relation: mustEqual ? 'eq' : 'gte', what, table: s.title }),
    extraCells,
  );
}

function push(out: Finding[], f: Finding | null, extraCells: string[] = []): void {
  if (!f) return;
  for (const c of extraCells) if (!f.cells.includes(c)) f.cells.push(c);
  out.push(f);
}

/** Income lines other than 财政拨款 are all zero: the summary table is then all 财政拨款. */
function allFiscal(summary: Table): boolean {
  const inc = block(summary, 'income');
  if (!inc) return false;
  const fiscal = inc.rows.find((r) => /^财政拨款(收入)?$/.test(r.label ?? ''));
  const year = yearTotal(inc);
  if (fiscal?.amounts.amount && year?.amounts.amount) return fiscal.amounts.amount.value.eq(year.amounts.amount.value);
  // 河北 style: lines are sources; non-fiscal sources must be zero.
  const nonFiscal = inc.rows.filter((r) => !r.isTotal && r.level === 0 && !/财政|一般公共预算|政府性基金|国有资本/.test(r.label ?? ''));
  return nonFiscal.every((r) => !r.amounts.amount || r.amounts.amount.value.isZero());
}

function totals(d: Disclosure, out: Finding[]): void {
  const s = first(d, 'summary');
  const inc = block(s, 'income');
  if (!s || !inc) return;
  const grand = grandTotal(inc) ?? yearTotal(inc);
  const year = yearTotal(inc);
  const incomeTable = first(d, 'income');
  const it = incomeTable && totalRow(incomeTable)?.amounts.total;
  if (incomeTable && it && grand?.amounts.amount) {
    push(
      out,
      checkEqual({
        rule: 'cross.totals',
        expected: grand.amounts.amount,
        expectedUnit: s.unit,
        actual: it,
        actualUnit: incomeTable.unit,
        what: () => `${tableName(incomeTable)}合计应等于${tableName(s)}“${grand.label}”`,
        table: incomeTable.title,
      }),
    );
  }
  const expTable = first(d, 'expenditure');
  const et = expTable && totalRow(expTable)?.amounts.total;
  const expYear = (s.blocks ?? []).filter((b) => b.key !== 'income').map((b) => yearTotal(b)).find((r) => r?.amounts.amount) ?? year;
  if (expTable && et && expYear?.amounts.amount) {
    push(
      out,
      checkEqual({
        rule: 'cross.totals',
        expected: expYear.amounts.amount,
        expectedUnit: s.unit,
        actual: et,
        actualUnit: expTable.unit,
        what: () => `${tableName(expTable)}合计应等于${tableName(s)}“${expYear.label}”`,
        table: expTable.title,
      }),
    );
  }
}

/** Key of a block line for matching across tables: its label, qualified by its parent's label below level 1. */
function lineKeys(b: Block): Map<string, Row> {
  const map = new Map<string, Row>();
  const stack: Row[] = [];
  let owner: Row | undefined;
  for (const r of b.rows) {
    if (r.isOfWhich) {
      // "其中" lines are matched under the line they belong to.
      const key = `${owner?.label ?? ''}/其中/${r.label}`;
      if (!map.has(key)) map.set(key, r);
      continue;
    }
    owner = r;
    while (stack.length && stack[stack.length - 1].level >= r.level) stack.pop();
    const parent = stack[stack.length - 1];
    const key = r.level >= 2 && parent ? `${parent.label}/${r.label}` : (r.label ?? '');
    if (!map.has(key)) map.set(key, r);
    if (!r.isTotal) stack.push(r);
  }
  return map;
}

/** `blocks`: only the blocks with these keys (the diagnosis runs them apart); all by default. */
function summaryVsFiscal(d: Disclosure, out: Finding[], blocks?: (key: string) => boolean): void {
  const s = first(d, 'summary');
  const f = first(d, 'fiscal_summary');
  if (!s || !f) return;
  const relation = allFiscal(s) ? 'eq' : 'gte';
  for (const fb of f.blocks ?? []) {
    if (blocks && !blocks(fb.key)) continue;
    const sb = block(s, fb.key);
    if (!sb) continue;
    const sLines = lineKeys(sb);
    const fGrand = grandTotal(fb);
    const fYear = yearTotal(fb);
    for (const [key, fr] of lineKeys(fb)) {
      // Income lines are nested differently (部门预算 › 财政拨款 › … vs 财政拨款 › …): only their 其中 lines compare.
      if (fb.key === 'income' && !key.includes('/其中/')) continue;
      if (fr.level === 0 && !fr.isTotal && !/支出$/.test(fr.label ?? '')) continue; // "一、部门预算" vs "一、财政拨款"
      if (fr === fGrand && fr !== fYear) continue; // 总计 includes 结转, which only the summary has
      const sr = sLines.get(key);
      const fa = fr.amounts.amount;
      const sa = sr?.amounts.amount;
      if (!sr || !fa || !sa) continue;
      push(
        out,
        checkEqual({
          rule: 'cross.summary_fiscal',
          expected: fa,
          expectedUnit: f.unit,
          actual: sa,
          actualUnit: s.unit,
          relation,
          what: () => `${tableName(s)}“${fr.label}”应${relation === 'eq' ? '等于' : '不小于'}${tableName(f)}同一行`,
          table: f.title,
        }),
      );
    }
  }
}

function fiscalVsDetail(d: Disclosure, out: Finding[]): void {
  const f = first(d, 'fiscal_summary');
  const inc = block(f, 'income');
  if (!f || !inc) return;
  const gpLine = inc.rows.find((r) => /^一般公共预算(拨款)?(收入)?$/.test(r.label ?? '') || /^一般公共预算拨款/.test(r.label ?? ''));
  const gpa = gpLine?.amounts.amount;
  if (!gpa) return;
  for (const kind of ['gp_func', 'gp_econ'] as TableKind[]) {
    const t = first(d, kind);
    const tot = t && totalRow(t)?.amounts.total;
    if (!t || !tot) continue;
    push(
      out,
      checkEqual({
        rule: 'cross.fiscal_gp',
        expected: gpa,
        expectedUnit: f.unit,
        actual: tot,
        actualUnit: t.unit,
        what: () => `${tableName(t)}合计应等于${tableName(f)}“${gpLine!.label}”`,
        table: t.title,
      }),
    );
  }
}

function classRows(t: Table): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of t.rows) if (r.code && r.code.length === 3 && !m.has(r.code)) m.set(r.code, r);
  return m;
}

const SUMMARIES: TableKind[] = ['fiscal_summary', 'summary'];

/** 功能 类 lines of the summary tables (or of `only` that one) vs 类 rows of the 功能 detail table. */
function funcClasses(d: Disclosure, out: Finding[], only?: TableKind): void {
  const detail = first(d, 'gp_func');
  // Without a recognised 合计 column there is nothing to compare the class lines with.
  if (!detail || !detail.columns.some((c) => c.key === 'total')) return;
  const rows = classRows(detail);
  for (const s of SUMMARIES.filter((k) => !only || k === only).map((k) => first(d, k))) {
    const b = block(s, 'func') ?? block(s, 'expense');
    if (!s || !b) continue;
    // Only when the summary is all 一般公共预算 money can its class lines equal the detail rows.
    const relation = linesMustEqual(d, s);
    const seen = new Set<string>();
    for (const line of b.rows) {
      if (line.isTotal || line.isOfWhich) continue;
      const code = funcClassByName(line.label ?? '');
      const la = line.amounts.amount;
      if (!code || !la) continue;
      seen.add(code);
      const r = rows.get(code);
      checkLine(out, 'cross.func_class', s, detail, la, r?.amounts.total, relation,
        () => `${tableName(s)}“${line.label}”为 ${shown(la.value, s.unit)}，但${tableName(detail)}没有 ${code} 类。`,
        () => `${tableName(s)}“${line.label}”应${relation ? '等于' : '不小于'}${tableName(detail)}${rowName(r!)}`);
    }
    if (relation) {
      for (const [code, r] of rows) {
        if (seen.has(code) || !r.amounts.total || r.amounts.total.value.isZero()) continue;
        const ra = r.amounts.total;
        out.push(unmatched('cross.func_class', detail, ra, `${tableName(detail)}${rowName(r)}有 ${shown(ra.value, detail.unit)}，但${tableName(s)}的功能分类部分没有对应的类。`, r.codeCell));
      }
    }
  }
}

function fiscalIsAllGp(f: Table): boolean {
  const inc = block(f, 'income');
  if (!inc) return false;
  const gp = inc.rows.find((r) => /^一般公共预算/.test(r.label ?? ''));
  const year = yearTotal(inc);
  if (!gp?.amounts.amount || !year?.amounts.amount) return false;
  return gp.amounts.amount.value.eq(year.amounts.amount.value);
}

/**
 * 部门经济 class lines under "人员经费和公用经费支出" / "专项业务经费支出" vs the 经济 detail table's class
 * rows, then 政府经济 class lines. `only`: one summary table and one of the two (for the diagnosis).
 */
function econClasses(d: Disclosure, out: Finding[], only?: { summary: TableKind; part: 'dept' | 'gov' }): void {
  const detail = first(d, 'gp_econ');
  if (!detail) return;
  const rows = classRows(detail);
  for (const s of SUMMARIES.filter((k) => !only || k === only.summary).map((k) => first(d, k))) {
    const b = block(s, 'dept_econ');
    if (!s || !b) continue;
    const relation = linesMustEqual(d, s);
    if (only?.part !== 'gov') deptEconLines(out, s, b, detail, rows, relation);
    if (only?.part !== 'dept') govEconLines(out, s, detail, relation);
  }
}

function deptEconLines(out: Finding[], s: Table, b: Block, detail: Table, rows: Map<string, Row>, relation: boolean): void {
  let group: 'basic' | 'special' | null = null;
  for (const line of b.rows) {
    if (line.isTotal || line.isOfWhich) continue;
    const label = line.label ?? '';
    if (/人员经费和公用经费|基本支出/.test(label)) {
      group = 'basic';
      continue;
    }
    if (/专项业务经费|项目支出/.test(label)) {
      group = 'special';
      continue;
    }
    if (line.level <= 1 && !deptEconClassByName(label)) {
      group = null;
      continue;
    }
    if (!group) continue;
    const code = deptEconClassByName(label);
    const la = line.amounts.amount;
    if (!code || !la) continue;
    const r = rows.get(code);
    const parts = group === 'basic' ? [r?.amounts.personnel, r?.amounts.public] : [r?.amounts.special ?? r?.amounts.project];
    const what = group === 'basic' ? '人员经费和公用经费' : '专项业务经费';
    checkLine(out, 'cross.econ_class', s, detail, la, sumOf(parts), relation,
      () => `${tableName(s)}“${label}”（${what}）为 ${shown(la.value, s.unit)}，但${tableName(detail)}没有 ${code} 类的对应金额。`,
      () => `${tableName(s)}“${label}”（${what}）应${relation ? '等于' : '不小于'}${tableName(detail)}${rowName(r!)}的${group === 'basic' ? '人员经费与公用经费之和' : '专项业务经费'}`,
      parts.filter((p): p is Amount => !!p).map((p) => p.cell));
  }
}

/** 政府经济 class lines vs Σ detail rows by the class of their 政府经济科目编码. */
function govEconLines(out: Finding[], s: Table, detail: Table, relation: boolean): void {
  const g = block(s, 'gov_econ');
  if (!g) return;
  const byGov = new Map<string, Amount[]>();
  for (const r of detail.rows) {
    if (!r.code2 || !r.amounts.total || !r.code || r.code.length === 3) continue;
    const cls = r.code2.slice(0, 3);
    byGov.set(cls, [...(byGov.get(cls) ?? []), r.amounts.total]);
  }
  if (byGov.size === 0) return;
  for (const line of g.rows) {
    if (line.isTotal || line.isOfWhich) continue;
    const code = govEconClassByName(line.label ?? '');
    const la = line.amounts.amount;
    if (!code || !la) continue;
    checkLine(out, 'cross.econ_class', s, detail, la, sumOf(byGov.get(code) ?? []), relation,
      () => `${tableName(s)}“${line.label}”为 ${shown(la.value, s.unit)}，但${tableName(detail)}没有政府经济科目 ${code} 的金额。`,
      () => `${tableName(s)}“${line.label}”应${relation ? '等于' : '不小于'}${tableName(detail)}中政府经济科目 ${code} 各行合计之和`,
      (byGov.get(code) ?? []).map((a) => a.cell));
  }
}

function rowKey(r: Row): string | undefined {
  if (r.isTotal) return '合计';
  return r.code;
}

const BASIC_PAIRS: [TableKind, TableKind][] = [
  ['basic_func', 'gp_func'],
  ['basic_econ', 'gp_econ'],
];

/** 基本支出 tables vs the 人员经费 + 公用经费 part of the full detail tables, row by row (`only`: one pair). */
function basicVsFull(d: Disclosure, out: Finding[], only?: TableKind): void {
  for (const [basicKind, fullKind] of BASIC_PAIRS.filter(([b]) => !only || b === only)) {
    const basic = first(d, basicKind);
    const full = first(d, fullKind);
    if (!basic || !full) continue;
    const fullRows = byCode(full);
    const seen = new Set<string>();
    for (const br of basic.rows) {
      const k = rowKey(br);
      if (!k) continue;
      seen.add(k);
      const fr = fullRows.get(k);
      if (!fr) {
        const bt = br.amounts.total;
        if (bt && !bt.value.isZero()) {
          out.push(unmatched('cross.basic', basic, bt, `${tableName(basic)}${rowName(br)}有基本支出 ${shown(bt.value, basic.unit)}，但${tableName(full)}没有这一行。`, br.codeCell));
        }
        continue;
      }
      for (const [bk, fks] of [
        ['personnel', ['personnel']],
        ['public', ['public']],
        ['total', ['personnel', 'public']],
      ] as [string, string[]][]) {
        const ba = br.amounts[bk];
        const fa = sumOf(fks.map((x) => fr.amounts[x]));
        if (!ba || !fa) continue;
        push(
          out,
          checkEqual({
            rule: 'cross.basic',
            expected: fa,
            expectedUnit: full.unit,
            actual: ba,
            actualUnit: basic.unit,
            what: () => `${tableName(basic)}${rowName(br)}的${bk === 'total' ? '合计' : bk === 'personnel' ? '人员经费' : '公用经费'}应等于${tableName(full)}同一科目的${bk === 'total' ? '人员经费与公用经费之和' : bk === 'personnel' ? '人员经费' : '公用经费'}`,
            table: basic.title,
          }),
          fks.map((x) => fr.amounts[x]?.cell).filter((c): c is string => !!c),
        );
      }
    }
    for (const [k, fr] of fullRows) {
      if (seen.has(k)) continue;
      const basicPart = sumOf([fr.amounts.personnel, fr.amounts.public]);
      if (basicPart && !basicPart.value.isZero()) {
        out.push(unmatched('cross.basic', full, basicPart, `${tableName(full)}${rowName(fr)}有人员经费和公用经费 ${shown(basicPart.value, full.unit)}，但${tableName(basic)}没有这一行。`, fr.codeCell));
      }
    }
  }
}

/**
 * The 一般公共预算 part of a 项目支出表's total: its 一般公共预算 column where it has one; its 合计 when
 * it has no source columns (a table of 一般公共预算 projects, 陕西 专项业务经费表); else undefined (the
 * 合计 of all funds, with the 一般公共预算 share unread, proves nothing about the 一般公共预算 table).
 */
function gpPartOf(sp: Table): Amount | undefined {
  const t = totalRow(sp);
  if (t?.amounts.gp) return t.amounts.gp;
  const sources = ['fund', 'state_capital', 'fiscal', 'special_account', 'unit_funds', 'business', 'operating', 'superior', 'affiliated', 'business_fund', 'other', 'carryover'];
  return sp.columns.some((c) => sources.includes(c.key)) ? undefined : t?.amounts.total;
}

/** 专项业务经费 (项目支出) column total = 专项业务经费表 (项目支出表) 合计 = Σ 绩效目标表 amounts. */
function special(d: Disclosure, out: Finding[]): void {
  const gp = first(d, 'gp_func');
  const gpTotal = gp && totalRow(gp);
  const col = gpTotal?.amounts.special ?? (tablesOfKind(d, 'special').length ? gpTotal?.amounts.project : undefined);
  // The column's own name: 陕西 专项业务经费, elsewhere 项目支出.
  const what = gpTotal?.amounts.special ? '专项业务经费' : '项目支出';
  const sp = first(d, 'special');
  const spTotal = sp && totalRow(sp)?.amounts.total;
  const spGp = sp && gpPartOf(sp);
  if (gp && col && sp && spGp) {
    push(
      out,
      checkEqual({
        rule: 'cross.special',
        expected: col,
        expectedUnit: gp.unit,
        actual: spGp,
        actualUnit: sp.unit,
        what: () => `${tableName(sp)}${spGp === spTotal ? '合计' : '合计行的一般公共预算'}应等于${tableName(gp)}合计行的${what}`,
        table: sp.title,
      }),
    );
  }
  const perf = tablesOfKind(d, 'perf_project');
  const totals = perf.map((t) => t.fields?.find((f) => f.key === 'total')?.amount).filter((a): a is Amount => !!a);
  const ref = spTotal ?? col;
  const refTable = spTotal ? sp : gp;
  if (perf.length && totals.length === perf.length && ref && refTable) {
    const sum = sumOf(totals)!;
    push(
      out,
      checkEqual({
        rule: 'cross.special',
        expected: ref,
        expectedUnit: refTable.unit,
        actual: sum,
        actualUnit: perf[0].unit,
        what: () => `各项目绩效目标表的资金总额之和应等于${tableName(refTable)}的${spTotal ? '' : what}合计`,
        table: perf[0].title,
      }),
      totals.map((a) => a.cell),
    );
  }
  // Each project in the tree vs its 绩效目标表 by project name.
  if (sp && perf.length) {
    const leaves = sp.rows.filter((r, i) => !r.isTotal && !r.code && (i === sp.rows.length - 1 || sp.rows[i + 1].level <= r.level));
    for (const t of perf) {
      const name = t.fields?.find((f) => f.key === 'project')?.text;
      const amt = t.fields?.find((f) => f.key === 'total')?.amount;
      if (!name || !amt) continue;
      const leaf = leaves.find((r) => normaliseName(r.name) === normaliseName(name));
      const la = leaf?.amounts.total;
      if (!leaf || !la) continue;
      push(
        out,
        checkEqual({
          rule: 'cross.special',
          expected: la,
          expectedUnit: sp.unit,
          actual: amt,
          actualUnit: t.unit,
          what: () => `绩效目标表“${name}”的资金总额应等于${tableName(sp)}中该项目的金额`,
          table: t.title,
        }),
      );
    }
  }
  // 整体支出绩效目标表 covers the unit's whole budget (人员经费、公用经费 and projects alike).
  const overall = first(d, 'perf_overall');
  const ot = overall && totalRow(overall)?.amounts.total;
  const whole = gp && totalRow(gp)?.amounts.total;
  if (overall && ot && whole && gp) {
    const f = checkEqual({
      rule: 'perf.overall_total',
      expected: whole,
      expectedUnit: gp.unit,
      actual: ot,
      actualUnit: overall.unit,
      what: () => `${tableName(overall)}金额合计应覆盖单位全部支出，等于${tableName(gp)}合计`,
      table: overall.title,
    });
    if (f && spTotal && sp && agrees(spTotal, sp.unit, ot, overall.unit)) {
      f.message += '（目前只等于专项业务经费合计，未包括人员经费和公用经费）';
    }
    push(out, f);
  }
}

function summaryAllFiscal(d: Disclosure): boolean {
  const s = first(d, 'summary');
  return !s || allFiscal(s);
}

/**
 * Tables keyed by 功能科目 in one part (河北 收入总表, 支出总表, 一般公共预算支出表) list the same codes
 * with the same 合计: 收入总表 = 支出总表 code by code; 一般公共预算支出表 = 支出总表 code by code when all
 * the money is 一般公共预算, else not more.
 */
function funcRows(d: Disclosure, out: Finding[]): void {
  const keyed = (t: Table | undefined) => {
    const m = new Map<string, Row>();
    if (t?.scheme === 'func') for (const r of t.rows) if (r.code && !m.has(r.code)) m.set(r.code, r);
    return m;
  };
  const exp = first(d, 'expenditure');
  const expRows = keyed(exp);
  if (!exp || expRows.size === 0) return;
  const fiscal = first(d, 'fiscal_summary');
  const pairs: [Table | undefined, 'eq' | 'lte'][] = [
    [first(d, 'income'), 'eq'],
    // Equal only when all the 部门's money is 一般公共预算 (no 其他收入, 事业收入 … in the 收支总表).
    [first(d, 'gp_func'), fiscal && fiscalIsAllGp(fiscal) && summaryAllFiscal(d) ? 'eq' : 'lte'],
  ];
  for (const [t, relation] of pairs) {
    const rows = keyed(t);
    if (!t || rows.size === 0) continue;
    for (const [code, r] of rows) {
      const a = r.amounts.total;
      const er = expRows.get(code);
      const ea = er?.amounts.total;
      if (!a) continue;
      if (!er || !ea) {
        if (!a.value.isZero()) {
          out.push(unmatched('cross.func_rows', t, a, `${tableName(t)}有科目 ${code}${r.name ? ` ${r.name}` : ''}（${shown(a.value, t.unit)}），但${tableName(exp)}没有这一科目。`, r.codeCell));
        }
        continue;
      }
      if (relation === 'lte' && a.value.lte(ea.value)) continue;
      push(
        out,
        checkEqual({
          rule: 'cross.func_rows',
          expected: ea,
          expectedUnit: exp.unit,
          actual: a,
          actualUnit: t.unit,
          what: () => `${tableName(t)}${rowName(r)}的合计应${relation === 'eq' ? '等于' : '不大于'}${tableName(exp)}同一科目`,
          table: t.title,
        }),
      );
    }
    if (relation === 'eq') {
      for (const [code, er] of expRows) {
        if (rows.has(code) || !er.amounts.total || er.amounts.total.value.isZero()) continue;
        const ea = er.amounts.total;
        out.push(unmatched('cross.func_rows', exp, ea, `${tableName(exp)}有科目 ${code}${er.name ? ` ${er.name}` : ''}（${shown(ea.value, exp.unit)}），但${tableName(t)}没有这一科目。`, er.codeCell));
      }
    }
  }
}

function normaliseName(s: string | undefined): string {
  return normalise(s ?? '');
}

/** The same 单位 must carry the same 单位编码 in every table (and the same code the same name). */
function unitCodes(d: Disclosure, out: Finding[]): void {
  const byName = new Map<string, { code: string; cell: string; table: Table }[]>();
  for (const t of d.tables) {
    if (t.scheme !== 'unit') continue;
    for (const r of t.rows) {
      if (!r.code || !r.name || !r.codeCell) continue;
      const n = normaliseName(r.name);
      byName.set(n, [...(byName.get(n) ?? []), { code: r.code, cell: r.codeCell, table: t }]);
    }
  }
  // The name stated on the cover, in 表头 lines and in 整体绩效目标表 must be one of the units in the tables.
  const leafNames = new Map<string, string>();
  for (const t of d.tables) {
    if (t.scheme !== 'unit') continue;
    const longest = Math.max(0, ...t.rows.map((r) => r.code?.length ?? 0));
    for (const r of t.rows) if (r.code && r.code.length === longest && longest > 3 && r.name && r.nameCell) leafNames.set(normaliseName(r.name), r.nameCell);
  }
  if (leafNames.size) {
    const inHeader = (ref: string) => {
      const p = parseRef(ref);
      return !!p && d.tables.some((t) => t.sheet === p.sheet && p.row >= t.headerTop && p.row <= t.headerBottom);
    };
    for (const u of d.unitNames ?? []) {
      if (inHeader(u.cell)) continue; // a column heading 单位名称, not a statement of the name
      const n = normaliseName(u.name);
      if (!n || leafNames.has(n) || [...leafNames.keys()].some((k) => k.startsWith(n) || n.startsWith(k) && n.length - k.length <= 2)) continue;
      if ([...byName.keys()].some((k) => k === n)) continue; // the 部门 itself
      const [leaf, leafCell] = [...leafNames.entries()][0];
      out.push({
        rule: 'cross.unit_code',
        severity: 'error',
        message: `${u.cell} 写的单位名称“${u.name}”与报表中的单位“${leaf}”不一致。`,
        cells: [u.cell, leafCell],
        expected: leaf,
        actual: u.name,
        unit: 'text',
      });
    }
  }
  for (const [name, uses] of byName) {
    const codes = [...new Set(uses.map((u) => u.code))];
    if (codes.length < 2) continue;
    // The majority code is taken as right; each deviating use is reported.
    const count = (c: string) => uses.filter((u) => u.code === c).length;
    const main = codes.sort((a, b) => count(b) - count(a))[0];
    const mainUse = uses.find((u) => u.code === main)!;
    for (const u of uses.filter((x) => x.code !== main)) {
      out.push({
        rule: 'cross.unit_code',
        severity: 'error',
        message: `单位“${name}”在${tableName(u.table)}中的单位编码为 ${u.code}，在${tableName(mainUse.table)}等表中为 ${main}，同一单位的编码应一致。`,
        cells: [u.cell, mainUse.cell],
        expected: main,
        actual: u.code,
        unit: 'text',
        table: u.table.title,
      });
    }
  }
}

function partViews(d: Disclosure): Disclosure[] {
  const names = [...new Set(d.tables.map((t) => t.part ?? ''))];
  if (names.length <= 1) return [d];
  return names.map((p) => ({ ...d, tables: d.tables.filter((t) => (t.part ?? '') === p) }));
}

function partCode(part: string): string {
  return /^(\d+)/.exec(part)?.[1] ?? '';
}

/** Amounts of a table keyed by row (code or label, with the block for summary tables) and column. */
function cellsByKey(t: Table): Map<string, Amount> {
  const m = new Map<string, Amount>();
  const add = (k: string, a: Amount | undefined) => {
    if (a && !m.has(k)) m.set(k, a);
  };
  for (const r of t.rows) {
    const rk = r.isTotal ? '合计' : r.code ?? r.name ?? '';
    for (const [ck, a] of Object.entries(r.amounts)) add(`${rk}|${ck}`, a);
  }
  for (const b of t.blocks ?? []) {
    b.rows.forEach((r, i) => {
      for (const [ck, a] of Object.entries(r.amounts)) add(`${b.key}|${i}|${r.label}|${ck}`, a);
    });
  }
  return m;
}

/** 部门 tables = Σ the same tables of its 单位 parts (a 单位 code extends the 部门 code). */
function parts(d: Disclosure, out: Finding[]): void {
  const names = [...new Set(d.tables.map((t) => t.part).filter((p): p is string => !!p))];
  if (names.length < 2) return;
  const dept = names.reduce((a, b) => (partCode(b).length < partCode(a).length ? b : a));
  const units = names.filter((n) => n !== dept && partCode(n).startsWith(partCode(dept)) && partCode(dept) !== '');
  if (units.length === 0) return;
  for (const t of d.tables.filter((x) => x.part === dept && x.kind !== 'perf_project')) {
    const unitTables = units.map((u) => d.tables.find((x) => x.part === u && x.id === t.id));
    if (unitTables.some((x) => !x)) continue;
    const unitMaps = unitTables.map((x) => cellsByKey(x!));
    for (const [key, a] of cellsByKey(t)) {
      // A row a 单位 table does not have is zero for that 单位.
      const parts = unitMaps.map((m) => m.get(key)).filter((p): p is Amount => !!p);
      const sum = sumOf(parts);
      if (!sum) {
        if (!a.value.isZero()) out.push(unmatched('cross.parts', t, a, `${tableName(t)}的这一项（${shown(a.value, t.unit)}）在所属各单位的同一表中都没有。`));
        continue;
      }
      push(
        out,
        checkEqual({
          rule: 'cross.parts',
          expected: sum,
          expectedUnit: unitTables[0]!.unit,
          actual: a,
          actualUnit: t.unit,
          what: () => `${tableName(t)}的数字应等于所属单位同一表之和`,
          table: t.title,
        }),
        parts.map((p) => p.cell),
      );
    }
  }
}


/** Rows of a code table by code, with its 合计 row under "合计". */
function byCode(t: Table | undefined): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of t?.rows ?? []) {
    const k = rowKey(r);
    if (k && !m.has(k)) m.set(k, r);
  }
  return m;
}

/**
 * A table that is the sum of others code by code (财政拨款支出表 = 一般公共预算 + 政府性基金 + 国有资本经营
 * 支出表; 财政拨款基本支出表 = 一般公共预算基本支出表 when no 政府性基金 pays 基本支出): 合计 and every
 * code, in the total column. A code the parts lack is zero there.
 */
function sumOfTables(out: Finding[], rule: string, whole: Table, parts: Table[], relation: 'eq' | 'gte', what: string): void {
  const wholeRows = byCode(whole);
  const partRows = parts.map(byCode);
  // Compare only the levels both sides list (a table to the 款 against one to the 项).
  const depth = (m: Map<string, Row>) => Math.max(0, ...[...m.keys()].filter((k) => k !== '合计').map((k) => k.length));
  const common = Math.min(depth(wholeRows), ...partRows.filter((m) => m.size > 1).map(depth));
  const keys = new Set<string>([...wholeRows.keys()].filter((k) => k === '合计' || k.length <= common));
  if (relation === 'eq') for (const m of partRows) for (const k of m.keys()) if (k === '合计' || k.length <= common) keys.add(k);
  for (const k of keys) {
    const wr = wholeRows.get(k);
    const wa = wr?.amounts.total;
    const pa = partRows.map((m) => m.get(k)?.amounts.total).filter((a): a is Amount => !!a);
    const sum = sumOf(pa);
    if (!wa) {
      const pr = partRows.map((m) => m.get(k)).find((r) => r?.amounts.total && !r.amounts.total.value.isZero());
      if (pr && sum && !sum.value.isZero()) {
        const t = parts[partRows.findIndex((m) => m.get(k) === pr)];
        out.push(unmatched(rule, t, pr.amounts.total!, `${tableName(t)}${rowName(pr)}有 ${shown(pr.amounts.total!.value, t.unit)}，但${tableName(whole)}没有这一科目。`, pr.codeCell));
      }
      continue;
    }
    if (!sum) {
      if (relation === 'eq' && !wa.value.isZero()) {
        out.push(unmatched(rule, whole, wa, `${tableName(whole)}${rowName(wr!)}有 ${shown(wa.value, whole.unit)}，但${parts.map((t) => tableName(t)).join('、')}都没有这一科目。`, wr!.codeCell));
      }
      continue;
    }
    push(
      out,
      checkEqual({
        rule,
        expected: sum,
        expectedUnit: parts[0].unit,
        actual: wa,
        actualUnit: whole.unit,
        relation,
        what: () => `${tableName(whole)}${rowName(wr!)}应${relation === 'eq' ? '等于' : '不小于'}${what}`,
        table: whole.title,
      }),
      pa.map((a) => a.cell),
    );
  }
}

/** A fiscal_summary income line by its source (一般公共预算 / 政府性基金 / 国有资本经营). */
function fiscalIncome(f: Table | undefined, re: RegExp): Amount | undefined {
  return block(f, 'income')?.rows.find((r) => !r.isTotal && !r.isOfWhich && re.test(r.label ?? ''))?.amounts.amount;
}

/** The 财政拨款 tables by source: 财政拨款支出表 = Σ by source; 基本支出 table; totals against the 财政拨款收支总表. */
function fiscalTables(d: Disclosure, out: Finding[]): void {
  const fiscal = first(d, 'fiscal_func');
  const parts = (['gp_func', 'fund', 'state_capital'] as TableKind[]).map((k) => tablesOfKind(d, k).find((t) => t.columns.some((c) => c.key === 'total') && !t.blocks)).filter((t): t is Table => !!t);
  if (fiscal && parts.some((t) => t.kind === 'gp_func')) {
    sumOfTables(out, 'cross.fiscal_parts', fiscal, parts, 'eq', `${parts.map((t) => tableName(t)).join('、')}同一科目之和`);
  }
  const fs = first(d, 'fiscal_summary');
  const fundIncome = fiscalIncome(fs, /政府性基金/);
  const capitalIncome = fiscalIncome(fs, /国有资本/);
  const basicFiscal = first(d, 'fiscal_basic');
  const basicGp = first(d, 'basic_econ');
  if (basicFiscal && basicGp) {
    // Only 一般公共预算 money pays 基本支出 when the 政府性基金 and 国有资本经营 tables show none.
    const fundBasic = parts.filter((t) => t.kind !== 'gp_func').map((t) => totalRow(t)?.amounts.basic).filter((a): a is Amount => !!a);
    const onlyGp = (fundIncome ? fundIncome.value.isZero() : false) && (capitalIncome ? capitalIncome.value.isZero() : true) && fundBasic.every((a) => a.value.isZero());
    sumOfTables(out, 'cross.fiscal_parts', basicFiscal, [basicGp], onlyGp ? 'eq' : 'gte', `${tableName(basicGp)}同一科目`);
  }
  // 财政拨款收支总表: 支出合计 = 财政拨款支出表合计; 基本支出 = 财政拨款基本支出表合计.
  if (!fs) return;
  const expense = (fs.blocks ?? []).filter((b) => b.key !== 'income');
  const year = expense.map((b) => yearTotal(b)).find((r) => r?.amounts.amount);
  const fiscalTotal = fiscal && totalRow(fiscal)?.amounts.total;
  if (fiscal && fiscalTotal && year?.amounts.amount) {
    push(out, checkEqual({ rule: 'cross.fiscal_parts', expected: year.amounts.amount, expectedUnit: fs.unit, actual: fiscalTotal, actualUnit: fiscal.unit, what: () => `${tableName(fiscal)}合计应等于${tableName(fs)}“${year.label}”`, table: fiscal.title }));
  }
  const basicLine = expense.flatMap((b) => b.rows).find((r) => !r.isTotal && /^基本支出$/.test(r.label ?? ''));
  const basicTable = basicFiscal ?? (fundIncome?.value.isZero() ? basicGp : undefined);
  const basicTotal = basicTable && totalRow(basicTable)?.amounts.total;
  if (basicLine?.amounts.amount && basicTable && basicTotal) {
    push(out, checkEqual({ rule: 'cross.fiscal_parts', expected: basicLine.amounts.amount, expectedUnit: fs.unit, actual: basicTotal, actualUnit: basicTable.unit, what: () => `${tableName(basicTable)}合计应等于${tableName(fs)}“${basicLine.label}”`, table: basicTable.title }));
  }
}

/**
 * 支出总表 columns against the 收支总表's 支出 lines of the same use (基本支出, 项目支出, 预留, 结转下年):
 * the 支出总表 is the 收支总表's 支出 side by use.
 */
function expenditureUses(d: Disclosure, out: Finding[]): void {
  const s = first(d, 'summary');
  const e = first(d, 'expenditure');
  const tot = e && totalRow(e);
  if (!s || !e || !tot) return;
  const lines = (s.blocks ?? []).filter((b) => b.key === 'expense').flatMap((b) => b.rows).filter((r) => !r.isTotal && !r.isOfWhich);
  const uses: [string, RegExp][] = [
    ['basic', /^基本支出$/],
    ['project', /^项目支出$/],
    ['reserve', /预留|机动/],
    ['carry_next', /结转下年|年末结转/],
  ];
  for (const [key, re] of uses) {
    const line = lines.find((r) => re.test(r.label ?? ''));
    const la = line?.amounts.amount;
    const ea = tot.amounts[key];
    if (!line || !la || !ea) continue;
    push(out, checkEqual({ rule: 'cross.totals', expected: la, expectedUnit: s.unit, actual: ea, actualUnit: e.unit, what: () => `${tableName(e)}合计行的${columnName(e, key)}应等于${tableName(s)}“${line.label}”`, table: e.title }));
  }
}


/**
 * The 收入总表 by source against the 收支总表's 收入 lines of the same source: 一般公共预算拨款 column
 * total = the 收支总表 “一般公共预算拨款收入” line, and so on for each source both tables name once.
 */
const INCOME_SOURCES: [string, RegExp][] = [
  ['gp', /一般公共预算|公共财政/],
  ['fund', /政府性基金/],
  ['state_capital', /国有资本/],
  ['special_account', /财政专户/],
  ['business', /^事业收入/],
  ['operating', /经营收入/],
  ['superior', /上级补助/],
  ['affiliated', /附属单位/],
];

function incomeSources(d: Disclosure, out: Finding[]): void {
  const s = first(d, 'summary');
  const inc = block(s, 'income');
  const it = first(d, 'income');
  const tot = it && totalRow(it);
  if (!s || !inc || !it || !tot) return;
  for (const [key, re] of INCOME_SOURCES) {
    const ta = tot.amounts[key];
    const lines = inc.rows.filter((r) => !r.isTotal && !r.isOfWhich && re.test(r.label ?? ''));
    const la = lines.length === 1 ? lines[0].amounts.amount : undefined;
    if (!ta || !la || (ta.blank && la.blank)) continue;
    push(out, checkEqual({ rule: 'cross.totals', expected: la, expectedUnit: s.unit, actual: ta, actualUnit: it.unit, what: () => `${tableName(it)}合计行的${columnName(it, key)}应等于${tableName(s)}“${lines[0].label}”`, table: it.title }));
  }
}

/** 一般公共预算基本支出表 合计 = the 基本支出 column of the 一般公共预算支出表 (by 功能科目). */
function basicTotals(d: Disclosure, out: Finding[]): void {
  const gp = first(d, 'gp_func');
  const ga = gp && totalRow(gp)?.amounts.basic;
  for (const t of [first(d, 'basic_econ'), first(d, 'basic_func')]) {
    const ba = t && totalRow(t)?.amounts.total;
    if (!gp || !ga || !t || !ba) continue;
    push(out, checkEqual({ rule: 'cross.basic', expected: ga, expectedUnit: gp.unit, actual: ba, actualUnit: t.unit, what: () => `${tableName(t)}合计应等于${tableName(gp)}合计行的基本支出`, table: t.title }));
  }
}

type Check = (d: Disclosure, out: Finding[]) => void;
/** Checks run on each part of a workbook (the whole, when it has no parts), in report order. */
const VIEW_CHECKS: [string, Check][] = [
  ['totals', totals],
  ['summaryVsFiscal', summaryVsFiscal],
  ['fiscalVsDetail', fiscalVsDetail],
  ['funcClasses', funcClasses],
  ['econClasses', econClasses],
  ['basicVsFull', basicVsFull],
  ['special', special],
  ['funcRows', funcRows],
  ['fiscalTables', fiscalTables],
  ['expenditureUses', expenditureUses],
  ['incomeSources', incomeSources],
  ['basicTotals', basicTotals],
];
/** Keys of the summary blocks summaryVsFiscal compares; other keys are run together. */
const BLOCK_KEYS = ['income', 'func', 'dept_econ', 'gov_econ', 'expense'];
/**
 * VIEW_CHECKS cut finer for the diagnosis, which re-runs only the checks that read a changed cell:
 * a check over two summary tables, two pairs of tables or several blocks becomes one check each.
 * Together they give exactly VIEW_CHECKS' findings (test/rules/checks.test.ts), in another order.
 */
const FINE_VIEW_CHECKS: [string, Check][] = VIEW_CHECKS.flatMap(([name, check]): [string, Check][] => {
  switch (check) {
    case summaryVsFiscal:
      return [
        ...BLOCK_KEYS.map((k): [string, Check] => [`${name}:${k}`, (d, out) => summaryVsFiscal(d, out, (key) => key === k)]),
        [`${name}:other`, (d, out) => summaryVsFiscal(d, out, (key) => !BLOCK_KEYS.includes(key))],
      ];
    case funcClasses:
      return SUMMARIES.map((k) => [`${name}:${k}`, (d, out) => funcClasses(d, out, k)]);
    case econClasses:
      return SUMMARIES.flatMap((k) => (['dept', 'gov'] as const).map((part): [string, Check] => [`${name}:${k}:${part}`, (d, out) => econClasses(d, out, { summary: k, part })]));
    case basicVsFull:
      return BASIC_PAIRS.map(([b]) => [`${name}:${b}`, (d, out) => basicVsFull(d, out, b)]);
    default:
      return [[name, check]];
  }
});
/** Checks that compare the parts with one another. */
const WHOLE_CHECKS: [string, Check][] = [
  ['unitCodes', unitCodes],
  ['parts', parts],
];

export const crossRules: RuleFamily = {
  id: 'cross',
  title: '表间核对',
  rules: [
    { id: 'cross.totals', title: '收支总表、收入总表、支出总表的合计一致', severity: 'error|warning' },
    { id: 'cross.summary_fiscal', title: '收支总表与财政拨款收支总表逐行一致（全部为财政拨款时相等，否则不小于）', severity: 'error|warning' },
    { id: 'cross.fiscal_gp', title: '财政拨款收支总表的一般公共预算拨款等于一般公共预算支出明细表合计', severity: 'error|warning' },
    { id: 'cross.func_class', title: '总表功能分类各类等于功能明细表各类', severity: 'error|warning' },
    { id: 'cross.econ_class', title: '总表经济分类各类等于经济明细表各类（人员和公用、专项分别核对）', severity: 'error|warning' },
    { id: 'cross.basic', title: '基本支出明细表等于支出明细表的人员经费与公用经费部分', severity: 'error|warning' },
    { id: 'cross.special', title: '专项业务经费：明细表专项列、专项业务经费表合计、绩效目标表金额一致', severity: 'error|warning' },
    { id: 'cross.unit_code', title: '同一单位在各表中的单位编码、名称一致', severity: 'error' },
    { id: 'perf.overall_total', title: '整体支出绩效目标表金额合计等于单位全部支出', severity: 'error|warning' },
    { id: 'cross.func_rows', title: '按功能科目列示的收入总表、支出总表、一般公共预算支出表逐科目一致', severity: 'error|warning' },
    { id: 'cross.parts', title: '部门各表等于所属各单位同一表之和', severity: 'error|warning' },
    { id: 'cross.fiscal_parts', title: '财政拨款支出表等于一般公共预算、政府性基金、国有资本经营支出表之和（逐科目），财政拨款基本支出表与一般公共预算基本支出表一致，并与财政拨款收支总表相符', severity: 'error|warning' },
  ],
  run({ disclosure: d }) {
    const out: Finding[] = [];
    // Templates with parts (河北: 部门, then each 单位) are checked part by part.
    for (const view of partViews(d)) for (const [, check] of VIEW_CHECKS) check(view, out);
    for (const [, check] of WHOLE_CHECKS) check(d, out);
    return out;
  },
  // The same checks one by one, for the diagnosis (it re-runs only those that read a changed cell).
  checks: [
    ...FINE_VIEW_CHECKS.map(([name, check]) => ({
      name,
      run: ({ disclosure: d }: RuleContext) => {
        const out: Finding[] = [];
        for (const view of partViews(d)) check(view, out);
        return out;
      },
    })),
    ...WHOLE_CHECKS.map(([name, check]) => ({
      name,
      run: ({ disclosure: d }: RuleContext) => {
        const out: Finding[] = [];
        check(d, out);
        return out;
      },
    })),
  ],
};
