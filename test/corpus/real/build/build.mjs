// Builds the test/corpus/real/*.xlsx workbooks: real published 三公 tables from provinces other
// than 江苏/陕西/河北/湖北, rebuilt cell for cell from the stored public pages named in
// ../SOURCES.md. Every label and figure is copied as the stored page shows it (half-width
// punctuation and odd spaces included); nothing is corrected or added. Cells that the page
// shows empty stay empty. Layout (merged header cells) follows the printed order; where the
// stored copy does not show the merges, the assumption is written in SOURCES.md.
//
// Run from the repository root:  node test/corpus/real/build/build.mjs
// (uses the project's ExcelJS).  Then:  python3 test/corpus/real/build/verify.py

import ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const thin = { style: 'thin' };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: '宋体', size: 10 };

// A table is laid out like HTML rows: each cell is a value or {v, cs, rs, align, bold};
// a cell never lands on a slot already taken by a row/col span from above.
// Number cells get a number format with the decimals the page printed (dp).
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

// ---- 安徽 寿县司法局 2022 (horizontal 三公 table, two-row merged header, integers) ----------
async function shouxian() {
  const wb = book();
  const ws = sheet(wb, '三公经费预算表', [14, 14, 12, 14, 14, 12]);
  let r = 1;
  r = line(ws, r, 6, '寿县司法局2022年“三公”经费预算情况', { bold: true, size: 14 });
  r = line(ws, r, 6, '一、2022年一般公共预算“三公”经费支出预算表', { bold: true, size: 12 });
  r = line(ws, r, 6, '单位:万元', { align: 'right' });
  place(ws, r, [
    [C('“三公”经费合计', { rs: 2 }), C('因公出国(境)费', { rs: 2 }), C('公务用车购置及运行费', { cs: 3 }), C('公务 接待费', { rs: 2 })],
    [C('小计'), C('公务用车购置费'), C('公务用车运行费')],
    [79, 0, 75, 50, 25, 4],
  ], { dp: 0 });
  await wb.xlsx.writeFile(path.join(OUT, 'anhui-shouxian-sifaju-2022.xlsx'));
}

// ---- 安徽 杜集区机关事务管理中心 2021 决算 (vertical, 预算数 | 决算数) ----------------------------
async function duji() {
  const wb = book();
  const ws = sheet(wb, '三公经费决算表', [34, 14, 14]);
  let r = 1;
  r = line(ws, r, 3, '一、2021年度一般公共预算财政拨款“三公”经费支出决算表', { bold: true, size: 12 });
  r = line(ws, r, 3, '单位:万元', { align: 'right' });
  place(ws, r, [
    [C('项 目'), C('预 算 数'), C('决 算 数')],
    ['合 计', { v: 246, dp: 0 }, 167.37],
    ['因公出国(境)费', { v: 0, dp: 0 }, { v: 0, dp: 0 }],
    ['公务接待费', { v: 1, dp: 0 }, 2.14],
    ['公务用车购置及运行维护费', { v: 245, dp: 0 }, 165.23],
    ['其中:公务用车运行维护费', { v: 165, dp: 0 }, 87.07],
    ['公务用车购置费', { v: 80, dp: 0 }, 78.16],
  ]);
  await wb.xlsx.writeFile(path.join(OUT, 'anhui-duji-jiguanshiwu-2021.xlsx'));
}

// ---- 重庆 江北区 区本级 2021 (vertical, one amount column, 其中 lines) ------------------------
async function jiangbei() {
  const wb = book();
  const ws = sheet(wb, '三公经费预算支出表', [34, 14]);
  let r = 1;
  r = line(ws, r, 2, '2021年区本级“三公”经费预算支出表', { bold: true, size: 12 });
  r = line(ws, r, 2, '单位:万元', { align: 'right' });
  place(ws, r, [
    [C('项目'), C('预算数')],
    ['合计', 4432],
    ['1.因公出国(境)费用', 39],
    ['2.公务接待费', 323],
    ['3.公务用车购置及运行维护费', 4070],
    ['其中:公务用车运行维护费', 2648],
    ['公务用车购置', 1422],
  ], { dp: 0 });
  await wb.xlsx.writeFile(path.join(OUT, 'chongqing-jiangbei-qubenji-2021.xlsx'));
}

