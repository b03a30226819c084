/**
 * The national layer: the 财政部 standard set of 部门/单位预算公开 tables, recognised by what the
 * title means and what the header columns are, in any province's wording.
 *
 * - Titles are reduced by canonicalTitle() (表号, ordinal, year, （不含上年结转） … removed; （功能科目）
 *   kept as a 功能/经济 signal) and classified by their words: 收支 + 总表, 财政拨款, 一般公共预算,
 *   基本支出, 三公, 政府性基金, 国有资本经营, 机关运行经费, 政府采购, 项目支出, 绩效目标.
 * - Columns are read by meaning: 科目编码 (one column, or 类 | 款 | 项), 科目名称, 合计/金额/预算数,
 *   基本支出 (人员经费, 公用经费), 项目支出, the 收入 sources, the “三公” items (with 预算数/决算数 or
 *   上年/本年/增减 qualifiers).
 * A province folder adds only what differs; a workbook from a province without one is read by this
 * profile alone.
 */
import { COUNT_WORDS, ColumnSpec, ColumnSum, Profile, TableSpec, headerYears, normalise } from '../../recognise/profile';
import { CanonicalTitle } from '../../recognise/titles';
import { CODE_COLUMNS, FISCAL_SOURCE_COLUMNS } from '../standard';

/** The total column of a table: 合计, 总计, 金额, 预算数 … but not a 基本/项目 sub-total. */
const TOTAL: ColumnSpec = { key: 'total', match: /合计|总计|金额|预算数|本年预算|小计$|^\d{4}年$/, exclude: /基本支出|项目支出|人员经费|公用经费|其中/ };

/** “其中” columns are parts of the column before them, never addends of the row's total. */
const OF_WHICH: ColumnSpec[] = [1, 2, 3, 4].map((i) => ({ key: `of_which_${i}`, match: /其中/ }));

const BASIC_SPLIT: ColumnSpec[] = [
  { key: 'personnel', match: /人员经费|工资福利|对个人和家庭/ },
  { key: 'public', match: /公用经费|商品和服务/ },
];

/** 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出, by 功能科目. */
const FUNC_COLUMNS: ColumnSpec[] = [
  ...CODE_COLUMNS,
  ...OF_WHICH,
  ...BASIC_SPLIT,
  { key: 'basic', match: /基本支出/ },
  { key: 'project', match: /项目支出|专项业务经费|专项支出/ },
  TOTAL,
];

/** This year = last year + the change, where the table compares the two. */
const COMPARISON_SUM: ColumnSum = { total: 'total', parts: ['prior', 'change'], all: true };

const FUNC_SUMS: ColumnSum[] = [
  COMPARISON_SUM,
  { total: 'total', parts: ['basic', 'project'], all: true },
  { total: 'basic', parts: ['personnel', 'public'], all: true },
  // Without a 基本支出 column: 合计 = 人员经费 + 公用经费 (+ 项目支出).
  { total: 'total', parts: ['personnel', 'public', 'project'], exclusive: true },
];

/** 合计 | 人员经费 | 公用经费, by 经济科目. */
const ECON_COLUMNS: ColumnSpec[] = [
  { key: 'code2', match: /政府.*经济.*(编码|代码)/, type: 'code2' },
  { key: 'name2', match: /政府.*经济.*名称/, type: 'name2' },
  ...CODE_COLUMNS,
  ...OF_WHICH,
  { key: 'personnel', match: /人员经费/ },
  { key: 'public', match: /公用经费/ },
  { key: 'basic', match: /基本支出/ },
  { key: 'project', match: /项目支出|专项业务经费|专项支出/ },
  TOTAL,
];

const ECON_SUMS: ColumnSum[] = [
  COMPARISON_SUM,
  // 合计 = 人员经费 + 公用经费 (+ 项目支出 / 专项业务经费 where the table has them)
  { total: 'total', parts: ['personnel', 'public', 'project'], exclusive: true },
  { total: 'total', parts: ['basic', 'project'], all: true },
  // 基本支出 = 人员经费 + 公用经费 (上海: 一般公共预算基本支出 / 合计 | 人员经费 | 公用经费, read as 基本支出).
  { total: 'basic', parts: ['personnel', 'public'], all: true },
];

