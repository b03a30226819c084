/**
 * The national 说明 template: the sections every 部门预算公开 说明 has under the 财政部 standard
 * set, written from whatever standard tables the workbook holds. Lines are named as the workbook
 * prints them (“一、财政拨款”, “社会保障和就业支出（208）”), so a province with other wording reads
 * its own words back; every number keeps its cells. Used for any profile that has no 说明 template
 * of its own.
 */
import { Amount, Block, Disclosure, Row, Table, TableKind, totalRow } from '../../disclosure';
import { grandTotal, yearTotal } from '../../rules/summary';
import { Fig, fig, hasData, primary, yearRows } from '../../narrative/figures';
import type { NarrativeSection } from '../../narrative/types';
import { THREE_PUBLIC_KEYS } from './tables';
import { P, priorOf } from '../../narrative/builder';
import { chineseNumber } from '../../zh';

type Prior = Disclosure | null | undefined;

function first(d: Disclosure | null | undefined, kind: TableKind): Table | undefined {
  return d ? primary(d, kind) : undefined;
}

function block(t: Table | undefined, pred: (b: Block) => boolean): Block | undefined {
  return t?.blocks?.find(pred);
}

/** The year's total of a block (本年收入合计 / 当年收入小计 …), else its only total. */
function blockYear(b: Block | undefined): Row | undefined {
  if (!b) return undefined;
  return yearTotal(b) ?? grandTotal(b) ?? b.rows.find((r) => r.isTotal);
}

/** The top-level lines of a block up to its year total, with a figure (“一、财政拨款”, “基本支出” …). */
function topLines(b: Block | undefined): Row[] {
  if (!b) return [];
  const year = blockYear(b);
  const rows = year ? b.rows.filter((r) => r.row < year.row) : b.rows;
  const lines = rows.filter((r) => !r.isTotal && !r.isOfWhich && r.amounts.amount);
  if (lines.length === 0) return [];
  const top = Math.min(...lines.map((r) => r.level));
  return lines.filter((r) => r.level === top && !r.amounts.amount!.value.isZero());
}

function label(r: Row): string {
  return (r.label ?? r.name ?? '').replace(/^[一二三四五六七八九十\d]+[、.．]/, '');
}

function expenseBlock(t: Table | undefined): Block | undefined {
  return block(t, (b) => b.key === 'expense') ?? block(t, (b) => b.key !== 'income');
}

/** The expenditure side's year total: a block of its own, or the line that spans the 支出 blocks. */
function expenseYear(t: Table | undefined): Row | undefined {
  for (const b of t?.blocks ?? []) if (b.key !== 'income' && blockYear(b)) return blockYear(b);
  return undefined;
}

/** A row's 合计 (a summary block's line: its amount). */
function rowFig(r: Row | undefined): Fig | undefined {
  return fig(r?.amounts.total ?? r?.amounts.amount);
}

/** Last year's counterpart of a line, by its label, in last year's table of the same kind. */
function priorLine(prior: Prior, kind: TableKind, side: 'income' | 'expense', r: Row | undefined): Fig | undefined {
  const t = first(prior, kind);
  if (!t || !r) return undefined;
  const b = side === 'income' ? block(t, (x) => x.key === 'income') : expenseBlock(t);
  const same = b?.rows.find((x) => label(x) === label(r) && x.isTotal === r.isTotal);
  return fig(same?.amounts.amount);
}

function priorCode(prior: Prior, kind: TableKind, code: string | undefined, key = 'total'): Fig | undefined {
  const t = first(prior, kind);
  if (!t) return undefined;
  const r = code ? t.rows.find((x) => x.code === code) : totalRow(t);
  return fig(r?.amounts[key]);
}

/** “A 万元、B 万元 …” for the listed rows. */
function list(p: P, rows: Row[], what: (r: Row) => string, value: (r: Row) => Fig | undefined, sep = '，'): P {
  rows.forEach((r, i) => {
    const f = value(r);
    if (!f) return;
    p.t(`${i === 0 ? '' : sep}${what(r)} `).wan(f).t(' 万元');
  });
  return p;
}

