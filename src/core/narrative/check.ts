/**
 * checkNarrative: a 说明 text (paragraphs) against itself and, when given, against the tables.
 */
import { builtinCatalogue } from '../codes/catalogue';
import { Disclosure } from '../disclosure';
import { Finding } from '../finding';
import type { CodeCatalogue } from '../codes/catalogue';
import { extract } from './extract';
import { TextFindings, checkTextArithmetic } from './textcheck';
import { checkAgainstTables } from './match';
import { charactersInOrder } from '../zh';

export interface NarrativeCheckOptions {
  /** The cell each paragraph was read from (a 说明 sheet); findings then point at it first. */
  paragraphCells?: (string | undefined)[];
  /** Code catalogue for codes in the text (名称 beside a code). */
  codes?: CodeCatalogue;
  /** A label for messages: the file or sheet the text came from. */
  source?: string;
  /**
   * Last year's workbook (CLI --prior, the pane's 上年 picker). 较上年 changes and 上年 figures are
   * compared with it only when given; otherwise only with a table's own 上年 column (三公), if any.
   */
  prior?: Disclosure | null;
}

export function checkNarrative(paragraphs: string[], d: Disclosure | null, opts: NarrativeCheckOptions = {}): Finding[] {
  const x = extract(paragraphs);
  const out = new TextFindings(x, { paragraphCells: opts.paragraphCells });
  checkTextArithmetic(x, out);
  // Without the user's list, the built-in 科目 list (partial) still names the codes it knows.
  checkAgainstTables(x, d, out, opts.codes ?? builtinCatalogue(), opts.prior);
  if (d?.year) headingYears(paragraphs, d.year, out);
  if (d) headingUnits(paragraphs, d, out);
  return out.findings;
}

/**
 * A heading of the 说明 that names the budget year (“2023年部门预算公开说明”) against the year of the
 * workbook's tables: another year there is a heading left from last year's document. Only headings —
 * a short paragraph about the 预算 that ends as a title does — are read; years in the text (截至2023年
 * 12月31日, 2023年执行数) are legitimately other years.
 */
function headingYears(paragraphs: string[], year: number, out: TextFindings): void {
  paragraphs.forEach((raw, i) => {
    // This year's budget compared with itself: “比2024年预算增加” in the 2024 budget's 说明.
    for (const m of raw.matchAll(/(?:比|较|与)\s*((?:19|20)\d{2})\s*年(?:度)?(?:年初)?预算(?:数)?(?:相比)?\s*(?:增加|减少|增长|下降|持平|相比|,|，)/g)) {
      if (Number(m[1]) !== year || /决算|执行/.test(raw.slice(Math.max(0, m.index! - 30), m.index!))) continue;
      out.add('narrative.year', 'warning', i + 1, m.index!, m.index! + m[0].length, `${year} 年的预算在与“${m[1]}年预算”比较，比较的应是上一年度（${year - 1} 年）；请核对年份。`, { expected: String(year - 1), actual: m[1], unit: 'text' });
    }
  });
  paragraphs.forEach((raw, i) => {
    const p = raw.trim();
    if (p.length > 40 || !/预算/.test(p) || /决算|执行|完成/.test(p)) return;
    if (!/(预算|公开|说明|情况|报告)[)）]?$/.test(p.replace(/[。.\s]+$/, ''))) return;
    const years = [...p.matchAll(/((?:19|20)\d{2})\s*年/g)];
    if (years.length !== 1) return;
    const y = Number(years[0][1]);
    if (y === year) return;
    const m = years[0];
    out.add('narrative.year', 'warning', i + 1, m.index!, m.index! + m[0].length, `标题写的是 ${y} 年，而报表是 ${year} 年度的；请核对标题是否沿用了其他年度的说明。`, { expected: String(year), actual: String(y), unit: 'text' });
  });
}

const UNIT_SUFFIX = /(局|委员会|委|办公室|办|院|中心|厅|部|所|站|馆|队|政府|街道|镇|乡|协会|联合会|联|会|处|社|校|学院|医院)$/;

/**
 * “子洲县医保经办中心” for “子洲县医疗保险经办中心”, “通城县人社局” for “通城县人力资源和社会保障局”: the
 * same place, the same kind of unit (last character), and every character in order in the full name.
 */
function abbreviates(short: string, full: string): boolean {
  if (short.length >= full.length || short.slice(0, 2) !== full.slice(0, 2) || short[short.length - 1] !== full[full.length - 1]) return false;
  return charactersInOrder(short, full);
}

/**
 * The unit named at the head of the 说明 (“上海市嘉定区司法局2024年部门预算公开说明”) against every
 * name the workbook gives its 部门 and 单位 (cover, 表头, 单位 rows): a name found nowhere in the
 * workbook is a heading left from another unit's document. Only a name standing before the year at
 * the start of a 预算 heading is read.
 */
function headingUnits(paragraphs: string[], d: Disclosure, out: TextFindings): void {
  const norm = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const known = new Set<string>();
  for (const u of d.unitNames ?? []) if (u.name) known.add(norm(u.name));
  for (const t of d.tables ?? []) for (const r of t.rows) if (t.scheme === 'unit' && r.name) known.add(norm(r.name));
  if (d.unitName) known.add(norm(d.unitName));
  if (known.size === 0) return;
  paragraphs.forEach((raw, i) => {
    const p = norm(raw.trim());
    if (p.length > 50 || !/预算/.test(p)) return;
    const m = /^(.{4,30}?)(?:(?:19|20)\d{2}年(?:度)?)/.exec(p);
    if (!m || !UNIT_SUFFIX.test(m[1]) || /XX|××|某/.test(m[1])) return;
    const name = m[1];
    if ([...known].some((k) => k.includes(name) || name.includes(k) || abbreviates(name, k))) return;
    const start = raw.indexOf(name[0]);
    out.add('narrative.unit_name', 'warning', i + 1, Math.max(0, start), Math.max(0, start) + name.length, `标题中的单位“${name}”在报表中没有出现（报表中的单位：${[...known].slice(0, 3).join('、')}）；请核对标题是否沿用了其他单位的说明。`, { expected: [...known][0], actual: name, unit: 'text' });
  });
}