/** The 收入 sources, as columns (收入总表 by 功能科目). */
export const INCOME_COLUMNS: ColumnSpec[] = [
  ...CODE_COLUMNS,
  ...OF_WHICH,
  { key: 'subtotal', match: /本年收入.*(小计|合计)$/ },
  { key: 'carryover', match: /上年结转|结转结余|上年结余/ },
  { key: 'gp', match: /一般公共预算|公共财政/ },
  { key: 'fund', match: /政府性基金/ },
  { key: 'state_capital', match: /国有资本/ },
  { key: 'special_account', match: /财政专户/ },
  { key: 'fiscal', match: /财政拨款/ },
  { key: 'unit_funds', match: /单位资金/ },
  { key: 'business', match: /事业收入/ },
  { key: 'operating', match: /经营收入/ },
  { key: 'superior', match: /上级补助/ },
  { key: 'affiliated', match: /附属单位/ },
  { key: 'business_fund', match: /事业基金/ },
  { key: 'other', match: /其他/ },
  { ...TOTAL, exclude: /基本支出|项目支出|其中|本年收入/ },
];

/** The 财政拨款 sources; 财政拨款 itself may be printed as their subtotal, or alone. */
const FISCAL_SOURCES = ['gp', 'fund', 'state_capital'];
const OTHER_SOURCES = ['special_account', 'unit_funds', 'business', 'operating', 'superior', 'affiliated', 'business_fund', 'other'];

/**
 * 合计 = 本年收入 + 上年结转, and 本年收入 = Σ sources — counting 财政拨款 once: by its sources where
 * they are printed (a 财政拨款 column beside them is their subtotal), else by its own column.
 */
function incomeSums(total: string, extra: string[]): ColumnSum[] {
  return [
    { total, parts: [...FISCAL_SOURCES, ...OTHER_SOURCES, ...extra], exclusive: true, besides: ['fiscal', 'subtotal', 'carryover'].filter((k) => !extra.includes(k) && k !== total), requiresAny: FISCAL_SOURCES },
    { total, parts: ['fiscal', ...OTHER_SOURCES, ...extra], exclusive: true, besides: [...FISCAL_SOURCES, 'subtotal', 'carryover'].filter((k) => !extra.includes(k) && k !== total), requires: ['fiscal'] },
  ];
}

export const INCOME_SUMS: ColumnSum[] = [
  { total: 'total', parts: ['subtotal', 'carryover'], all: true },
  ...incomeSums('subtotal', []),
  ...incomeSums('total', ['carryover']).map((x) => ({ ...x, besides: [...(x.besides ?? []), 'subtotal'] })),
  // 财政拨款 printed as the subtotal of its sources.
  { total: 'fiscal', parts: FISCAL_SOURCES, requires: ['fiscal'], requiresAny: FISCAL_SOURCES },
];

/** 合计 | 基本支出 | 项目支出 | 经营支出 | 上缴上级 | 对附属单位补助 | 预留 | 结转下年. */
const EXPENDITURE_COLUMNS: ColumnSpec[] = [
  ...CODE_COLUMNS,
  ...OF_WHICH,
  ...BASIC_SPLIT,
  { key: 'basic', match: /基本支出/ },
  { key: 'project', match: /项目支出/ },
  { key: 'operating', match: /经营支出/ },
  { key: 'remit', match: /上缴上级|上解上级/ },
  { key: 'affiliated', match: /附属单位/ },
  { key: 'reserve', match: /预留|机动/ },
  { key: 'carry_next', match: /结转下年|年末结转/ },
  TOTAL,
];

const EXPENDITURE_SUMS: ColumnSum[] = [
  { total: 'total', parts: ['basic', 'project', 'operating', 'remit', 'affiliated', 'reserve', 'carry_next'] },
  { total: 'basic', parts: ['personnel', 'public'], all: true },
];

const SUMMARY_BLOCKS = [
  { key: 'func', match: /功能/ },
  { key: 'gov_econ', match: /政府.*经济/ },
  { key: 'dept_econ', match: /经济/ },
  // 支出 | 本年支出 | 财政拨款支出 over 项目 | 预算数 (上海), …/支出, 支出用途.
  { key: 'expense', match: /^(?:本年|当年|财政拨款)*支出|\/支出|用途/ },
  { key: 'income', match: /收入|项目|来源/ },
];

// ---------------------------------------------------------------------------------------------
// “三公” columns: each header path is an item (出国, 公务用车 小计/购置/运行, 接待, 会议, 培训, 三公
// 小计, 合计) and at most one qualifier (上年/本年/增减, 预算数/决算数).
// ---------------------------------------------------------------------------------------------

