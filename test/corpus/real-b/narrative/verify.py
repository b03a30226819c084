#!/usr/bin/env python3
"""Key for test/corpus/real-b/narrative/*.txt: the figure relations of each page's 说明 text,
(a) within the text and (b) between the text and the rebuilt table of the same page
(../<same-base-name>.xlsx).

Standard library only. The .txt files are read and every text figure is taken from them with a
regular expression anchored on the words around it (the script fails if a pattern does not match
exactly once). The .xlsx files are read with zipfile + xml.etree (shared strings, cell values,
number formats); a cell's printed decimals come from its number format. Every amount is a
decimal.Decimal made from the stored text of the figure, never a float. Nothing of the project's
engine or CLI is used.

Rounding model: a figure printed with k decimals stands for a true value within half a unit of its
last printed digit, h = 0.5 * 10^-k (rounding half up, so the interval is half-open and two
intervals only meet when the gap is STRICTLY below the sum of their half-units).

  equal   same quantity printed twice:    OK if equal; ROUNDING if |a - b| <  h_a + h_b;
                                          else CONTRADICTION
  sum     stated total vs listed items:   OK if equal; ROUNDING if |S - sum| < h_S + sum(h_i);
                                          else CONTRADICTION  (assumes the items are the whole)
  rate    (cur - prev) / prev * 100:      OK if the rate computed from the printed figures, rounded
                                          half up to the printed decimals, equals the printed rate;
                                          ROUNDING if the range the rate takes while every input
                                          varies within its half-unit meets (r - h_r, r + h_r);
                                          else CONTRADICTION
A text "下降 x%" is the signed rate -x.

Run:  python3 test/corpus/real-b/narrative/verify.py   (writes key.json next to it, prints a summary)
"""

import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
BOOKS = os.path.dirname(HERE)
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
RNS = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
HUNDRED = Decimal(100)


# ---- figures ---------------------------------------------------------------------------------

class Fig:
    """A printed figure: value, decimals printed, where it comes from."""

    def __init__(self, value, decimals, where, printed):
        self.value = Decimal(value)
        self.decimals = decimals
        self.where = where          # 'text: …' or a cell reference
        self.printed = printed      # as printed (text snippet or displayed cell)

    @property
    def half(self):
        return Decimal(5) / Decimal(10) ** (self.decimals + 1)

    def neg(self):
        return Fig(-self.value, self.decimals, self.where, self.printed)


def decimals_of(s):
    return len(s.split('.')[1]) if '.' in s else 0


