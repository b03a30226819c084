#!/usr/bin/env python3
"""Writes ../KEY.md from ../key.json (run verify.py first). Standard library only."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

HEAD = """# Arithmetic key for test/corpus/real-b

For each workbook in this folder the key says which arithmetic relations between its own printed
figures hold and which do not. `build/verify.py` computes it from the workbook cells (exact
`decimal.Decimal` arithmetic on the stored cell values, read back from the .xlsx with zipfile + XML
parsing; Python standard library only, nothing of the project's engine) and writes `key.json`; this
file is generated from `key.json` by `build/key-md.py`. Provenance and reading assumptions:
`SOURCES.md`. Conventions and verdicts are those of `test/corpus/real/KEY.md`.

## How the checks are made and read

- 三公 tables, per amount column (施甸) or per year line (衢江): 合计 = 因公出国(境)费 + 公务用车购置及运行(维护)费
  + 公务接待费, and 公务用车购置及运行费 = 公务用车购置费 + 公务用车运行(维护)费. The cells are found by their
  printed labels (row label in column A, column header); where a header repeats (衢江: 合计 twice) the spec
  names the header cell and the script checks its text. 施甸's 增、减金额 column is a column of differences and
  is additive, so the two 三公 sums are checked on it as well.
- Row relations printed by the tables: 增、减金额 = 本年决算数 - 上年决算数 (施甸, per item); 增、减幅度 =
  增、减金额 / 上年决算数 × 100 (施甸, printed with a % sign: the cell holds the fraction with a percent format);
  增减% = (2016年 - 2015年) / 2015年 × 100 (衢江, per column).
- A blank cell counts as 0; a check whose cells are all blank is skipped and not counted.
- Verdicts: **OK** exactly equal; **ROUNDING** the gap is within the printed precision: for sums and
  differences the sum of the half-units of the printed figures (k decimals ⇒ ±0.5·10^-k; a blank cell is
  exact); for a rate, the printed rate ± its half-unit meets the range the rate takes when every printed input
  varies within its own half-unit (`allowed` in key.json); **INCONSISTENT** beyond that: the printed figures
  contradict each other and a checker must report it (the key names the checked cell first, then the cells it
  is computed from); **BLANK_PARTS** (none here).
- Cross-source checks compare a table cell with the page's own 说明 sentence (not in the workbook): a checker
  that reads only the workbook cannot make them; they are listed for the 说明 side of the product.
"""


def main():
    key = json.load(open(os.path.join(ROOT, 'key.json'), encoding='utf-8'))['files']
    out = [HEAD]
    out.append('## Summary\n')
    out.append('| workbook | province | unit | year | table | unit of money | checks | OK | ROUNDING | INCONSISTENT | BLANK_PARTS | cross-source contradictions |')
    out.append('|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|')
    for f, k in key.items():
        v = [c['verdict'] for c in k['checkList']]
        t = k['tableList'][0]
        out.append(f"| `{f}` | {k['province']} | {k['unit']} | {k['year']} {k['stage']} | {t['title']} | {t['unit']} | "
                   f"{len(v)} | {v.count('OK')} | {v.count('ROUNDING')} | {v.count('INCONSISTENT')} | {v.count('BLANK_PARTS')} | "
                   f"{sum(1 for c in k['crossSource'] if c['verdict'] != 'OK')} |")
    total_inc = sum(len(k['inconsistencies']) for k in key.values())
    out.append('')
    out.append(f'**{total_inc} proven inconsistencies** in {sum(1 for k in key.values() if k["inconsistencies"])} workbook(s) '
               '(listed below with their cells); every other check holds exactly or within rounding. A checker should '
               'report those and no other error on these workbooks.\n')
    for f, k in key.items():
        out.append(f"## `{f}`\n")
        for t in k['tableList']:
            out.append(f"{k['province']} · {k['unit']} · {k['year']} {k['stage']} · sheet `{t['sheet']}` · "
                       f"title `{t['title']}` at {t['titleCell']} · kind {t['kind']} · {t['unit']}"
                       + (' · TRUNCATED' if t.get('truncated') else '') + '\n')
        out.append('| check | cell | printed | from cells | computed | difference | verdict |')
        out.append('|---|---|---:|---|---:|---:|---|')
        for c in k['checkList']:
            printed = c['stated'] if c['stated'] != '' else '(blank)'
            verdict = c['verdict'] + (' (total blank)' if c.get('blankTotal') else '')
            if 'allowed' in c:
                verdict += f" (allowed {c['allowed'][0]} … {c['allowed'][1]})"
            out.append(f"| {c['check']} | {c['cell']} | {printed} | {', '.join(a.split('!')[1] for a in c['addends'])} | "
                       f"{c['expected']} | {c['difference']} | {verdict} |")
        out.append('')
        if k['inconsistencies']:
            out.append('Inconsistencies:')
            for c in k['inconsistencies']:
                out.append(f"- {c['what']}: {c['arithmetic']}" + (' — the total cell is blank' if c.get('blankTotal') else ''))
            out.append('')
        if k['crossSource']:
            out.append('Cross-source (table against the page 说明, not in the workbook):')
            for c in k['crossSource']:
                out.append(f"- {c['cell']}: {c['check']} — table {c['table']}, 说明 {c['text']}: {c['verdict']}.")
            out.append('')
        if k['notes']:
            out.append('Notes:')
            for n in k['notes']:
                out.append(f'- {n}')
            out.append('')
    with open(os.path.join(ROOT, 'KEY.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(out).rstrip('\n') + '\n')


if __name__ == '__main__':
    main()