const QUALIFIERS: { key: string; re: RegExp }[] = [
  { key: 'change', re: /增、?减|增长|减少|增加|比上年|较上年/ },
  { key: 'prior', re: /上年|上一年/ },
  { key: 'current', re: /本年|当年/ },
  { key: 'final', re: /决算/ },
  { key: 'budget', re: /预算数|^预算$|年初预算|全年预算/ },
];

/** The “三公” item a header segment or row label names; counts (COUNT_WORDS) are never an item. */
export function itemOf(seg: string): string | undefined {
  if (COUNT_WORDS.test(seg)) return undefined;
  if (/机关运行/.test(seg)) return 'office';
  if (/出国|出境/.test(seg)) return 'abroad';
  if (/接待/.test(seg)) return 'reception';
  if (/会议/.test(seg)) return 'meeting';
  if (/培训/.test(seg)) return 'training';
  if (/购置/.test(seg) && !/运行/.test(seg)) return 'car_buy';
  if (/运行/.test(seg) && !/购置/.test(seg)) return 'car_run';
  if (/公务用车|公车|车辆/.test(seg)) return 'car_sub';
  if (/三公/.test(seg)) return 'sub';
  return undefined;
}

/** The item and qualifier of a “三公” header path, e.g. `"三公"经费/公务用车购置及运行费/小计/预算数` → car_sub, budget. */
export function threePublicColumn(path: string, hasMeetingOrTraining: boolean): { item: string; qualifier?: string } | undefined {
  const segs = path.split('/').filter(Boolean);
  let qualifier: string | undefined;
  const items: string[] = [];
  for (const s of segs) {
    const q = QUALIFIERS.find((x) => x.re.test(s));
    const it = itemOf(s);
    if (q && !qualifier) qualifier = q.key;
    if (it) items.push(it);
    else if (/^(小计|合计|总计)$/.test(s.replace(/\(.*\)$/, ''))) items.push('__total');
    else if (q) continue;
  }
  if (items.length === 0) return undefined;
  let item = items[items.length - 1];
  if (item === '__total') {
    const parent = items.length > 1 ? items[items.length - 2] : undefined;
    if (parent === 'car_sub') item = 'car_sub';
    else if (parent === 'sub') item = 'sub';
    else if (parent === undefined) item = hasMeetingOrTraining ? 'total' : 'sub';
    else return undefined;
  }
  return { item, qualifier };
}

/** The key of an amount column that names no “三公” item: its qualifier, else 'total'. */
function plainAmountColumn(path: string): string | undefined {
  const last = path.split('/').pop() ?? '';
  if (COUNT_WORDS.test(last) || /率|幅|%|比例|比重/.test(last)) return undefined;
  // 合计 | 一般公共预算 | 政府性基金 | 国有资本经营 by source.
  if (/一般公共预算|公共财政|^(?:其中[:：]?)?公共预算/.test(last)) return 'gp';
  if (/政府性基金/.test(last)) return 'fund';
  if (/国有资本/.test(last)) return 'state_capital';
  if (/合计|总计/.test(last)) return 'total';
  const q = QUALIFIERS.find((x) => x.re.test(last));
  if (q) return q.key;
  if (/合计|金额|预算数|总计|^(19|20)\d{2}年/.test(last)) return 'total';
  return undefined;
}

const THREE_PUBLIC_ITEM_SUMS: [string, string[]][] = [
  ['sub', ['abroad', 'car_sub', 'reception']],
  ['car_sub', ['car_buy', 'car_run']],
  ['total', ['sub', 'meeting', 'training']],
];

function threePublicSums(qualifiers: (string | undefined)[]): ColumnSum[] {
  const out: ColumnSum[] = [];
  for (const q of qualifiers) {
    const p = q ? `${q}_` : '';
    for (const [t, parts] of THREE_PUBLIC_ITEM_SUMS) out.push({ total: p + t, parts: parts.map((x) => p + x), all: true });
  }
  return out;
}

/** The keys of the “三公” items and totals (unqualified: 合计 | 因公出国 … in 江苏's columns). */
export const THREE_PUBLIC_KEYS = ['sub', 'abroad', 'car_sub', 'car_buy', 'car_run', 'reception', 'meeting', 'training', 'total'];

const ALL_QUALIFIERS = [undefined, 'prior', 'current', 'change', 'budget', 'final'];

/** Column specs for every (qualifier, item) pair, built from the classifier above. */
function threePublicSpecs(): ColumnSpec[] {
  const specs: ColumnSpec[] = [
    { key: 'code', match: /单位编码|编码|代码/, type: 'code' },
    // 年度 | 合计 | 因公出国(境)费 …: the years are the rows (2015年, 2016年, 增减%).
    { key: 'name', match: /单位名称|名称|项目$|^(支出|科目|内容|类别|经费|年度|年份)$/, type: 'name' },
  ];
  return specs;
}