// ---- 湖南 岳阳县 台创园 2017 (元; two amount columns, the first empty; count rows below) ------
async function yueyang() {
  const wb = book();
  const ws = sheet(wb, '三公经费预算情况表', [36, 14, 14]);
  let r = 1;
  r = line(ws, r, 3, '台创园2017-度部门“三公”经费预算情况表', { bold: true, size: 12 });
  r = line(ws, r, 3, '单位:元', { align: 'right' });
  r = place(ws, r, [
    [C('项目'), C('2016-执行数'), C('2017-预算数')],
    ['一、支出合计', null, 250000],
    ['1、因公出国(境)费用', null, null],
    ['2、公务接待费', null, 150000],
    ['3、公务用车费', null, 100000],
    ['其中:(1)公务用车运行维护费', null, 100000],
    ['(2)公务用车购置', null, null],
    ['二、相关统计数', null, null],
    ['1.因公出国(境)团组数(个)', null, 0],
    ['2.因公出国(境)人数(人)', null, 0],
    ['3.公务用车购置数(辆)', null, null],
    ['4.公务用车保有量(辆)', null, 1],
    ['5.公务接待批次(批)', null, 10],
    ['6.公务接待人数(人)', null, 500],
    ['三、“三公”经费增减变化原因等说明', null, null],
  ], { dp: 0 });
  const note = '备注:1、“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。(1)因公出国(境)费,指单位工作人员公务出国(境)的住宿费、旅费、伙食补助费、杂费、培训费等支出。(2)公务用车购置及运行费,指单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出,公务用车指用于履行公务的机动车辆,包括领导干部专车、一般公务用车和执法执勤用车。(3)公务接待费,指单位按规定开支的各类公务接待(含外宾接待)支出。 2、“三公”经费数包括基本支出中的“三公”经费和项目支出中的“三公”经费支出。 3、注明因公出国(境)团组数和人数;当-公务用车购置数和保有量; 4、注明公务接待批次和人数。 5、请对“三公”经费增减变化原因等进行说明。';
  const end = line(ws, r, 3, note, { align: 'left' });
  ws.getRow(end - 1).height = 120;
  await wb.xlsx.writeFile(path.join(OUT, 'hunan-yueyang-taichuangyuan-2017.xlsx'));
}

// ---- 上海 嘉定区司法局 2017 决算 (13 columns, three-row merged header, 预算数|决算数 pairs) ------
async function jiading() {
  const wb = book();
  const ws = sheet(wb, '三公经费及机关运行经费决算表', [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 12]);
  let r = 1;
  r = line(ws, r, 13, '2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表', { bold: true, size: 12 });
  r = line(ws, r, 13, '单位:万元', { align: 'right' });
  const pair = () => [C('预算数'), C('决算数')];
  place(ws, r, [
    [C('一般公共预算财政拨款“三公”经费', { cs: 12 }), C('机关运行 经费决算数', { rs: 3 })],
    [C('合计', { cs: 2, rs: 2 }), C('因公出国 (境)费', { cs: 2, rs: 2 }), C('公务用车购置及运行费', { cs: 6 }), C('公务接待费', { cs: 2, rs: 2 })],
    [C('小计', { cs: 2 }), C('公务用车 购置费', { cs: 2 }), C('公务用车 运行费', { cs: 2 })],
    [...pair(), ...pair(), ...pair(), ...pair(), ...pair(), ...pair(), { v: 325.88, rs: 2 }],
    [22.00, 8.77, null, null, 14.00, 8.47, null, null, 14.00, 8.47, 8.00, 0.30],
  ]);
  await wb.xlsx.writeFile(path.join(OUT, 'shanghai-jiading-sifaju-2017.xlsx'));
}

