// Builds the test/corpus/real-b/*.xlsx workbooks: real published 三公 tables from provinces not
// covered by test/corpus/real (云南, 浙江), rebuilt cell for cell from the stored public pages named
// in ../SOURCES.md. Every label and figure is copied as the stored page shows it (half-width
// punctuation and odd spaces included); nothing is corrected or added. Cells that the page shows
// empty stay empty. Layout (merged header cells) follows the printed order; where the stored copy
// does not show the merges, the assumption is written in SOURCES.md.
//
// Run from the repository root:  node test/corpus/real-b/build/build.mjs
// (uses the project's ExcelJS).  Then:  python3 test/corpus/real-b/build/verify.py
//                                        python3 test/corpus/real-b/build/key-md.py

import ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const thin = { style: 'thin' };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: '宋体', size: 10 };

// Same helper as test/corpus/real/build/build.mjs: a table is laid out like HTML rows; each cell is
// a value or {v, cs, rs, align, bold, dp, fmt}; a cell never lands on a slot already taken by a
// row/col span from above. Number cells get a number format with the decimals the page printed.
function place(ws, startRow, rows, { border = true, dp = 2 } = {}) {
  const taken = new Set();
  let r = startRow;
  for (const row of rows) {
    let c = 1;
    for (const raw of row) {
      while (taken.has(`${r},${c}`)) c++;
      const spec = raw !== null && typeof raw === 'object' ? raw : { v: raw };
      const cs = spec.cs || 1;
      const rs = spec.rs || 1;
      for (let rr = r; rr < r + rs; rr++) for (let cc = c; cc < c + cs; cc++) taken.add(`${rr},${cc}`);
      for (let rr = r; rr < r + rs; rr++) {
        for (let cc = c; cc < c + cs; cc++) {
          const cell = ws.getCell(rr, cc);
          cell.font = { ...FONT, ...(spec.bold ? { bold: true } : {}) };
          if (border && spec.border !== false) cell.border = BOX;
        }
      }
      const cell = ws.getCell(r, c);
      const isNum = typeof spec.v === 'number';
      if (spec.v !== null && spec.v !== undefined) cell.value = spec.v;
      if (isNum) {
        const d = spec.dp ?? dp;
        cell.numFmt = spec.fmt || (d === 0 ? '0' : '0.' + '0'.repeat(d));
      }
      cell.alignment = {
        vertical: 'middle',
        horizontal: spec.align || (isNum ? 'right' : 'left'),
        wrapText: true,
      };
      if (cs > 1 || rs > 1) ws.mergeCells(r, c, r + rs - 1, c + cs - 1);
      c += cs;
    }
    r++;
  }
  return r;
}

function line(ws, r, ncols, text, opt = {}) {
  const cell = ws.getCell(r, 1);
  cell.value = text;
  cell.font = { ...FONT, size: opt.size || 10, ...(opt.bold ? { bold: true } : {}) };
  cell.alignment = { horizontal: opt.align || 'center', vertical: 'middle', wrapText: true };
  if (ncols > 1) ws.mergeCells(r, 1, r, ncols);
  return r + 1;
}

function book() {
  const wb = new ExcelJS.Workbook();
  const d = new Date(Date.UTC(2020, 0, 1));
  wb.created = d;
  wb.modified = d;
  return wb;
}

function sheet(wb, name, widths) {
  const ws = wb.addWorksheet(name, { views: [{ showGridLines: false }] });
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  return ws;
}

const C = (v, o = {}) => ({ v, align: 'center', ...o });
// A figure printed with k decimals.
const N = (v, k) => ({ v, dp: k });
// A percentage printed as "-7.03%": stored as the fraction (-0.0703) with a percent format that
// shows the decimals the page printed (k decimals of the percent figure).
const P = (fraction, k) => ({ v: fraction, fmt: k === 0 ? '0%' : '0.' + '0'.repeat(k) + '%' });

// ---- 云南 施甸县 2016 决算 (全县汇总; vertical, 上年|本年|增减金额|增减幅度, two-row header) -------
async function shidian() {
  const wb = book();
  const ws = sheet(wb, '三公经费决算统计表', [30, 13, 13, 13, 13]);
  let r = 1;
  r = line(ws, r, 5, '施甸县2016年“三公”经费决算情况统计表', { bold: true, size: 12 });
  r = line(ws, r, 5, '单位:万元', { align: 'right' });
  place(ws, r, [
    [C('项目', { rs: 2 }), C('上年决算数', { rs: 2 }), C('本年决算数', { rs: 2 }), C('比上年增、减情况', { cs: 2 })],
    [C('增、减金额'), C('增、减幅度')],
    ['合计', N(2911.47, 2), N(2706.86, 2), N(-204.61, 2), P(-0.0703, 2)],
    ['1.因公出国(境)费', N(13.06, 2), N(10.20, 2), N(-2.86, 2), P(-0.219, 1)],
    ['2.公务接待费', N(1679.69, 2), N(1590.94, 2), N(-88.75, 2), P(-0.0528, 2)],
    ['3.公务用车购置及运行费', N(1218.72, 2), N(1105.72, 2), N(-113, 0), P(-0.0927, 2)],
    ['其中:(1)公务用车购置费', N(14.80, 2), N(0, 0), N(-14.8, 1), P(-1, 0)],
    ['(2)公务用车运行费', N(1203.92, 2), N(1105.72, 2), N(-98.2, 1), P(-0.0816, 2)],
  ]);
  await wb.xlsx.writeFile(path.join(OUT, 'yunnan-shidian-quanxian-2016.xlsx'));
}

// ---- 浙江 衢州 衢江区 2016 决算 (全区汇总; horizontal, years as rows, 增减% row, no 单位 line) -----
async function qujiang() {
  const wb = book();
  const ws = sheet(wb, '三公经费决算对比', [22, 10, 14, 11, 12, 10, 10]);
  let r = 1;
  r = line(ws, r, 7, '2016年决算数与2015年决算数对比情况', { bold: true, size: 12 });
  place(ws, r, [
    [C('年度', { rs: 2 }), C('合计', { rs: 2 }), C('因公出国(境)经费', { rs: 2 }), C('公务接待费', { rs: 2 }), C('公车购置及运行维护费', { cs: 3 })],
    [C('合计'), C('车辆购置'), C('车辆运行')],
    ['2015年', 2840, 90, 1400, 1350, 73, 1277].map((x) => (typeof x === 'number' ? N(x, 0) : x)),
    ['2016年', 2364, 12, 1356, 996, 37, 959].map((x) => (typeof x === 'number' ? N(x, 0) : x)),
    ['2016年比2015年增减%', N(-16.77, 2), N(-86.62, 2), N(-3.14, 2), N(-26.24, 2), N(-47.95, 2), N(-24.98, 2)],
  ]);
  await wb.xlsx.writeFile(path.join(OUT, 'zhejiang-qujiang-quanqu-2016.xlsx'));
}

await shidian();
await qujiang();
console.log('written: yunnan-shidian-quanxian-2016.xlsx, zhejiang-qujiang-quanqu-2016.xlsx');