const THREE_PUBLIC: TableSpec = {
  id: 'n_three_public',
  kind: 'three_public',
  name: '“三公”经费支出表',
  title: /三公/,
  layout: 'coded',
  scheme: 'unit',
  optional: true,
  columns: threePublicSpecs(),
  classifyColumns(paths) {
    const hasMT = [...paths.values()].some((p) => /会议|培训/.test(p));
    const out: { key: string; col: number; header: string }[] = [];
    const used = new Set<string>();
    // 2023年预算数 | 2024年预算数: the earlier year's column is last year's, whatever else it says.
    const years = headerYears(paths.values());
    for (const [col, path] of paths) {
      const c = threePublicColumn(path, hasMT);
      // A column with no item (预算数, 决算数, 2024年, 金额): the items are the rows.
      const plain = !c ? plainAmountColumn(path) : undefined;
      if (!c && !plain) continue;
      let key = c ? (c.qualifier ? `${c.qualifier}_${c.item}` : c.item) : plain!;
      if (years.earlier(path) && !(c ? c.qualifier === 'change' : plain === 'change')) key = c ? `prior_${c.item}` : 'prior';
      if (used.has(key)) continue;
      used.add(key);
      out.push({ key, col, header: path });
    }
    return out;
  },
  sums: [
    ...threePublicSums(ALL_QUALIFIERS),
    { total: 'total', parts: ['gp', 'fund', 'state_capital'], all: true },
    ...THREE_PUBLIC_KEYS.map((k) => ({ total: `current_${k}`, parts: [`prior_${k}`, `change_${k}`], all: true })),
    // Items as rows: 本年 = 上年 + 增减 on each row (施甸 上年决算数 | 本年决算数 | 增、减金额).
    { total: 'current', parts: ['prior', 'change'], all: true },
    // …or under the years (浙江 2023年预算数 | 2024年预算数 | 增减: the later year is read as 预算数).
    ...THREE_PUBLIC_KEYS.map((k) => ({ total: `budget_${k}`, parts: [`prior_${k}`, `change_${k}`], all: true })),
    { total: 'budget', parts: ['prior', 'change'], all: true },
  ],
  rowItems: itemOf,
};

// ---------------------------------------------------------------------------------------------

const spec = (s: Omit<TableSpec, 'title'> & { title?: RegExp }): TableSpec => ({ title: /$^/, optional: true, ...s }) as TableSpec;

