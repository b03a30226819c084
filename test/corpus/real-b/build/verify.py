#!/usr/bin/env python3
"""Arithmetic key for test/corpus/real-b/*.xlsx, computed from the workbook cells alone.

Standard library only: the .xlsx is read with zipfile + xml.etree (shared strings, cell values,
number formats, merged ranges); every amount is a decimal.Decimal made from the stored text of
the cell, never a float. Nothing of the project's engine is used. Same conventions as
test/corpus/real/build/verify.py (the key has the same shape), plus two row relations that the
tables here print:

  三公:   合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费        (per amount column/row)
          公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费
  增减:   增、减金额 = 本年 - 上年                                        (per item)
  幅度:   增、减幅度 = 增、减金额 / 上年 × 100   (施甸: printed with a % sign)
          增减% = (2016年 - 2015年) / 2015年 × 100                        (衢江)
  a blank cell counts as 0; a check whose cells are all blank is skipped and not counted.

Verdicts: OK (exactly equal), ROUNDING (within the printed precision), INCONSISTENT (beyond it).
For sums and differences the tolerance is the sum of the half-units of the printed figures (a
figure printed with k decimals stands for a value within ±0.5·10^-k; a blank cell is exact). For a
rate the same half-units are propagated through the division (interval arithmetic over the
printed inputs) and widened by the half-unit of the printed rate; ROUNDING means the printed rate
lies within what the printed inputs allow.

Cells are found by their printed labels (row label in the first column, column header text); where
a label repeats (衢江: 合计 twice) the spec names the header cell and the script checks its text.

Run:  python3 test/corpus/real-b/build/verify.py      (writes ../key.json, prints a summary)
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
HUNDRED = Decimal(100)


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

    def num(self, r, c):
        """Decimal of a number cell, None for an empty cell; a text cell is an error."""
        v = self.cells.get((r, c))
        if not v or v[1] == '':
            return None
        if v[0] != 'n':
            raise ValueError(f'{self.ref(r, c)} holds text {v[1]!r}, not an amount')
        return Decimal(v[1])

    def fmt(self, r, c):
        v = self.cells.get((r, c))
        return (v[2] if v else '') or ''

    def is_pct(self, r, c):
        return self.fmt(r, c).endswith('%')

    def decimals(self, r, c):
        """Decimals the cell is printed with (from its number format; of the percent figure for a % format)."""
        m = re.search(r'0\.(0+)', self.fmt(r, c))
        return len(m.group(1)) if m else 0

    def printed(self, r, c):
        """The figure as the page prints it: a % cell as its percent number (-0.0703 -> -7.03)."""
        v = self.num(r, c)
        if v is None:
            return None
        return v * HUNDRED if self.is_pct(r, c) else v

    def half(self, r, c):
        """Half-unit of the printed figure, in the units of printed(); 0 for a blank cell."""
        if self.num(r, c) is None:
            return Decimal(0)
        return Decimal(5) / Decimal(10) ** (self.decimals(r, c) + 1)

    def ref(self, r, c):
        return f'{self.name}!{col_letter(c)}{r}'

    def find(self, label, col=None):
        """The single cell whose text, spaces removed, equals label (spaces removed)."""
        want = re.sub(r'\s', '', label)
        hits = [k for k, v in self.cells.items() if v[0] == 's' and re.sub(r'\s', '', v[1]) == want
                and (col is None or k[1] == col)]
        if len(hits) != 1:
            raise LookupError(f'{self.name}: label {label!r} found {len(hits)} times')
        return hits[0]

    def at(self, ref, label):
        """The cell at ref, after checking that it holds label."""
        r, c = parse_ref(ref)
        if re.sub(r'\s', '', self.text(r, c)) != re.sub(r'\s', '', label):
            raise LookupError(f'{self.name}!{ref}: expected {label!r}, found {self.text(r, c)!r}')
        return r, c


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
        t = target[s.get(f'{{{R_NS}}}id')].lstrip('/')
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
# 'vertical': items are rows found by their label in column A; amount columns found by header.
# 'rows_are_years': items are columns named by header cells (ref + label), the years are rows
# found by their label in column A.

SPECS = {
    'yunnan-shidian-quanxian-2016.xlsx': {
        'province': '云南', 'unit': '施甸县 全县 (汇总)', 'year': 2016, 'stage': '决算',
        'tables': [{
            'sheet': '三公经费决算统计表', 'title': '施甸县2016年“三公”经费决算情况统计表',
            'kind': '三公', 'money': '万元', 'layout': 'vertical',
            'amount_cols': ['上年决算数', '本年决算数', '增、减金额'],
            'rows': {'total': '合计', 'abroad': '1.因公出国(境)费', 'reception': '2.公务接待费',
                     'car': '3.公务用车购置及运行费', 'car_buy': '其中:(1)公务用车购置费', 'car_run': '(2)公务用车运行费'},
            'diff': {'col': '增、减金额', 'cur': '本年决算数', 'prev': '上年决算数'},
            'rate': {'col': '增、减幅度', 'num': '增、减金额', 'den': '上年决算数'},
        }],
        'notes': [
            'A county-wide summary (施甸县, 保山市), published by 施甸县财政局 as an HTML table on the county portal.',
            'The 增、减金额 column is a column of differences; it is additive, so the 三公 sums are checked on it too (-2.86 + -88.75 + -113 = -204.61; -14.8 + -98.2 = -113).',
            '增、减幅度 is printed with a % sign and with 2, 1 or 0 decimals (-7.03%, -21.9%, -100%); the cells hold the fraction (-0.0703) with a percent format. Every printed rate agrees with 增、减金额 / 上年决算数 within its printed precision (ROUNDING), -100% exactly.',
            '增、减金额 is printed with 2, 1 or 0 decimals (-204.61, -14.8, -113); 本年决算数 of 公务用车购置费 is printed 0.',
            'The page puts a 索引号/发布机构 block and the word 附件. above the table and a “三公”经费口径说明 below it; neither is rebuilt.',
        ],
    },
    'zhejiang-qujiang-quanqu-2016.xlsx': {
        'province': '浙江', 'unit': '衢州市衢江区 全区 (汇总)', 'year': 2016, 'stage': '决算',
        'tables': [{
            'sheet': '三公经费决算对比', 'title': '2016年决算数与2015年决算数对比情况',
            'kind': '三公', 'money': '万元 (from the page text; the table prints no unit)', 'layout': 'rows_are_years',
            'cols': {'total': ('B2', '合计'), 'abroad': ('C2', '因公出国(境)经费'), 'reception': ('D2', '公务接待费'),
                     'car': ('E3', '合计'), 'car_buy': ('F3', '车辆购置'), 'car_run': ('G3', '车辆运行')},
            'car_header': ('E2', '公车购置及运行维护费'),
            'year_rows': ['2015年', '2016年'],
            'rate_row': {'row': '2016年比2015年增减%', 'cur': '2016年', 'prev': '2015年'},
        }],
        'cross_source': [
            # page text above the table, same URL
            {'what': '说明: “公车购置及运行费995万元” against the table (公车购置及运行维护费 合计, 2016年)', 'role': 'car', 'row': '2016年', 'stated': '995'},
            {'what': '说明: “其中公务用车购置费38万元” against the table (车辆购置, 2016年)', 'role': 'car_buy', 'row': '2016年', 'stated': '38'},
            {'what': '说明: “公务用车运行费958万元” against the table (车辆运行, 2016年)', 'role': 'car_run', 'row': '2016年', 'stated': '958'},
            {'what': '说明: ““三公”经费决算数2364万元” against the table (合计, 2016年)', 'role': 'total', 'row': '2016年', 'stated': '2364'},
            {'what': '说明: “因公出国(境)经费12万元” against the table (2016年)', 'role': 'abroad', 'row': '2016年', 'stated': '12'},
            {'what': '说明: “公务接待费1356万元” against the table (2016年)', 'role': 'reception', 'row': '2016年', 'stated': '1356'},
        ],
        'notes': [
            'The 2016年 and 2015年 lines each add up (2364 = 12 + 1356 + 996, 996 = 37 + 959; 2840 = 90 + 1400 + 1350, 1350 = 73 + 1277).',
            'The 增减% line contradicts the 车辆购置 and 车辆运行 columns: (37 - 73) / 73 = -49.32% against the printed -47.95%, (959 - 1277) / 1277 = -24.90% against -24.98%, both outside what whole-万元 rounding allows. The printed rates are those of the page text’s 38 and 958 ((38 - 73) / 73 = -47.95%, (958 - 1277) / 1277 = -24.98%): the table’s 37 / 959 (and 996) and the text’s 38 / 958 (and 995) disagree, and the rate line follows the text. Which figures are right is not decidable from the table.',
            'The other rates (合计 -16.77, 出国 -86.62, 接待 -3.14, 公车 -26.24) do not equal the rates of the printed whole figures either ((12 - 90) / 90 = -86.67%), but lie within what the whole-万元 rounding of the printed figures allows (ROUNDING): they were evidently computed from unrounded amounts.',
            'The table prints no unit; the page text gives every figure in 万元.',
            'The page text above the table (分项情况, 备注) is not rebuilt; its figures are compared in crossSource.',
        ],
    },
}


# ---- checking --------------------------------------------------------------------------------

def check(sh, what, left, terms):
    """left = Σ sign·term. terms: list of ((r, c), sign)."""
    refs = [left] + [t for t, _ in terms]
    vals = [sh.num(*x) for x in refs]
    if all(v is None for v in vals):
        return None
    lv = vals[0] or Decimal(0)
    rv = sum(((v or Decimal(0)) * s for v, (_, s) in zip(vals[1:], terms)), Decimal(0))
    gap = lv - rv
    tol = sum((sh.half(*x) for x in refs), Decimal(0))
    dp = max(sh.decimals(*x) for x in refs)
    q = Decimal(1).scaleb(-dp)
    lv, rv, gap = lv.quantize(q), rv.quantize(q), gap.quantize(q)
    verdict = 'OK' if gap == 0 else ('ROUNDING' if abs(gap) <= tol else 'INCONSISTENT')
    res = {
        'check': what,
        'cell': sh.ref(*left),
        'stated': '' if vals[0] is None else str(lv),
        'addends': [sh.ref(*t) for t, _ in terms],
        'addendValues': ['(blank)' if x is None else str(x) for x in vals[1:]],
        'expected': str(rv),
        'difference': str(gap),
        'verdict': verdict,
    }
    if any(s < 0 for _, s in terms):
        res['signs'] = ['+' if s > 0 else '-' for _, s in terms]
    if vals[0] is None and gap != 0:
        res['blankTotal'] = True
    return res


def rate_check(sh, what, cell, num_terms, den):
    """printed rate (percent) = (Σ sign·num_terms) / den × 100, with interval propagation of the
    printed half-units of every input; None when the rate or the denominator is blank/0."""
    pct = sh.printed(*cell)
    d = sh.num(*den)
    if pct is None or not d:
        return None
    n = sum(((sh.num(*t) or Decimal(0)) * s for t, s in num_terms), Decimal(0))
    exact = n / d * HUNDRED
    # the printed inputs are independent figures: evaluate the rate at every corner of the box
    # [figure ± half-unit] (a ratio of affine functions takes its extremes at the corners)
    cells = []
    for t in [t for t, _ in num_terms] + [den]:
        if t not in cells:
            cells.append(t)
    corners = []
    for mask in range(2 ** len(cells)):
        val = {}
        for i, t in enumerate(cells):
            h = sh.half(*t)
            val[t] = (sh.num(*t) or Decimal(0)) + (h if mask >> i & 1 else -h)
        if val[den] != 0:
            corners.append(sum((val[t] * s for t, s in num_terms), Decimal(0)) / val[den] * HUNDRED)
    lo, hi = min(corners), max(corners)
    hp = sh.half(*cell)
    q4 = Decimal('0.0001')
    gap = pct - exact
    if gap == 0:
        verdict = 'OK'
    elif pct + hp >= lo and pct - hp <= hi:
        verdict = 'ROUNDING'
    else:
        verdict = 'INCONSISTENT'
    return {
        'check': what,
        'cell': sh.ref(*cell),
        'stated': str(pct.quantize(Decimal(1).scaleb(-sh.decimals(*cell)))),
        'addends': [sh.ref(*t) for t, _ in num_terms] + [sh.ref(*den)],
        'addendValues': [str(sh.num(*t)) for t, _ in num_terms] + [str(d)],
        'expected': str(exact.quantize(q4)),
        'difference': str(gap.quantize(q4)),
        'allowed': [str(lo.quantize(q4)), str(hi.quantize(q4))],
        'numSigns': ['+' if s > 0 else '-' for _, s in num_terms],
        'verdict': verdict,
    }


def sanggong_checks(sh, get, context):
    out = []
    items = [get(k) for k in ('abroad', 'car', 'reception')]
    out.append(check(sh, f'三公 合计 = 因公出国(境)费 + 公务用车 + 公务接待费 [{context}]', get('total'),
                     [(x, 1) for x in items]))
    out.append(check(sh, f'三公 公务用车 = 购置费 + 运行(维护)费 [{context}]', get('car'),
                     [(get('car_buy'), 1), (get('car_run'), 1)]))
    return out


def verify(name, spec):
    sheets = {s.name: s for s in read_xlsx(os.path.join(ROOT, name))}
    result = {
        'province': spec['province'], 'unit': spec['unit'], 'year': spec['year'], 'stage': spec['stage'],
        'tables': [], 'checks': [], 'inconsistencies': [], 'crossSource': [], 'notes': spec.get('notes', []),
    }
    cellmap = {}
    for t in spec['tables']:
        sh = sheets[t['sheet']]
        r, c = sh.find(t['title'])
        result['tables'].append({'sheet': t['sheet'], 'title': t['title'], 'titleCell': sh.ref(r, c),
                                 'kind': t['kind'], 'unit': t['money'], 'truncated': False})
        found = []
        if t['layout'] == 'vertical':
            col = {h: sh.find(h)[1] for h in t['amount_cols'] + [t['rate']['col']]}
            row = {role: sh.find(label, col=1)[0] for role, label in t['rows'].items()}
            for h in t['amount_cols']:
                found += sanggong_checks(sh, lambda role: (row[role], col[h]), h)
            dcfg, rcfg = t['diff'], t['rate']
            for role, label in t['rows'].items():
                rr = row[role]
                found.append(check(sh, f'增、减金额 = 本年 - 上年 [{label}]', (rr, col[dcfg['col']]),
                                   [((rr, col[dcfg['cur']]), 1), ((rr, col[dcfg['prev']]), -1)]))
            for role, label in t['rows'].items():
                rr = row[role]
                found.append(rate_check(sh, f'增、减幅度(%) = 增、减金额 / 上年 × 100 [{label}]', (rr, col[rcfg['col']]),
                                        [((rr, col[rcfg['num']]), 1)], (rr, col[rcfg['den']])))
            cellmap[name] = (sh, lambda role, yr: (row[role], col['本年决算数']))
        else:
            sh.at(*t['car_header'])
            col = {role: sh.at(ref, label)[1] for role, (ref, label) in t['cols'].items()}
            yrow = {y: sh.find(y, col=1)[0] for y in t['year_rows']}
            for y in t['year_rows']:
                found += sanggong_checks(sh, lambda role: (yrow[y], col[role]), y)
            rc = t['rate_row']
            rrow = sh.find(rc['row'], col=1)[0]
            for role, (ref, label) in t['cols'].items():
                cc = col[role]
                found.append(rate_check(sh, f'增减% = (2016年 - 2015年) / 2015年 × 100 [{label} {ref}]', (rrow, cc),
                                        [((yrow[rc['cur']], cc), 1), ((yrow[rc['prev']], cc), -1)], (yrow[rc['prev']], cc)))
            cellmap[name] = (sh, lambda role, yr: (yrow[yr], col[role]))
        for res in found:
            if res is None:
                continue
            result['checks'].append(res)
            if res['verdict'] == 'INCONSISTENT':
                result['inconsistencies'].append(res)
    for x in spec.get('cross_source', []):
        sh, where = cellmap[name]
        ref = where(x['role'], x.get('row'))
        v = sh.num(*ref).quantize(Decimal(1).scaleb(-sh.decimals(*ref)))
        result['crossSource'].append({
            'check': x['what'], 'cell': sh.ref(*ref), 'table': str(v), 'text': x['stated'],
            'verdict': 'OK' if v == Decimal(x['stated']) else 'CONTRADICTION',
        })
    return shape(result)


def kind_of_check(text):
    """The check kind: the check text without its [column/row] context."""
    base = re.sub(r'\s*\[[^\]]*\]$', '', text)
    return ('三公表: ' + base.replace('三公 ', '')) if base.startswith('三公 ') else ('三公表: ' + base)


def shape(res):
    """The same shape as test/corpus/real/key.json (tables, tableTitles, sheetNames, checks = how
    many hold exactly, checksRounding, checkKinds, inconsistencies with kind/what/cells/arithmetic,
    blankParts, crossSource, notes, tableList, checkList)."""
    def entry(c):
        cells = [c['cell']] + c['addends']
        printed = c['stated'] if c['stated'] != '' else '(blank)'
        vals = c.get('addendValues') or [''] * len(c['addends'])
        sheet = c['cell'].split('!')[0]
        if 'allowed' in c:
            num = ''
            for i, (a, x, sg) in enumerate(zip(c['addends'][:-1], vals[:-1], c['numSigns'])):
                term = f"{a.split('!')[1]} {x}"
                num += (term if i == 0 and sg == '+' else f" {sg} {term}" if i else f"- {term}")
            arith = (f"{sheet}: {c['cell'].split('!')[1]} {printed}% vs ({num}) / "
                     f"{c['addends'][-1].split('!')[1]} {vals[-1]} × 100 = {c['expected']}%"
                     f"  (difference {c['difference']}; the printed figures allow {c['allowed'][0]} … {c['allowed'][1]})")
        else:
            signs = c.get('signs') or ['+'] * len(c['addends'])
            parts = ''
            for i, (a, x, s) in enumerate(zip(c['addends'], vals, signs)):
                term = f"{a.split('!')[1]} {x}".strip()
                parts += (term if i == 0 and s == '+' else f" {s} {term}" if i else f"- {term}")
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
              f'{verdicts.count("INCONSISTENT")} INCONSISTENT, {verdicts.count("BLANK_PARTS")} BLANK_PARTS)'
              + (f'; cross-source {cross}' if cross else ''))
        for c in k['inconsistencies']:
            print('   INCONSISTENT:', c['arithmetic'])


if __name__ == '__main__':
    main()