function sectionOf(id: string, title: string, paras: P[]): NarrativeSection {
  return { id, title, level: 2, paragraphs: paras.map((p) => p.done()) };
}

// “三公” figures whichever way the table is laid out: items as columns (with 预算数/本年 qualifiers)
// or as rows.
const THREE_ITEMS: [string, string][] = [
  ['abroad', '因公出国（境）费'],
  ['car_sub', '公务用车购置及运行维护费'],
  ['reception', '公务接待费'],
  ['meeting', '会议费'],
  ['training', '培训费'],
];

const THIS_YEAR = ['current', 'budget', 'total'];

/** A “三公” table of 决算 figures (its title or a column says 决算): not a source for the 预算 说明. */
const isFinalTable = (t: Table): boolean => {
  if (/决算/.test(t.title) || t.columns.some((c) => c.key === 'final' || c.key.startsWith('final_'))) return true;
  // This year's figures say 决算 (本年决算数; the latest of the year rows, 2016年决算数); last year's may (2023年决算数 | 2024年预算数).
  const thisYear = t.columns.filter((c) => /^(current|budget|total)(_|$)/.test(c.key) || (!c.key.includes('_') && THREE_PUBLIC_KEYS.includes(c.key)));
  if (thisYear.some((c) => /决算/.test(c.header))) return true;
  const years = yearRows(t);
  return !!years && /决算/.test(years[years.length - 1].name ?? '');
};

function threeFig(t: Table, item: string): Fig | undefined {
  if (t.itemRows) {
    const r = item === 'sub' ? t.rows.find((x) => x.item === 'sub') ?? t.rows.find((x) => x.isTotal) : t.rows.find((x) => x.item === item);
    // This year's column (上年决算数 | 本年决算数 | 增减: not the first); else the first that is not last year's or a change.
    const a = r && (THIS_YEAR.map((k) => r.amounts[k]).find((x): x is Amount => !!x) ?? Object.entries(r.amounts).find(([k, x]) => x && k !== 'prior' && k !== 'change')?.[1]);
    return fig(a);
  }
  // Rows that are years (2023年 | 2024年): this year's is the latest.
  const years = yearRows(t);
  const tot = totalRow(t) ?? (t.rows.length === 1 ? t.rows[0] : years?.[years.length - 1]);
  for (const q of ['', 'current_', 'budget_']) {
    const a = tot?.amounts[`${q}${item}`];
    if (a) return fig(a);
  }
  return undefined;
}