export const NATIONAL_TABLES: TableSpec[] = [
  spec({ id: 'n_catalogue', kind: 'catalogue', name: '目录', layout: 'catalogue' }),
  spec({ id: 'n_summary', kind: 'summary', name: '部门收支总表', layout: 'summary', blocks: SUMMARY_BLOCKS, optional: false }),
  spec({ id: 'n_income', kind: 'income', name: '部门收入总表', layout: 'coded', scheme: 'func', columns: INCOME_COLUMNS, sums: INCOME_SUMS, optional: false }),
  spec({ id: 'n_expenditure', kind: 'expenditure', name: '部门支出总表', layout: 'coded', scheme: 'func', columns: EXPENDITURE_COLUMNS, sums: EXPENDITURE_SUMS, optional: false }),
  spec({ id: 'n_fiscal_summary', kind: 'fiscal_summary', name: '财政拨款收支总表', layout: 'summary', blocks: SUMMARY_BLOCKS, blockColumns: FISCAL_SOURCE_COLUMNS, optional: false }),
  spec({ id: 'n_fiscal_func', kind: 'fiscal_func', name: '财政拨款支出表（功能科目）', layout: 'coded', scheme: 'func', columns: FUNC_COLUMNS, sums: FUNC_SUMS }),
  spec({ id: 'n_fiscal_basic', kind: 'fiscal_basic', name: '财政拨款基本支出表（经济科目）', layout: 'coded', scheme: 'econ', columns: ECON_COLUMNS, sums: ECON_SUMS }),
  spec({ id: 'n_gp_func', kind: 'gp_func', name: '一般公共预算支出表（功能科目）', layout: 'coded', scheme: 'func', columns: FUNC_COLUMNS, sums: FUNC_SUMS, optional: false }),
  spec({ id: 'n_gp_econ', kind: 'gp_econ', name: '一般公共预算支出表（经济科目）', layout: 'coded', scheme: 'econ', columns: ECON_COLUMNS, sums: ECON_SUMS }),
  spec({ id: 'n_basic_econ', kind: 'basic_econ', name: '一般公共预算基本支出表（经济科目）', layout: 'coded', scheme: 'econ', columns: ECON_COLUMNS, sums: ECON_SUMS, optional: false }),
  spec({ id: 'n_basic_func', kind: 'basic_func', name: '一般公共预算基本支出表（功能科目）', layout: 'coded', scheme: 'func', columns: FUNC_COLUMNS, sums: FUNC_SUMS }),
  spec({ id: 'n_fund', kind: 'fund', name: '政府性基金预算支出表', layout: 'coded', scheme: 'func', columns: FUNC_COLUMNS, sums: FUNC_SUMS }),
  spec({ id: 'n_fund_summary', kind: 'fund', name: '政府性基金收支表', layout: 'summary', blocks: SUMMARY_BLOCKS }),
  spec({ id: 'n_state_capital', kind: 'state_capital', name: '国有资本经营预算支出表', layout: 'coded', scheme: 'func', columns: FUNC_COLUMNS, sums: FUNC_SUMS }),
  THREE_PUBLIC,
  spec({
    id: 'n_office_cost',
    kind: 'office_cost',
    name: '机关运行经费支出表',
    layout: 'coded',
    scheme: 'econ',
    columns: [...CODE_COLUMNS, { key: 'total', match: /机关运行经费|合计|金额|预算数/ }],
  }),
  spec({
    id: 'n_procurement',
    kind: 'procurement',
    name: '政府采购预算表',
    layout: 'coded',
    columns: [
      { key: 'name', match: /品目|名称|项目/, type: 'name' },
      { key: 'quantity', match: /数量/, type: 'text' },
      { key: 'total', match: /总计|合计|金额|预算/ },
    ],
  }),
  spec({
    id: 'n_special',
    kind: 'special',
    name: '项目支出表',
    // Projects under their 单位 and groups by indentation, or under their 功能科目 by code.
    layout: 'tree',
    // 项目名称 | 功能科目编码 | 科目名称 | 合计 | 一般公共预算 | 政府性基金 | … : the row is named by its
    // project; the 科目名称 beside the code is the code's name (code_name), and the sources are
    // columns like the 收入总表's. A 项目编码 is not a 科目编码.
    columns: [
      { key: 'code', match: /编码|代码/, exclude: /项目(编码|代码)/, type: 'code' },
      { key: 'name', match: /项目名称|(^|\/)项目$/, type: 'name' },
      { key: 'code_name', match: /名称/, type: 'text' },
      ...OF_WHICH,
      ...INCOME_COLUMNS.filter((c) => !['code', 'name', 'total', 'subtotal'].includes(c.key) && !c.key.startsWith('of_which')),
      { key: 'total', match: /合计|金额|预算数|总计/ },
    ],
    sums: INCOME_SUMS.filter((x) => x.total === 'total' && !x.parts.includes('subtotal')),
  }),
  spec({
    id: 'n_perf_overall',
    kind: 'perf_overall',
    name: '部门（单位）整体支出绩效目标表',
    layout: 'coded',
    columns: [
      { key: 'name', match: /任务名称|名称|项目/, type: 'name' },
      { key: 'content', match: /主要内容|内容/, type: 'text' },
      { key: 'fiscal', match: /财政拨款/ },
      { key: 'other', match: /其他资金/ },
      { key: 'total', match: /总额|合计|金额|预算数/ },
    ],
    sums: [{ total: 'total', parts: ['fiscal', 'other'], all: true }],
  }),
  spec({
    id: 'n_perf_project',
    kind: 'perf_project',
    name: '项目绩效目标表',
    layout: 'form',
    repeat: true,
    fields: [
      { key: 'code', match: /^项目编码/ },
      { key: 'project', match: /^项目名称/ },
      { key: 'total', match: /^(预算数|资金总额|年度资金总额|项目资金)/, amount: true },
      { key: 'fiscal', match: /^(其中:)?财政(资金|拨款)/, amount: true },
      { key: 'other', match: /^(其中:)?其他资金/, amount: true },
      // 资金支出计划: cumulative shares by month, each under its label.
      { key: 'plan_header', match: /^资金支出计划/ },
      { key: 'plan_03', match: /^3月底?$/, amount: true, below: true },
      { key: 'plan_06', match: /^6月底?$/, amount: true, below: true },
      { key: 'plan_10', match: /^10月底?$/, amount: true, below: true },
      { key: 'plan_12', match: /^12月底?$/, amount: true, below: true },
    ],
  }),
];