// ---- 四川 达州市环城公路养护中心 2014 (vertical, one column, blanks for zero) -----------------
async function dazhou() {
  const wb = book();
  const ws = sheet(wb, '三公经费统计表', [34, 14]);
  let r = 1;
  r = line(ws, r, 2, '2014年“三公”经费预算财政拨款情况统计表', { bold: true, size: 12 });
  r = line(ws, r, 2, '单位:万元', { align: 'right' });
  place(ws, r, [
    [C('项 目'), C('本年预算数')],
    ['合 计', 46],
    ['1.因公出国(境)费用', null],
    ['2.公务接待费', 8],
    ['3.公务用车费', 38],
    ['其中:(1)公务用车运行维护费', 38],
    ['(2)公务用车购置', null],
  ], { dp: 0 });
  await wb.xlsx.writeFile(path.join(OUT, 'sichuan-dazhou-huanchenggonglu-2014.xlsx'));
}

// ---- 湖南 岳阳县文联 2017 (合计 + three source columns; the source columns left at 0) -------------
// Stored only as a traditional-character mirror (sgf2.com) of the yyx.gov.cn page; the labels are
// written back in simplified characters (the same template as the 台创园 page that is stored from
// yyx.gov.cn itself); figures, blanks, the "-" for 年 and the quotes ”三公“ as stored.
async function wenlian() {
  const wb = book();
  const ws = sheet(wb, '三公经费预算表', [34, 14, 14, 14, 14]);
  let r = 1;
  r = line(ws, r, 5, '表3', { align: 'right' });
  r = line(ws, r, 5, '岳阳县文联2017-度“三公”经费预算表', { bold: true, size: 12 });
  r = line(ws, r, 5, '单位名称:岳阳县文联       单位:万元', { align: 'left' });
  place(ws, r, [
    [C('项目'), C('2017-预算数合计'), C('公共财政预算拨款'), C('政府性基金预算拨款'), C('国有资本经营预算拨款')],
    ['一、支出合计', 4.9, 0, 0, 0],
    ['1、因公出国(境)费用', 0, null, null, null],
    ['2、公务接待费', 1.8, null, null, null],
    ['3、公务用车费', 3.1, 0, 0, 0],
    ['其中:(1)公务用车运行维护费', 3.1, null, null, null],
    ['(2)公务用车购置', 0, null, null, null],
    ['二、相关统计数', null, null, null, null],
    ['1.因公出国(境)团组数(个)', null, null, null, null],
    ['2.因公出国(境)人数(人)', null, null, null, null],
    ['3.公务用车购置数(辆)', null, null, null, null],
    ['4.公务用车保有量(辆)', null, null, null, null],
    ['5.公务接待批次(批)', 35, null, null, null],
    ['6.公务接待人数(人)', 650, null, null, null],
    ['三、“三公”经费增减变化原因等说明', { v: '2017-”三公“经费预算支出合计4.9万元,比上-增加0.5万元。分项为:因公出国出境费用0;本着厉行节约的原则公务接待费用减少0.2万元,公务用车费用增加0.7万元,由于工作人员交通费用货币化补助、新增工作人员所致。', cs: 4 }],
  ], { dp: 1 });
  for (const rr of [5, 6, 8, 10]) for (const cc of [3, 4, 5]) { const c = ws.getCell(rr, cc); if (c.value === 0) c.numFmt = '0'; }
  for (const rr of [6, 10]) ws.getCell(rr, 2).numFmt = '0';
  for (const rr of [16, 17]) ws.getCell(rr, 2).numFmt = '0';
  ws.getRow(18).height = 60;
  await wb.xlsx.writeFile(path.join(OUT, 'hunan-yueyang-wenlian-2017.xlsx'));
}