export function nationalNarrative(d: Disclosure, prior: Prior, notes: string[], who: string): NarrativeSection[] {
  const S: NarrativeSection[] = [];
  const change = (p: P, cur: Fig, pre: Fig | undefined) => (prior ? p.change(cur, pre ?? undefined, { growth: true }) : p.change(cur, undefined));

  // (一) 收支预算总体情况
  const s = first(d, 'summary');
  const inc = blockYear(block(s, (b) => b.key === 'income'));
  const exp = expenseYear(s);
  const incFig = rowFig(inc);
  const expFig = rowFig(exp);
  if (s && incFig && expFig) {
    const p1 = new P().t(`${who}当年收入预算 `).wan(incFig).t(' 万元');
    const incLines = topLines(block(s, (b) => b.key === 'income'));
    if (incLines.length) list(p1.t('，其中：'), incLines, label, (r) => fig(r.amounts.amount));
    change(p1, incFig, priorLine(prior, 'summary', 'income', inc)).t('。');
    const p2 = new P().t(`${who}当年支出预算 `).wan(expFig).t(' 万元');
    const expLines = topLines(block(s, (b) => b.key === 'expense'));
    if (expLines.length) list(p2.t('，其中：'), expLines, label, (r) => fig(r.amounts.amount));
    change(p2, expFig, priorLine(prior, 'summary', 'expense', exp)).t('。');
    S.push(sectionOf('national.1', '（一）收支预算总体情况', [p1, p2]));
  } else notes.push('未找到收支总表的收入、支出合计，未生成“收支预算总体情况”。');

  // (二) 财政拨款收支预算总体情况
  const f = first(d, 'fiscal_summary');
  const fi = blockYear(block(f, (b) => b.key === 'income'));
  const fiFig = rowFig(fi);
  const feFig = rowFig(expenseYear(f));
  if (f && fiFig) {
    const p = new P().t(`${who}当年财政拨款收入 `).wan(fiFig).t(' 万元');
    const lines = topLines(block(f, (b) => b.key === 'income'));
    if (lines.length) list(p.t('，其中：'), lines, label, (r) => fig(r.amounts.amount));
    change(p, fiFig, priorLine(prior, 'fiscal_summary', 'income', fi)).t('。');
    const paras = [p];
    if (feFig) paras.push(change(new P().t(`${who}当年财政拨款支出 `).wan(feFig).t(' 万元'), feFig, priorLine(prior, 'fiscal_summary', 'expense', expenseYear(f))).t('。'));
    S.push(sectionOf('national.2', '（二）财政拨款收支预算总体情况', paras));
  } else notes.push('未找到财政拨款收支总表，未生成“财政拨款收支预算总体情况”。');

  // (三) 一般公共预算支出预算情况（按功能分类的类）
  const gp = first(d, 'gp_func');
  const gpTotal = gp && totalRow(gp);
  const gpFig = rowFig(gpTotal);
  if (gp && gpFig) {
    const p = new P().t(`${who}当年一般公共预算拨款支出 `).wan(gpFig).t(' 万元');
    change(p, gpFig, priorCode(prior, 'gp_func', undefined));
    const classes = gp.rows.filter((r) => !r.isTotal && r.code?.length === 3 && r.amounts.total && !r.amounts.total.value.isZero());
    if (classes.length) {
      p.t('，主要用于：');
      classes.forEach((r, i) => {
        const v = fig(r.amounts.total)!;
        p.t(`${i === 0 ? '' : '；'}${r.name}（${r.code}）`).wan(v).t(' 万元');
        change(p, v, priorCode(prior, 'gp_func', r.code));
      });
    }
    p.t('。');
    S.push(sectionOf('national.3', '（三）一般公共预算支出预算情况', [p]));
  } else notes.push('未找到一般公共预算支出表（功能分类），未生成“一般公共预算支出预算情况”。');

  // (四) 一般公共预算基本支出预算情况（按经济分类的类）
  const basic = first(d, 'basic_econ') ?? first(d, 'fiscal_basic');
  const basicTotal = basic && totalRow(basic);
  // (The table's 合计 may be read as 基本支出: 上海 一般公共预算基本支出 / 合计 | 人员经费 | 公用经费.)
  const basicOf = (r: Row | undefined) => fig(r?.amounts.total ?? r?.amounts.basic);
  const basicFig = basicOf(basicTotal);
  if (basic && basicFig) {
    const p = new P().t(`${who}当年一般公共预算基本支出 `).wan(basicFig).t(' 万元');
    change(p, basicFig, priorCode(prior, basic.kind, undefined));
    const pers = fig(basicTotal!.amounts.personnel);
    const pub = fig(basicTotal!.amounts.public);
    if (pers && pub) p.t('，其中：人员经费 ').wan(pers).t(' 万元，公用经费 ').wan(pub).t(' 万元');
    else {
      const classes = basic.rows.filter((r) => !r.isTotal && r.code?.length === 3 && basicOf(r) && !basicOf(r)!.value.isZero());
      if (classes.length) list(p.t('，其中：'), classes, (r) => `${r.name}（${r.code}）`, basicOf);
    }
    p.t('。');
    S.push(sectionOf('national.4', '（四）一般公共预算基本支出预算情况', [p]));
  }

  // (五) “三公”经费
  const found = first(d, 'three_public');
  const three = found && !isFinalTable(found) ? found : undefined;
  if (found && !three) notes.push(`“${found.title}”是决算表，未据此写“三公”经费预算情况。`);
  const sub = three && threeFig(three, 'sub');
  if (three && sub) {
    // Last year's figure: from last year's workbook, else from the table's own 上年 column; the
    // change is written only where one of them has it (no placeholder for each item).
    const threePrior = (k: string) => priorOf(`three.${k === 'sub' ? 'total' : k}`, d, prior);
    const withChange = (p: P, cur: Fig, k: string) => {
      const pre = threePrior(k);
      return pre ? p.change(cur, pre, { growth: true, reason: k === 'sub' }) : p;
    };
    const p = withChange(new P().t(`${who}当年“三公”经费预算 `).wan(sub).t(' 万元'), sub, 'sub');
    const items = THREE_ITEMS.filter(([k]) => k !== 'meeting' && k !== 'training').map(([k, n]) => [k, n, threeFig(three, k)] as const).filter(([, , v]) => v);
    if (items.length) {
      p.t(threePrior('sub') ? '。其中：' : '，其中：');
      // Items each with their change are set apart by ；.
      const sep = items.some(([k]) => threePrior(k)) ? '；' : '，';
      items.forEach(([k, n, v], i) => withChange(p.t(`${i === 0 ? '' : sep}${n} `).wan(v!).t(' 万元'), v!, k));
    }
    p.t('。');
    const paras = [p];
    for (const [k, n] of THREE_ITEMS.slice(3)) {
      const v = threeFig(three, k);
      if (v) paras.push(withChange(new P().t(`${who}当年${n}预算 `).wan(v).t(' 万元'), v, k).t('。'));
    }
    S.push(sectionOf('national.5', '（五）“三公”经费预算情况', paras));
  } else if (three && !hasData(three)) {
    S.push(sectionOf('national.5', '（五）“三公”经费预算情况', [new P().t(`${who}当年未安排“三公”经费预算，并已公开空表。`)]));
  }

  // (六) 政府性基金预算支出情况
  const fund = first(d, 'fund');
  if (fund) {
    const ft = rowFig(totalRow(fund));
    S.push(
      sectionOf('national.6', '（六）政府性基金预算支出情况', [
        !hasData(fund) || !ft ? new P().t(`${who}当年无政府性基金预算支出，并已公开空表。`) : new P().t(`${who}当年政府性基金预算支出 `).wan(ft).t(' 万元。'),
      ]),
    );
  }

  // (七) 机关运行经费, (八) 政府采购
  // (…from the 机关运行经费 table, or the “三公” table's 机关运行经费 column: 上海 “三公”经费和机关运行经费预算表.)
  const office = first(d, 'office_cost');
  const of = (office && rowFig(totalRow(office))) ?? (three ? threeFig(three, 'office') : undefined);
  if (of) S.push(sectionOf('national.7', '（七）机关运行经费', [new P().t(`${who}当年机关运行经费预算 `).wan(of).t(' 万元。')]));
  const proc = first(d, 'procurement');
  const pf = proc && rowFig(totalRow(proc));
  if (proc) {
    S.push(
      sectionOf('national.8', '（八）政府采购预算情况', [
        pf && !pf.value.isZero() ? new P().t(`${who}当年政府采购预算 `).wan(pf).t(' 万元。') : new P().t(`${who}当年无政府采购预算。`),
      ]),
    );
  }
  // Numbered in the order written: a section the workbook gives nothing for leaves no gap.
  S.forEach((sec, i) => (sec.title = sec.title.replace(/^（[一二三四五六七八九十]+）/, `（${chineseNumber(i + 1)}）`)));
  if (S.length) S.unshift({ id: 'national', title: '部门预算情况说明', level: 1, paragraphs: [] });
  return S;
}