/**
 * The table a title names, by meaning. `core` has no 表号, ordinal, year or neutral qualifier; the
 * words before the table name (the 部门's name, 部门/单位/本级/区级 …) are not looked at.
 */
export function classifyTitle(t: CanonicalTitle): string | undefined {
  const n = t.core;
  if (/^(公开)?目录$/.test(n)) return 'n_catalogue';
  // A title names a table: it ends with 表 (预算表, 总表, 明细表, 统计表, 情况表 …).
  // (“三公” tables are also headed …情况, 统计: "2020年度全区“三公”经费决算情况".)
  if (n.length < 3 || n.length > 60 || !(/表$/.test(n) || (/三公/.test(n) && /(情况|统计)$/.test(n)))) return undefined;
  // Headings of the 说明 and 目录 listings that only mention a table.
  if (/说明|情况介绍|附件|目录|公开$/.test(n)) return undefined;
  if (/决算/.test(n) && !/三公/.test(n)) return undefined; // 决算 tables are another set
  if (/绩效/.test(n)) return /整体/.test(n) ? 'n_perf_overall' : /总体/.test(n) ? undefined : 'n_perf_project';
  if (/三公/.test(n)) return 'n_three_public';
  if (/机关运行经费/.test(n)) return 'n_office_cost';
  if (/政府采购/.test(n)) return 'n_procurement';
  if (/收支/.test(n) && /总表|收支(预算)?表$/.test(n)) {
    if (/政府性基金/.test(n)) return 'n_fund_summary';
    if (/财政拨款/.test(n)) return 'n_fiscal_summary';
    if (/国有资本/.test(n)) return undefined;
    return 'n_summary';
  }
  if (/国有资本经营/.test(n)) return 'n_state_capital';
  if (/政府性基金/.test(n)) return 'n_fund';
  if (/收入/.test(n) && !/支出/.test(n)) return 'n_income';
  if (/基本支出/.test(n)) {
    const econ = t.scheme !== 'func';
    if (/一般公共预算|公共财政/.test(n)) return econ ? 'n_basic_econ' : 'n_basic_func';
    if (/财政拨款/.test(n)) return econ ? 'n_fiscal_basic' : 'n_basic_func';
    return econ ? 'n_basic_econ' : 'n_basic_func';
  }
  if (/项目支出|专项业务经费/.test(n)) return 'n_special';
  if (/一般公共预算|公共财政/.test(n) && /支出/.test(n)) return t.scheme === 'econ' ? 'n_gp_econ' : 'n_gp_func';
  if (/财政拨款/.test(n) && /支出/.test(n)) return t.scheme === 'econ' ? undefined : 'n_fiscal_func';
  if (/支出/.test(n) && /总表$/.test(n)) return 'n_expenditure';
  // “部门支出预算表” (广东): the 支出总表 by another name — 支出 of the 部门 with nothing else said.
  if (/(?:^|部门|单位)支出(?:预算)?表$/.test(n)) return 'n_expenditure';
  return undefined;
}

/**
 * A caption that names no table, by its header: the “三公” table when the header names 因公出国(境)
 * and 公务接待 in cells of their own (with or without 公务用车) — a header of the three items, not
 * a sentence that mentions them.
 */
export function classifyHeader(cells: string[]): string | undefined {
  const named = cells.filter((t) => t.length <= 20).map(normalise).filter((t) => !HEADER_WORD.test(t));
  const items = named.map(itemOf);
  const kinds = new Set(items);
  // The items, not a list of 经济科目 that has 因公出国 and 公务接待 among 办公费, 印刷费 …
  const others = items.filter((x) => x === undefined).length;
  return kinds.has('abroad') && kinds.has('reception') && others <= 1 ? 'n_three_public' : undefined;
}

/** Header words that name no column's content (合计, 年度, 预算数, 单位：万元 …). */
const HEADER_WORD = /^(合计|小计|总计|项目|年度|年份|序号|单位.*|科目.*|金额|备注|其中.*|(19|20)\d{2}年.*|.*(预算|决算)数?|上年.*|本年.*|增减.*|比上年.*)$/;

export const NATIONAL: Profile = {
  id: 'national',
  name: '全国通用（财政部部门预算公开标准表）',
  defaultUnit: '万元',
  tables: NATIONAL_TABLES,
  classify: classifyTitle,
  classifyHeader,
  fallback: true,
};
