#!/usr/bin/env python3
"""Arithmetic key for test/corpus/real/*.xlsx, computed from the workbook cells alone.

Standard library only: the .xlsx is read with zipfile + xml.etree (shared strings, cell values,
number formats, merged ranges); every amount is a decimal.Decimal made from the stored text of
the cell, never a float. Nothing of the project's engine is used.

For each workbook a small spec (below) names the tables it holds (sheet, printed title, kind,
unit) and, per table, the cells by their printed row label and column header. The checks are the
relations the printed table itself states:
  三公: 合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费   (+ 会议费/培训费 if present)
        公务用车购置及运行费 = 公务用车购置费 + 公务用车运行(维护)费
  a blank cell counts as 0; a check whose cells are all blank is skipped and not counted.
Verdicts: OK (exactly equal), ROUNDING (the gap is within the sum of the half-units of the
printed figures: a figure printed with k decimals stands for a value within ±0.5·10^-k),
INCONSISTENT (the gap exceeds that). Cross-source checks (a table figure against the page's own
说明 sentence, quoted below with its source) are listed apart: a checker that sees only the
workbook cannot make them.

Run:  python3 test/corpus/real/build/verify.py      (writes ../key.json, prints a summary)
"""

import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


# ---- reading the workbook --------------------------------------------------------------------

