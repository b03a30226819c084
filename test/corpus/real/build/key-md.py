#!/usr/bin/env python3
"""Writes ../KEY.md from ../key.json (run verify.py first). Standard library only."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

HEAD = """# Arithmetic key for test/corpus/real

For each workbook in this folder the key says which arithmetic relations between its own printed
figures hold and which do not. `build/verify.py` computes it from the workbook cells (exact
`decimal.Decimal` arithmetic on the stored cell values, Python standard library only, nothing of the
project's engine) and writes `key.json`; this file is generated from `key.json` by `build/key-md.py`.
Provenance and reading assumptions: `SOURCES.md`.

## How the checks are made and read

- 三公 tables, per amount column: 合计 = 因公出国(境)费 + 公务用车购置及运行(维护)费 + 公务接待费, and
  公务用车购置及运行费 = 公务用车购置费 + 公务用车运行(维护)费. The rows are found by their printed labels
  (the labels differ: 公务用车费, 公务用车购置及运行维护费, 小计 under 公务用车购置及运行费, …).
- Where a table splits each line by source of funds (文联: 合计 | 公共财政预算拨款 | 政府性基金预算拨款 |
  国有资本经营预算拨款), also per line: 合计 = Σ sources.
- Where a table prints 增幅(%) (徐圩乡), 增幅 = (本年 - 上年) / 上年 × 100 wherever 上年 is not 0.
- A blank cell counts as 0; a check whose cells are all blank is skipped and not counted. Rows of counts
  (团组数, 人数, 车辆数, 批次) are never summed.
- Verdicts: **OK** exactly equal; **ROUNDING** the gap is within the sum of the half-units of the printed
  figures (k decimals ⇒ ±0.5·10^-k; a blank cell is exact) — none occurs here; **INCONSISTENT** the gap is
  larger: the printed figures contradict each other and a checker must report it, naming the cells of
  the relation (the key names the total's cell first; which cell is the wrong one is not always
  decidable — see each workbook's notes); **BLANK_PARTS** a 合计 = Σ sources line
  whose source cells are all blank — nothing printed contradicts the 合计, so at most a 提示, never an error.
  `blankTotal` marks an INCONSISTENT check whose total cell is printed empty although its parts are not.
- Cross-source checks compare a table cell with the page's own 说明 sentence (not in the workbook): a
  checker that reads only the workbook cannot make them; they are listed for the 说明 side of the product.
"""


def main():
    key = json.load(open(os.path.join(ROOT, 'key.json'), encoding='utf-8'))['files']
    out = [HEAD]
    out.append('## Summary\n')
    out.append('| workbook | province | unit | year | table | unit of money | checks | OK | INCONSISTENT | BLANK_PARTS | cross-source contradictions |')
    out.append('|---|---|---|---|---|---|---:|---:|---:|---:|---:|')
    for f, k in key.items():
        v = [c['verdict'] for c in k['checkList']]
        t = k['tableList'][0]
        out.append(f"| `{f}` | {k['province']} | {k['unit']} | {k['year']} {k['stage']} | {t['title']} | {t['unit']} | "
                   f"{len(v)} | {v.count('OK')} | {v.count('INCONSISTENT')} | {v.count('BLANK_PARTS')} | "
                   f"{sum(1 for c in k['crossSource'] if c['verdict'] != 'OK')} |")
    total_inc = sum(len(k['inconsistencies']) for k in key.values())
    out.append('')
    out.append(f'**{total_inc} proven inconsistencies** in {sum(1 for k in key.values() if k["inconsistencies"])} workbooks '
               '(listed below with their cells); every other check holds exactly. A checker should report '
               'those and no other error on these workbooks.\n')
    for f, k in key.items():
        out.append(f"## `{f}`\n")
        for t in k['tableList']:
            out.append(f"{k['province']} · {k['unit']} · {k['year']} {k['stage']} · sheet `{t['sheet']}` · "
                       f"title `{t['title']}` at {t['titleCell']} · kind {t['kind']} · {t['unit']}\n")
        out.append('| check | cell | printed | addends | sum of addends | difference | verdict |')
        out.append('|---|---|---:|---|---:|---:|---|')
        for c in k['checkList']:
            printed = c['stated'] if c['stated'] != '' else '(blank)'
            verdict = c['verdict'] + (' (total blank)' if c.get('blankTotal') else '')
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