def q(x, places=4):
    return str(Decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


# ---- reading the text ------------------------------------------------------------------------

def text_figure(text, pattern, name):
    hits = list(re.finditer(pattern, text))
    if len(hits) != 1:
        raise LookupError(f'{name}: pattern {pattern!r} matched {len(hits)} times')
    m = hits[0]
    s = m.group(1)
    return Fig(s, decimals_of(s), f'text: {m.group(0)}', s)


# ---- reading the workbook --------------------------------------------------------------------

def parse_ref(ref):
    m = re.match(r'([A-Z]+)(\d+)$', ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def read_xlsx(path):
    """{sheet name: {'A1': (kind, text, numfmt)}}"""
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    styles = ET.fromstring(z.read('xl/styles.xml'))
    fmts = {0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%'}
    nf = styles.find('m:numFmts', NS)
    if nf is not None:
        for f in nf.findall('m:numFmt', NS):
            fmts[int(f.get('numFmtId'))] = f.get('formatCode')
    xfs = [fmts.get(int(x.get('numFmtId', '0')), '')
           for x in styles.find('m:cellXfs', NS).findall('m:xf', NS)]
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
    out = {}
    for s in wb.find('m:sheets', NS).findall('m:sheet', NS):
        t = rels[s.get(RNS)].lstrip('/')
        t = t if t.startswith('xl/') else 'xl/' + t
        cells = {}
        for c in ET.fromstring(z.read(t)).iter('{%s}c' % NS['m']):
            typ, v = c.get('t'), c.find('m:v', NS)
            fmt = xfs[int(c.get('s', '0'))]
            if typ == 's':
                cells[c.get('r')] = ('s', shared[int(v.text)], fmt)
            elif typ == 'inlineStr':
                cells[c.get('r')] = ('s', ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m'])), fmt)
            elif typ == 'str':
                cells[c.get('r')] = ('s', v.text or '', fmt)
            elif v is not None:
                cells[c.get('r')] = ('n', v.text, fmt)
        out[s.get('name')] = cells
    return out


class Book:
    def __init__(self, path):
        self.name = os.path.basename(path)
        self.sheets = read_xlsx(path)

    def text(self, ref):
        sheet, a1 = ref.split('!')
        v = self.sheets[sheet].get(a1)
        return v[1] if v else ''

    def label(self, ref, want):
        got = self.text(ref)
        if re.sub(r'\s', '', got) != re.sub(r'\s', '', want):
            raise LookupError(f'{ref}: expected {want!r}, found {got!r}')

    def fig(self, ref):
        """The figure as printed: a percent-format cell as its percent number."""
        sheet, a1 = ref.split('!')
        kind, raw, fmt = self.sheets[sheet][a1]
        if kind != 'n':
            raise ValueError(f'{ref} holds text {raw!r}')
        m = re.search(r'0\.(0+)', fmt)
        k = len(m.group(1)) if m else 0
        v = Decimal(raw)
        if fmt.endswith('%'):
            v = v * HUNDRED
        shown = str(v.quantize(Decimal(1).scaleb(-k), rounding=ROUND_HALF_UP)) + ('%' if fmt.endswith('%') else '')
        return Fig(v, k, ref, shown)


# ---- the relations ---------------------------------------------------------------------------

def verdict_gap(gap, tol):
    if gap == 0:
        return 'OK'
    return 'ROUNDING' if abs(gap) < tol else 'CONTRADICTION'


def rel_equal(a, b):
    gap = a.value - b.value
    tol = a.half + b.half
    return {'type': 'equal', 'stated': a.printed, 'against': b.printed,
            'computed': str(b.value), 'gap': str(gap), 'tolerance': f'< {tol}',
            'verdict': verdict_gap(gap, tol)}


def rel_sum(total, items):
    s = sum((i.value for i in items), Decimal(0))
    gap = total.value - s
    tol = total.half + sum((i.half for i in items), Decimal(0))
    return {'type': 'sum', 'stated': total.printed,
            'computed': ' + '.join(i.printed for i in items) + f' = {s}',
            'gap': str(gap), 'tolerance': f'< {tol}', 'verdict': verdict_gap(gap, tol)}


def rel_rate(rate, cur, prev):
    exact = (cur.value - prev.value) / prev.value * HUNDRED
    rounded = exact.quantize(Decimal(1).scaleb(-rate.decimals), rounding=ROUND_HALF_UP)
    corners = [(c - p) / p * HUNDRED
               for c in (cur.value - cur.half, cur.value + cur.half)
               for p in (prev.value - prev.half, prev.value + prev.half)]
    lo, hi = min(corners), max(corners)
    if rounded == rate.value:
        v = 'OK'
    elif lo < rate.value + rate.half and hi > rate.value - rate.half:
        v = 'ROUNDING'
    else:
        v = 'CONTRADICTION'
    return {'type': 'rate', 'stated': rate.printed,
            'computed': f'({cur.printed} - {prev.printed}) / {prev.printed} × 100 = {q(exact)}% '
                        f'-> {rounded}%',
            'gap': q(rate.value - exact),
            'tolerance': f'inputs allow {q(lo)} … {q(hi)}; printed rate stands for '
                         f'({rate.value - rate.half}, {rate.value + rate.half})',
            'verdict': v}


def relation(scope, what, sentence, figs, r, cells=(), why=''):
    out = {'scope': scope, 'relation': what, 'sentence': sentence}
    out.update(r)
    out['from'] = [f.where for f in figs]
    out['cells'] = [c for c in cells]
    if why:
        out['why'] = why
    return out


# ---- per page --------------------------------------------------------------------------------

def shidian(text, book):
    S = '三公经费决算统计表!'
    for ref, lab in [('A5', '合计'), ('A6', '1.因公出国(境)费'), ('A7', '2.公务接待费'),
                     ('A8', '3.公务用车购置及运行费'), ('B3', '上年决算数'), ('C3', '本年决算数')]:
        book.label(S + ref, lab)
    # the text prints no amount; it defines what 三公 is made of and names the year
    m = re.findall(r'“三公”经费,是指省级部门用财政拨款安排的因公出国\(境\)费、公务用车购置及运行费和公务接待费', text)
    if len(m) != 1:
        raise LookupError('施甸: definition sentence not found')
    year = text_figure(text, r'三、(\d{4})年使用省本级财政拨款', 'year')
    title = book.text(S + 'A1')
    ty = re.search(r'(\d{4})年', title).group(1)
    rels = []
    defin = '一、…纳入省级财政预决算管理的“三公”经费,是指省级部门用财政拨款安排的因公出国(境)费、公务用车购置及运行费和公务接待费。'
    for col, head in [('B', '上年决算数'), ('C', '本年决算数')]:
        tot, items = book.fig(S + col + '5'), [book.fig(S + col + r) for r in ('6', '7', '8')]
        rels.append(relation('text-table', f'说明 definition: 三公 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费, '
                             f'applied to the table [{head}]', defin, [tot] + items, rel_sum(tot, items),
                             [tot.where] + [i.where for i in items],
                             'The text gives no amount; it names the three parts of 三公. The table total is checked as the sum of exactly those parts.'))
    yt = Fig(ty, 0, S + 'A1', title)
    r = rel_equal(year, yt)
    r.update({'type': 'year', 'tolerance': 'exact', 'verdict': 'OK' if year.value == yt.value else 'CONTRADICTION'})
    rels.append(relation('text-table', '说明 year (三、2016年…) = year in the table title', '三、2016年使用省本级财政拨款安排“三公”经费的预算部门均纳入统计范围。',
                         [year, yt], r, [S + 'A1']))
    notes = [
        'The page text below the table is only the “三公”经费口径说明 (three numbered paragraphs under a heading); it prints no amount, so there is no relation within the text.',
        'Scope mismatch (not a figure, not keyed): the 口径说明 speaks of 省级部门 / 省本级 / 云南省省本级各部门 (wording of a 省级 template) while the table above it is 施甸县 全县; a checker reading both may flag it as a wording issue, not an arithmetic one.',
        'Naming (not keyed): paragraph 一 says 公务用车购置及运行费, paragraph 二 公务用车购置及运行维护费; the table uses 公务用车购置及运行费.',
    ]
    return rels, notes, {'year': year.printed}


def qujiang(text, book):
    S = '三公经费决算对比!'
    for ref, lab in [('A4', '2015年'), ('A5', '2016年'), ('B2', '合计'), ('C2', '因公出国(境)经费'),
                     ('D2', '公务接待费'), ('E2', '公车购置及运行维护费'), ('E3', '合计'),
                     ('F3', '车辆购置'), ('G3', '车辆运行'), ('A6', '2016年比2015年增减%')]:
        book.label(S + ref, lab)
    T = {
        'total': text_figure(text, r'“三公”经费决算数(\d+)万元', 'total'),
        'total_rate': text_figure(text, r'决算数\d+万元,比上年决算数下降([\d.]+) ?%', 'total_rate'),
        'abroad': text_figure(text, r'因公出国\(境\)经费(\d+)万元', 'abroad'),
        'abroad_rate': text_figure(text, r'经费\d+万元,与上年决算数下降([\d.]+)%', 'abroad_rate'),
        'reception': text_figure(text, r'公务接待费(\d+)万元', 'reception'),
        'reception_rate': text_figure(text, r'公务接待费\d+万元,比上年决算数下降([\d.]+)%', 'reception_rate'),
        'car': text_figure(text, r'公车购置及运行费(\d+)万元', 'car'),
        'car_buy': text_figure(text, r'公务用车购置费(\d+)万元', 'car_buy'),
        'car_run': text_figure(text, r'公务用车运行费(\d+)万元', 'car_run'),
        'car_rate': text_figure(text, r'运行费\d+万元\),比上年决算数下降([\d.]+)%', 'car_rate'),
    }
    C = {k: book.fig(S + k) for k in
         ['B4', 'C4', 'D4', 'E4', 'F4', 'G4', 'B5', 'C5', 'D5', 'E5', 'F5', 'G5', 'B6', 'C6', 'D6', 'E6', 'F6', 'G6']}
    s1 = '衢江区2016年一般公共预算安排“三公”经费决算数2364万元 … 因公出国(境)经费12万元 … 公务接待费1356万元 … 公车购置及运行费995万元'
    s2 = '公车购置及运行费995万元(其中公务用车购置费38万元,公务用车运行费958万元)'
    rels = []
    # (a) within the text
    rels.append(relation('text', '三公 total = 因公出国(境) + 公务接待 + 公车购置及运行', s1,
                         [T['total'], T['abroad'], T['reception'], T['car']],
                         rel_sum(T['total'], [T['abroad'], T['reception'], T['car']]),
                         why='Assumption: the three 分项 are the whole of 三公 (the text lists them as 分项情况).'))
    rels.append(relation('text', '公车购置及运行费 = 公务用车购置费 + 公务用车运行费', s2,
                         [T['car'], T['car_buy'], T['car_run']],
                         rel_sum(T['car'], [T['car_buy'], T['car_run']])))
    # (b) text against the table: the same 2016 amounts
    for k, cell, what in [('total', 'B5', '“三公”经费决算数 = table 2016年 合计'),
                          ('abroad', 'C5', '因公出国(境)经费 = table 2016年 因公出国(境)经费'),
                          ('reception', 'D5', '公务接待费 = table 2016年 公务接待费'),
                          ('car', 'E5', '公车购置及运行费 = table 2016年 公车购置及运行维护费 合计'),
                          ('car_buy', 'F5', '公务用车购置费 = table 2016年 车辆购置'),
                          ('car_run', 'G5', '公务用车运行费 = table 2016年 车辆运行')]:
        rels.append(relation('text-table', what, T[k].where[6:], [T[k], C[cell]], rel_equal(T[k], C[cell]), [S + cell]))
    # the text's rates against the table's printed rates
    for k, cell, what in [('total_rate', 'B6', '合计'), ('abroad_rate', 'C6', '因公出国(境)经费'),
                          ('reception_rate', 'D6', '公务接待费'), ('car_rate', 'E6', '公车购置及运行(维护)费 合计')]:
        r = rel_equal(T[k].neg(), C[cell])
        r['stated'] = '下降' + T[k].printed + '% (= -' + T[k].printed + ')'
        rels.append(relation('text-table', f'text rate (下降 x%) = table 增减% [{what}]', T[k].where[6:],
                             [T[k], C[cell]], r, [S + cell]))
    # the text's rates against the text's 2016 amount and the table's 2015 amount
    for rk, ak, prev, what in [('total_rate', 'total', 'B4', '合计'), ('abroad_rate', 'abroad', 'C4', '因公出国(境)经费'),
                               ('reception_rate', 'reception', 'D4', '公务接待费'),
                               ('car_rate', 'car', 'E4', '公车购置及运行(维护)费')]:
        r = rel_rate(T[rk].neg(), T[ak], C[prev])
        r['stated'] = '下降' + T[rk].printed + '% (= -' + T[rk].printed + ')'
        rels.append(relation('text-table', f'text rate = (text 2016 amount - table 2015年) / table 2015年 × 100 [{what}]',
                             T[rk].where[6:], [T[rk], T[ak], C[prev]], r, [S + prev]))
    # the text's vehicle split against the table's other figures
    rels.append(relation('text-table', 'table 公车购置及运行维护费 合计 (2016年) = text 公务用车购置费 + text 公务用车运行费', s2,
                         [C['E5'], T['car_buy'], T['car_run']], rel_sum(C['E5'], [T['car_buy'], T['car_run']]), [S + 'E5']))
    rels.append(relation('text-table', 'text 公车购置及运行费 = table 车辆购置 + table 车辆运行 (2016年)', s2,
                         [T['car'], C['F5'], C['G5']], rel_sum(T['car'], [C['F5'], C['G5']]), [S + 'F5', S + 'G5']))
    for cell, prev, k, what in [('F6', 'F4', 'car_buy', '车辆购置'), ('G6', 'G4', 'car_run', '车辆运行')]:
        rels.append(relation('text-table', f'table 增减% [{what}] = (text 2016 amount - table 2015年) / table 2015年 × 100',
                             s2, [C[cell], T[k], C[prev]], rel_rate(C[cell], T[k], C[prev]), [S + cell, S + prev],
                             'The table\'s own 2016 amount gives a rate outside the printed one (see ../key.json inconsistencies); the text\'s amount gives it exactly.'))
    notes = [
        'The text gives no 2015 amount, so none of its four 下降 x% rates can be checked within the text; they are checked against the table (its printed rate, and the rate from the text amount over the table\'s 2015年 amount).',
        'Text and table disagree by one unit on all three vehicle figures (text 995 = 38 + 958 is itself off by one; table 996 = 37 + 959 adds up). The table\'s 车辆购置 and 车辆运行 rates (-47.95, -24.98) are what the text\'s 38 and 958 give, not the table\'s 37 and 959.',
        'Not keyed: paragraph 2 begins “2015年衢江区“三公”经费支出决算同比下降的原因” although the decline described is 2016 against 2015 (no 2014 figure is given, so the sentence cannot be checked).',
        'Not keyed: “2016年公务用车购置数及保有量分别为1辆和130辆” (vehicle counts; nothing to check them against).',
        'The text writes the first rate with a space before the sign (“16.77 %”), as stored.',
        'Unit: every text figure is in 万元; the table prints no unit (see ../SOURCES.md).',
    ]
    return rels, notes, {k: v.printed for k, v in T.items()}


PAGES = [
    {'file': 'yunnan-shidian-quanxian-2016.txt', 'workbook': 'yunnan-shidian-quanxian-2016.xlsx',
     'url': 'https://shidian.gov.cn/info/4163/808803.htm', 'province': '云南', 'unit': '施甸县 全县 (施甸县财政局)',
     'what': '“三公”经费口径说明 printed below the table', 'fn': shidian},
    {'file': 'zhejiang-qujiang-quanqu-2016.txt', 'workbook': 'zhejiang-qujiang-quanqu-2016.xlsx',
     'url': 'http://hongxinbengye.com/html/sgjf201708t20170809_652713.html', 'province': '浙江', 'unit': '衢州市衢江区 全区',
     'what': '说明 paragraphs and 备注 printed above the table', 'fn': qujiang},
]


def main():
    files = []
    for p in PAGES:
        with open(os.path.join(HERE, p['file']), encoding='utf-8') as f:
            text = f.read()
        book = Book(os.path.join(BOOKS, p['workbook']))
        rels, notes, figs = p['fn'](text, book)
        for i, r in enumerate(rels, 1):
            r['id'] = f'{i:02d}'
        counts = {}
        for r in rels:
            counts[r['verdict']] = counts.get(r['verdict'], 0) + 1
        files.append({
            'file': p['file'], 'workbook': p['workbook'], 'url': p['url'], 'province': p['province'],
            'unit': p['unit'], 'money': '万元', 'text': p['what'],
            'paragraphs': len([l for l in text.split('\n') if l.strip()]),
            'textFigures': figs,
            'relationsWithinText': sum(1 for r in rels if r['scope'] == 'text'),
            'relationsTextTable': sum(1 for r in rels if r['scope'] == 'text-table'),
            'verdicts': counts,
            'relations': [{k: r[k] for k in ['id'] + [k for k in r if k != 'id']} for r in rels],
            'notes': notes,
        })
    key = {
        'generatedBy': 'test/corpus/real-b/narrative/verify.py (Python standard library, decimal.Decimal)',
        'verdicts': {
            'OK': 'equal as printed (a rate: the rate computed from the printed figures rounds half up to the printed rate)',
            'ROUNDING': 'not equal, but the gap is strictly within the sum of the half-units of the last printed digits of the figures involved (a rate: within the range the printed inputs allow, widened by the rate\'s own half-unit)',
            'CONTRADICTION': 'beyond that: the printed figures cannot all be roundings of consistent true values',
        },
        'files': files,
    }
    with open(os.path.join(HERE, 'key.json'), 'w', encoding='utf-8') as f:
        json.dump(key, f, ensure_ascii=False, indent=1)
        f.write('\n')
    for fl in files:
        print(fl['file'], fl['verdicts'])
        for r in fl['relations']:
            print(f"  {r['id']} [{r['scope']}] {r['relation']}: {r['stated']} vs {r['computed']} "
                  f"(gap {r['gap']}; {r['tolerance']}) -> {r['verdict']}")
    return 0


if __name__ == '__main__':
    sys.exit(main())