def col_letter(c):
    s = ''
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def parse_ref(ref):
    m = re.match(r'([A-Z]+)(\d+)$', ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


class Sheet:
    def __init__(self, name, cells, merges):
        self.name = name
        self.cells = cells        # (r, c) -> (kind, text, numfmt)
        self.merges = merges      # list of (r1, c1, r2, c2)

    def text(self, r, c):
        v = self.cells.get((r, c))
        return v[1] if v else ''

    def is_num(self, r, c):
        v = self.cells.get((r, c))
        return bool(v) and v[0] == 'n'

    def num(self, r, c):
        """Decimal of a number cell, None for an empty cell; a text cell is an error."""
        v = self.cells.get((r, c))
        if not v or v[1] == '':
            return None
        if v[0] != 'n':
            raise ValueError(f'{self.ref(r, c)} holds text {v[1]!r}, not an amount')
        return Decimal(v[1])

    def decimals(self, r, c):
        """Decimals the cell is printed with (from its number format)."""
        v = self.cells.get((r, c))
        fmt = v[2] if v else ''
        m = re.search(r'0\.(0+)', fmt or '')
        return len(m.group(1)) if m else 0

    def ref(self, r, c):
        return f'{self.name}!{col_letter(c)}{r}'

    def find(self, label):
        """The single cell whose text, spaces removed, equals label (spaces removed)."""
        want = re.sub(r'\s', '', label)
        hits = [k for k, v in self.cells.items() if v[0] == 's' and re.sub(r'\s', '', v[1]) == want]
        if len(hits) != 1:
            raise LookupError(f'{self.name}: label {label!r} found {len(hits)} times')
        return hits[0]


def read_xlsx(path):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter(f'{{{NS["m"]}}}t')))
    styles = ET.fromstring(z.read('xl/styles.xml'))
    fmts = {14: 'm/d/yyyy', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%'}
    nf = styles.find('m:numFmts', NS)
    if nf is not None:
        for f in nf.findall('m:numFmt', NS):
            fmts[int(f.get('numFmtId'))] = f.get('formatCode')
    xfs = [fmts.get(int(x.get('numFmtId', '0')), '') for x in styles.find('m:cellXfs', NS).findall('m:xf', NS)]
    wbx = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    target = {r.get('Id'): r.get('Target') for r in rels}
    sheets = []
    for s in wbx.find('m:sheets', NS).findall('m:sheet', NS):
        t = target[s.get(f'{{{R_NS}}}id')]
        t = t.lstrip('/')
        t = t if t.startswith('xl/') else 'xl/' + t
        root = ET.fromstring(z.read(t))
        cells = {}
        for c in root.iter(f'{{{NS["m"]}}}c'):
            r, col = parse_ref(c.get('r'))
            typ = c.get('t')
            fmt = xfs[int(c.get('s', '0'))]
            v = c.find('m:v', NS)
            if typ == 's':
                cells[(r, col)] = ('s', shared[int(v.text)], fmt)
            elif typ == 'inlineStr':
                cells[(r, col)] = ('s', ''.join(x.text or '' for x in c.iter(f'{{{NS["m"]}}}t')), fmt)
            elif typ == 'str':
                cells[(r, col)] = ('s', v.text or '', fmt)
            elif v is not None:
                cells[(r, col)] = ('n', v.text, fmt)
        merges = []
        mc = root.find('m:mergeCells', NS)
        if mc is not None:
            for m in mc.findall('m:mergeCell', NS):
                a, b = m.get('ref').split(':')
                merges.append((*parse_ref(a), *parse_ref(b)))
        sheets.append(Sheet(s.get('name'), cells, merges))
    return sheets


# ---- the specs -------------------------------------------------------------------------------
# A "vertical" table has its items in a label column and one or more amount columns named by
# header labels; a "horizontal" table has the items as column headers and the figures in the
# row(s) below. roles: total, abroad, car, car_buy, car_run, reception (+ meeting, training).

SPECS = {
    'anhui-shouxian-sifaju-2022.xlsx': {
        'province': '安徽', 'unit': '寿县司法局', 'year': 2022, 'stage': '预算',
        'tables': [{
            'sheet': '三公经费预算表', 'title': '一、2022年一般公共预算“三公”经费支出预算表',
            'kind': '三公', 'money': '万元', 'layout': 'horizontal', 'rows': ['data'],
            'data_row': 6,
            'cols': {'total': '“三公”经费合计', 'abroad': '因公出国(境)费', 'car': '小计',
                     'car_buy': '公务用车购置费', 'car_run': '公务用车运行费', 'reception': '公务 接待费'},
        }],
        'cross_source': [
            # page text (二、2022年一般公共预算“三公”经费支出预算情况说明), same URL as the table
            {'what': '说明: “其中:公务用车运行费50万元” against the table column 公务用车运行费',
             'role': 'car_run', 'stated': '50'},
            {'what': '说明: “公务用车购置费25万元” against the table column 公务用车购置费',
             'role': 'car_buy', 'stated': '25'},
        ],
        'notes': [
            'Row 1 is the page heading (寿县司法局2022年“三公”经费预算情况); the table title follows with the ordinal 一、.',
            'The page 说明 gives 公务用车运行费 50 and 公务用车购置费 25 (and their changes 10/16.67% and 35/58.33% from 60 each); the table prints 50 under 公务用车购置费 and 25 under 公务用车运行费. Both orders add to 75, so the table is consistent in itself; the two sources disagree on which item is which.',
        ],
    },
    'anhui-duji-jiguanshiwu-2021.xlsx': {
        'province': '安徽', 'unit': '杜集区机关事务管理中心', 'year': 2021, 'stage': '决算',
        'tables': [{
            'sheet': '三公经费决算表', 'title': '一、2021年度一般公共预算财政拨款“三公”经费支出决算表',
            'kind': '三公', 'money': '万元', 'layout': 'vertical',
            'amount_cols': ['预 算 数', '决 算 数'],
            'rows': {'total': '合 计', 'abroad': '因公出国(境)费', 'reception': '公务接待费',
                     'car': '公务用车购置及运行维护费', 'car_run': '其中:公务用车运行维护费', 'car_buy': '公务用车购置费'},
        }],
        'notes': [
            '预算数 are whole numbers printed without decimals (246, 0, 1, 245, 165, 80); 决算数 have two decimals.',
            '决算 above 预算 for 公务接待费 (2.14 > 1) is allowed: no rule says 决算 ≤ 预算.',
        ],
    },
    'chongqing-jiangbei-qubenji-2021.xlsx': {
        'province': '重庆', 'unit': '江北区 区本级 (汇总)', 'year': 2021, 'stage': '预算',
        'tables': [{
            'sheet': '三公经费预算支出表', 'title': '2021年区本级“三公”经费预算支出表',
            'kind': '三公', 'money': '万元', 'layout': 'vertical', 'amount_cols': ['预算数'],
            'rows': {'total': '合计', 'abroad': '1.因公出国(境)费用', 'reception': '2.公务接待费',
                     'car': '3.公务用车购置及运行维护费', 'car_run': '其中:公务用车运行维护费', 'car_buy': '公务用车购置'},
        }],
        'notes': [
            'Item order 出国, 接待, 公务用车 (接待 before 公务用车), and 运行维护费 before 购置 under 其中.',
            'Whole 万元 figures, no decimals.',
        ],
    },
    'chongqing-shiji-2024.xlsx': {
        'province': '重庆', 'unit': '重庆市 市级 (汇总)', 'year': 2024, 'stage': '预算',
        'tables': [{
            'sheet': '三公经费预算表', 'title': '2024年市级“三公”经费预算表',
            'kind': '三公', 'money': '亿元', 'layout': 'vertical', 'amount_cols': ['预算数'],
            'rows': {'total': '合计', 'abroad': '因公出国(境)费', 'reception': '公务接待费',
                     'car': '公务用车购置及运行费', 'car_run': '公务用车运行费', 'car_buy': '其中:公务用车购置费'},
        }],
        'notes': [
            'Unit 亿元 (not 万元 or 元). 公务接待费 is printed 0.7 (one decimal), the others with two.',
            'The page text above the table warns that rounding may make item sums differ from totals (由于四舍五入因素…); here both sums are exact.',
            'The header of the label column is 支出 (not 项目); 公务接待费 comes last, after the 公务用车 lines.',
        ],
    },
    'chongqing-yuzhong-quanqu-2020.xlsx': {
        'province': '重庆', 'unit': '渝中区 全区 (汇总)', 'year': 2020, 'stage': '决算',
        'tables': [{
            'sheet': '三公经费决算情况', 'title': '2020年度全区“三公”经费决算情况',
            'kind': '三公', 'money': '万元', 'layout': 'vertical', 'amount_cols': ['2020年度支出 (万元)'],
            'rows': {'total': '总“三公”经费支出', 'abroad': '因公出国(境)费', 'reception': '公务接待费',
                     'car': '公务用车购置及运行维护费', 'car_run': '公务用车运行维护费', 'car_buy': '公务用车购置费'},
        }, {
            'sheet': '三公经费决算情况', 'title': '2020年度全区“三公”经费使用情况',
            'kind': '三公 (counts)', 'money': '个/人次/辆/批次', 'layout': 'none',
        }],
        'notes': [
            'The total is the last line (总“三公”经费支出), below the items; 公务用车购置费 and 公务用车运行维护费 follow their subtotal without 其中.',
            'The unit is in the column header (2020年度支出 (万元)); there is no 单位 line.',
            'The 支出减少情况 and 支出减少率 columns hold "-" (text) except for 因公出国(境)费 (0 and 0%): no check can be made on them.',
            'The second table on the same sheet holds counts (团组数, 人次, 辆, 批次) and the text 无; nothing in it is money.',
            'The page goes on with a paragraph (与上年相比 … 减少了1093.92万元,下降了36.2%) that is not rebuilt.',
        ],
    },
    'hunan-yueyang-taichuangyuan-2017.xlsx': {
        'province': '湖南', 'unit': '岳阳县 台创园', 'year': 2017, 'stage': '预算',
        'tables': [{
            'sheet': '三公经费预算情况表', 'title': '台创园2017-度部门“三公”经费预算情况表',
            'kind': '三公', 'money': '元', 'layout': 'vertical', 'amount_cols': ['2016-执行数', '2017-预算数'],
            'rows': {'total': '一、支出合计', 'abroad': '1、因公出国(境)费用', 'reception': '2、公务接待费',
                     'car': '3、公务用车费', 'car_run': '其中:(1)公务用车运行维护费', 'car_buy': '(2)公务用车购置'},
        }],
        'notes': [
            'Amounts in 元. The column 2016-执行数 is empty throughout (its checks are skipped).',
            'Rows under 二、相关统计数 are counts (团组数 个, 人数 人, 车辆 辆, 批次 批), not money: 1 (保有量), 10 (批次), 500 (人数) must not enter any sum.',
            'Blank cells: 因公出国(境)费用 and 公务用车购置 (no amount printed), read as 0.',
        ],
    },
    'shanghai-jiading-sifaju-2017.xlsx': {
        'province': '上海', 'unit': '上海市嘉定区司法局', 'year': 2017, 'stage': '决算',
        'tables': [{
            'sheet': '三公经费及机关运行经费决算表',
            'title': '2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表',
            'kind': '三公', 'money': '万元', 'layout': 'horizontal', 'rows': ['预算数', '决算数'],
            'data_row': 7, 'pairs': True,
            'cols': {'total': '合计', 'abroad': '因公出国 (境)费', 'car': '小计',
                     'car_buy': '公务用车 购置费', 'car_run': '公务用车 运行费', 'reception': '公务接待费'},
        }],
        'notes': [
            'Thirteen columns: six 预算数|决算数 pairs under a three-row merged header, then 机关运行经费决算数 (325.88, one figure, not part of the 三公 sum).',
            'Empty cells: 因公出国(境)费 and 公务用车购置费 (both 预算数 and 决算数).',
        ],
    },
    'anhui-huaiyuan-xuweixiang-2020.xlsx': {
        'province': '安徽', 'unit': '怀远县徐圩乡人民政府', 'year': 2020, 'stage': '预算',
        'tables': [{
            'sheet': '三公经费预算表', 'title': '一、“三公”经费预算财政拨款情况表',
            'kind': '三公', 'money': '万元', 'layout': 'vertical', 'amount_cols': ['2020年预算数', '上年预算数'],
            'rows': {'total': '合计', 'abroad': '因公出国(境)费', 'reception': '公务接待费',
                     'car': '公务用车购置及运行费', 'car_run': '其中:公务用车运行维护费', 'car_buy': '公务用车购置'},
            'growth': {'col': '增幅(%)', 'cur': '2020年预算数', 'prev': '上年预算数'},
        }],
        'notes': [
            'The 合计 line is blank in all three columns and so is the 公务用车购置及运行费 line, although their items are printed: 2020年 合计 should be 11.52 + 10 + 25 = 46.52 and 公务用车 10 + 25 = 35; 上年 合计 should be 11.52 (上年 公务用车 0 + 0 = 0 is consistent with its blank).',
            '增幅(%) is printed only for 公务接待费 (0, and (11.52 - 11.52) / 11.52 = 0); it is blank where 上年 is 0.',
            'Page 说明 (not rebuilt): “2020年“三公”经费支出预算为11.52万元 … 公务用车购置及运行费支出预算为35万元” — its own total leaves out the 35 (11.52 + 35 = 46.52).',
            'Row 1 is the page heading; the page also prints 徐圩乡2020年“三公”经费预算安排 above it (not rebuilt).',
        ],
    },
    'sichuan-dazhou-huanchenggonglu-2014.xlsx': {
        'province': '四川', 'unit': '达州市环城公路养护中心', 'year': 2014, 'stage': '预算',
        'tables': [{
            'sheet': '三公经费统计表', 'title': '2014年“三公”经费预算财政拨款情况统计表',
            'kind': '三公', 'money': '万元', 'layout': 'vertical', 'amount_cols': ['本年预算数'],
            'rows': {'total': '合 计', 'abroad': '1.因公出国(境)费用', 'reception': '2.公务接待费',
                     'car': '3.公务用车费', 'car_run': '其中:(1)公务用车运行维护费', 'car_buy': '(2)公务用车购置'},
        }],
        'notes': [
            'Blank cells for 因公出国(境)费用 and 公务用车购置 (no 0 printed), read as 0.',
            'The page puts three 说明 paragraphs above the table; only the table is rebuilt.',
        ],
    },
    'hunan-yueyang-wenlian-2017.xlsx': {
        'province': '湖南', 'unit': '岳阳县文联', 'year': 2017, 'stage': '预算',
        'tables': [{
            'sheet': '三公经费预算表', 'title': '岳阳县文联2017-度“三公”经费预算表',
            'kind': '三公', 'money': '万元', 'layout': 'vertical',
            'amount_cols': ['2017-预算数合计', '公共财政预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'],
            'rows': {'total': '一、支出合计', 'abroad': '1、因公出国(境)费用', 'reception': '2、公务接待费',
                     'car': '3、公务用车费', 'car_run': '其中:(1)公务用车运行维护费', 'car_buy': '(2)公务用车购置'},
            'row_sum': {'total': '2017-预算数合计',
                        'parts': ['公共财政预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款']},
        }],
        'notes': [
            'The 合计 column is filled (4.9 = 0 + 1.8 + 3.1; 3.1 = 3.1 + 0) but the three source columns print 0 on the 支出合计 and 公务用车费 lines and are blank on the others: 合计 ≠ 公共财政 + 政府性基金 + 国有资本经营 on those two lines (the 4.9 and 3.1 are evidently 公共财政预算拨款).',
            'Lines whose source cells are all blank (公务接待费 1.8, 运行维护费 3.1) are listed as BLANK_PARTS, not as inconsistencies: nothing is printed there to contradict the 合计.',
            'Rows under 二、相关统计数 are counts (批次 35, 人数 650), not money.',
            'The 三、 line holds a sentence in the amount columns (merged B:E), not a figure.',
        ],
    },
}


# ---- checking --------------------------------------------------------------------------------

def header_col(sh, label):
    r, c = sh.find(label)
    return r, c


def cells_vertical(sh, t):
    """role -> list over amount columns of (r, c)."""
    cols = [header_col(sh, h)[1] for h in t['amount_cols']]
    out = {}
    for role, label in t['rows'].items():
        r, _ = sh.find(label)
        out[role] = [(r, c) for c in cols]
    return out, t['amount_cols']


def cells_horizontal(sh, t):
    out = {}
    if t.get('pairs'):
        # each item header spans two columns: 预算数, 决算数; data in row data_row
        for role, label in t['cols'].items():
            _, c = sh.find(label)
            out[role] = [(t['data_row'], c), (t['data_row'], c + 1)]
        return out, t['rows']
    for role, label in t['cols'].items():
        _, c = sh.find(label)
        out[role] = [(t['data_row'], c)]
    return out, ['金额']


def half_units(sh, refs):
    """Sum of the half-units of the printed figures; a blank cell is exact (it prints nothing)."""
    return sum((Decimal(5) / Decimal(10) ** (sh.decimals(r, c) + 1) for r, c in refs
                if sh.num(r, c) is not None), Decimal(0))


def check(sh, what, left, rights):
    vals = [sh.num(*x) for x in [left] + rights]
    if all(v is None for v in vals):
        return None
    lv = vals[0] or Decimal(0)
    rv = sum((v or Decimal(0) for v in vals[1:]), Decimal(0))
    gap = lv - rv
    tol = half_units(sh, [left] + rights)
    dp = max(sh.decimals(*x) for x in [left] + rights)
    q = Decimal(1).scaleb(-dp)
    lv, rv, gap = lv.quantize(q), rv.quantize(q), gap.quantize(q)
    verdict = 'OK' if gap == 0 else ('ROUNDING' if abs(gap) <= tol else 'INCONSISTENT')
    blank_total = vals[0] is None and gap != 0
    return {
        'check': what,
        'cell': sh.ref(*left),
        'stated': '' if vals[0] is None else str(lv),
        'addends': [sh.ref(*x) for x in rights],
        'addendValues': ['(blank)' if x is None else str(x) for x in vals[1:]],
        'expected': str(rv),
        'difference': str(gap),
        'verdict': verdict,
        **({'blankTotal': True} if blank_total else {}),
    }


def verify(name, spec):
    sheets = {s.name: s for s in read_xlsx(os.path.join(ROOT, name))}
    result = {
        'province': spec['province'], 'unit': spec['unit'], 'year': spec['year'], 'stage': spec['stage'],
        'tables': [], 'checks': [], 'inconsistencies': [], 'crossSource': [], 'notes': spec.get('notes', []),
    }
    for t in spec['tables']:
        sh = sheets[t['sheet']]
        r, c = sh.find(t['title'])
        result['tables'].append({'sheet': t['sheet'], 'title': t['title'], 'titleCell': sh.ref(r, c),
                                 'kind': t['kind'], 'unit': t['money']})
        if t['layout'] == 'none':
            continue
        cells, colnames = (cells_vertical if t['layout'] == 'vertical' else cells_horizontal)(sh, t)
        for i, colname in enumerate(colnames):
            get = lambda role: cells[role][i]
            items = [get(k) for k in ('abroad', 'car', 'reception', 'meeting', 'training') if k in cells]
            for what, left, rights in (
                (f'三公 合计 = 因公出国(境)费 + 公务用车 + 公务接待费 [{colname}]', get('total'), items),
                (f'三公 公务用车 = 购置费 + 运行(维护)费 [{colname}]', get('car'), [get('car_buy'), get('car_run')]),
            ):
                res = check(sh, what, left, rights)
                if res is None:
                    continue
                result['checks'].append(res)
                if res['verdict'] == 'INCONSISTENT':
                    result['inconsistencies'].append(res)
        g = t.get('growth')
        if g:
            gc, cc, pc = (header_col(sh, g[k])[1] for k in ('col', 'cur', 'prev'))
            for role, label in t['rows'].items():
                r0, _ = sh.find(label)
                cur, prev, pct = sh.num(r0, cc), sh.num(r0, pc), sh.num(r0, gc)
                if pct is None or not prev:
                    continue
                exp = ((cur or Decimal(0)) - prev) / prev * 100
                tol = Decimal(5) / Decimal(10) ** (sh.decimals(r0, gc) + 1)
                gap = pct - exp
                res = {'check': f'增幅(%) = (本年 - 上年) / 上年 × 100 [{label}]', 'cell': sh.ref(r0, gc),
                       'stated': str(pct), 'addends': [sh.ref(r0, cc), sh.ref(r0, pc)],
                       'expected': str(exp.quantize(Decimal('0.0001'))), 'difference': str(gap.quantize(Decimal('0.0001'))),
                       'verdict': 'OK' if gap == 0 else ('ROUNDING' if abs(gap) <= tol else 'INCONSISTENT')}
                result['checks'].append(res)
                if res['verdict'] == 'INCONSISTENT':
                    result['inconsistencies'].append(res)
        rs = t.get('row_sum')
        if rs:
            tc = header_col(sh, rs['total'])[1]
            pcs = [header_col(sh, p)[1] for p in rs['parts']]
            for role, label in t['rows'].items():
                r0, _ = sh.find(label)
                parts = [(r0, c) for c in pcs]
                res = check(sh, f'合计 = 公共财政 + 政府性基金 + 国有资本经营 [{label}]', (r0, tc), parts)
                if res is None:
                    continue
                if res['verdict'] != 'OK' and all(sh.num(*p) is None for p in parts):
                    res['verdict'] = 'BLANK_PARTS'
                result['checks'].append(res)
                if res['verdict'] == 'INCONSISTENT':
                    result['inconsistencies'].append(res)
        for x in spec.get('cross_source', []):
            ref = cells[x['role']][0]
            v = sh.num(*ref)
            v = v.quantize(Decimal(1).scaleb(-sh.decimals(*ref)))
            result['crossSource'].append({
                'check': x['what'], 'cell': sh.ref(*ref), 'table': str(v), 'text': x['stated'],
                'verdict': 'OK' if v == Decimal(x['stated']) else 'CONTRADICTION',
            })
    return shape(result)


def kind_of_check(text):
    """The check kind: the check text without its [column/row] context."""
    return '三公表: ' + re.sub(r'\s*\[[^\]]*\]$', '', text).replace('三公 ', '')


def shape(res):
    """The same shape as /work/shared/corpus/workbooks/key.json (tables, tableTitles, sheetNames,
    checks = how many hold, checkKinds, inconsistencies with kind/what/cells/arithmetic, notes), plus
    the details: tableList, checkList (every check with its verdict), blankParts, crossSource."""
    def entry(c):
        cells = [c['cell']] + c['addends']
        printed = c['stated'] if c['stated'] != '' else '(blank)'
        vals = c.get('addendValues') or [''] * len(c['addends'])
        parts = ' + '.join(f"{a.split('!')[1]} {x}".strip() for a, x in zip(c['addends'], vals))
        sheet = c['cell'].split('!')[0]
        arith = (f"{sheet}: {c['cell'].split('!')[1]} {printed} vs {parts} = {c['expected']}"
                 f"  (difference {c['difference']})")
        e = {'kind': kind_of_check(c['check']), 'what': c['check'], 'cells': cells, 'arithmetic': arith,
             'verdict': c['verdict']}
        if c.get('blankTotal'):
            e['blankTotal'] = True
        return e
    kinds = {}
    for c in res['checks']:
        if c['verdict'] in ('OK', 'ROUNDING'):
            k = kind_of_check(c['check'])
            kinds[k] = kinds.get(k, 0) + 1
    sheets = []
    for t in res['tables']:
        if t['sheet'] not in sheets:
            sheets.append(t['sheet'])
    return {
        'province': res['province'], 'unit': res['unit'], 'year': res['year'], 'stage': res['stage'],
        'tables': len(res['tables']),
        'tableTitles': [t['title'] for t in res['tables']],
        'sheetNames': sheets,
        'checks': sum(1 for c in res['checks'] if c['verdict'] == 'OK'),
        'checksRounding': sum(1 for c in res['checks'] if c['verdict'] == 'ROUNDING'),
        'checkKinds': kinds,
        'inconsistencies': [entry(c) for c in res['inconsistencies']],
        'blankParts': [entry(c) for c in res['checks'] if c['verdict'] == 'BLANK_PARTS'],
        'crossSource': res['crossSource'],
        'notes': res['notes'],
        'tableList': res['tables'],
        'checkList': res['checks'],
    }


def main():
    files = sorted(f for f in os.listdir(ROOT) if f.endswith('.xlsx'))
    missing = [f for f in files if f not in SPECS]
    if missing:
        sys.exit(f'no spec for {missing}')
    key = {'files': {f: verify(f, SPECS[f]) for f in files}}
    with open(os.path.join(ROOT, 'key.json'), 'w', encoding='utf-8') as fh:
        json.dump(key, fh, ensure_ascii=False, indent=2)
        fh.write('\n')
    for f, k in key['files'].items():
        verdicts = [c['verdict'] for c in k['checkList']]
        cross = [c['verdict'] for c in k['crossSource']]
        print(f'{f}: {k["tables"]} table(s), {len(verdicts)} checks '
              f'({verdicts.count("OK")} OK, {verdicts.count("ROUNDING")} ROUNDING, '
              f'{verdicts.count("INCONSISTENT")} INCONSISTENT, {verdicts.count("BLANK_PARTS")} BLANK_PARTS)' + (f'; cross-source {cross}' if cross else ''))


if __name__ == '__main__':
    main()