// ---- 安徽 怀远县徐圩乡人民政府 2020 (本年 | 上年 | 增幅(%); 合计 and 公务用车 lines left blank) ----
async function xuwei() {
  const wb = book();
  const ws = sheet(wb, '三公经费预算表', [30, 14, 14, 12]);
  let r = 1;
  r = line(ws, r, 4, '蚌埠市怀远县徐圩乡人民政府2020年财政拨款安排“三公”经费预算情况', { bold: true, size: 12 });
  r = line(ws, r, 4, '一、“三公”经费预算财政拨款情况表', { bold: true, size: 12 });
  r = line(ws, r, 4, '单位:万元', { align: 'right' });
  place(ws, r, [
    [C('项目'), C('2020年预算数'), C('上年预算数'), C('增幅(%)')],
    ['合计', null, null, null],
    ['因公出国(境)费', null, null, null],
    ['公务接待费', 11.52, 11.52, { v: 0, dp: 0 }],
    ['公务用车购置及运行费', null, null, null],
    ['其中:公务用车运行维护费', { v: 10, dp: 0 }, { v: 0, dp: 0 }, null],
    ['公务用车购置', { v: 25, dp: 0 }, { v: 0, dp: 0 }, null],
  ]);
  await wb.xlsx.writeFile(path.join(OUT, 'anhui-huaiyuan-xuweixiang-2020.xlsx'));
}

// ---- 重庆 渝中区 全区 2020 决算 (two tables on one sheet; total last; "-" cells; unit in header) --
async function yuzhong() {
  const wb = book();
  const ws = sheet(wb, '三公经费决算情况', [30, 18, 18, 12]);
  let r = 1;
  r = line(ws, r, 4, '2020年度全区“三公”经费决算情况', { bold: true, size: 12 });
  r = place(ws, r, [
    [C('经费项目'), C('2020年度支出 (万元)'), C('支出减少情况(万元)'), C('支出减少率')],
    ['因公出国(境)费', { v: 0, dp: 0 }, { v: 0, dp: 0 }, { v: 0, fmt: '0%' }],
    ['公务接待费', 71.53, C('-'), C('-')],
    ['公务用车购置及运行维护费', 1857.23, C('-'), C('-')],
    ['公务用车购置费', 423.81, C('-'), C('-')],
    ['公务用车运行维护费', 1433.42, C('-'), C('-')],
    ['总“三公”经费支出', 1928.76, C('-'), C('-')],
  ]);
  r = line(ws, r + 1, 4, '2020年度全区“三公”经费使用情况', { bold: true, size: 12 });
  place(ws, r, [
    [C('使用项目'), C('2020年度数量或人次')],
    ['因公出国(境)团组数', 0],
    ['因公出国(境)人次', 0],
    ['公务用车购置数', 32],
    ['公务用车保有量', 660],
    ['国内公务接待批次', 486],
    ['国内公务接待人次', 7371],
    ['国(境)外公务接待情况', C('无')],
  ], { dp: 0 });
  await wb.xlsx.writeFile(path.join(OUT, 'chongqing-yuzhong-quanqu-2020.xlsx'));
}

// ---- 重庆 市级 2024 (亿元; 公务接待费 after 公务用车; mixed decimals) --------------------------
async function cqshiji() {
  const wb = book();
  const ws = sheet(wb, '三公经费预算表', [30, 14]);
  let r = 1;
  r = line(ws, r, 2, '2024年市级“三公”经费预算表', { bold: true, size: 12 });
  r = line(ws, r, 2, '单位:亿元', { align: 'right' });
  place(ws, r, [
    [C('支出'), C('预算数')],
    ['合计', 6.08],
    ['因公出国(境)费', 0.66],
    ['公务用车购置及运行费', 4.72],
    ['其中:公务用车购置费', 1.77],
    ['公务用车运行费', 2.95],
    ['公务接待费', { v: 0.7, dp: 1 }],
  ]);
  await wb.xlsx.writeFile(path.join(OUT, 'chongqing-shiji-2024.xlsx'));
}

await shouxian();
await duji();
await jiangbei();
await yueyang();
await jiading();
await dazhou();
await wenlian();
await xuwei();
await yuzhong();
await cqshiji();
console.log('wrote 10 workbooks to', OUT);
