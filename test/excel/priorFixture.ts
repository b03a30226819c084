/**
 * Last year's workbook for the prior-year tests: seed 000 (陕西, 子洲县工伤保险经办中心) with every
 * amount ×0.95 (2 decimals, half-up) and the cover's year one earlier, written to .xlsx bytes.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { SEED_000, LAYOUT_000, ShaanxiData, buildShaanxiFromData } from '../fixtures/shaanxi';
import { deepCopy } from '../fixtures/shaanxi-model';
import type { Amt } from '../fixtures/common';

const NUMERIC = /^-?[\d,]+(\.\d+)?$/;

function scaleNumber(n: number, f: Decimal): number {
  return new Decimal(n).times(f).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** One amount scaled; text amounts keep their printed form ("2,812,840.00"). */
function scaleAmt<T>(a: T, f: Decimal): T {
  if (a === null || a === undefined) return a;
  if (typeof a === 'number') return scaleNumber(a, f) as T;
  if (typeof a === 'string') {
    const s = a.trim();
    if (!NUMERIC.test(s)) return a;
    const v = new Decimal(s.replace(/,/g, '')).times(f).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const [int, dec] = v.toFixed(2).split('.');
    return `${s.includes(',') ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int}.${dec}` as T;
  }
  const o = a as unknown as Exclude<Amt, null | number | string> | { sumOf: number[] };
  if ('sumOf' in o) return a; // the layout sums the scaled rows
  if ('n' in o) return { ...o, n: scaleNumber(o.n, f) } as T;
  return { ...o, result: scaleNumber(o.result, f) } as T;
}

/** Every amount of a 陕西 data model ×f; codes, labels and other text untouched. */
export function scaleShaanxi(src: ShaanxiData, f: Decimal.Value, year?: { from: string; to: string }): ShaanxiData {
  const d = deepCopy(src);
  const k = new Decimal(f);
  const tables = [d.tables.t1, d.tables.t2, d.tables.t3, d.tables.t4, d.tables.t5, d.tables.t6, d.tables.t7, d.tables.t8, d.tables.t9, d.tables.t10, d.tables.t11, d.tables.t12, ...d.tables.t13, d.tables.t14, d.tables.t15];
  for (const t of tables) {
    if (t.kind === 'summary') {
      for (const b of t.blocks) for (const l of b) l.amount = scaleAmt(l.amount, k);
      for (const row of t.footer) for (const l of row) if (l) l.amount = scaleAmt(l.amount, k);
    } else if (t.kind === 'grid') {
      for (const r of t.rows) r.cells = r.cells.map((c, j) => (t.amountCols.includes(j) ? scaleAmt(c, k) : c));
    } else {
      for (const row of t.rows) for (const c of row) if (c.amount) c.v = scaleAmt(c.v, k);
    }
  }
  if (year) d.cover.title = d.cover.title.split(year.from).join(year.to);
  return d;
}

/** Seed 000 as published, amounts ×0.95, cover “2023年…”: last year's workbook. */
export function buildPrior000(): ExcelJS.Workbook {
  return buildShaanxiFromData(scaleShaanxi(SEED_000, '0.95', { from: '2024年', to: '2023年' }), LAYOUT_000);
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
