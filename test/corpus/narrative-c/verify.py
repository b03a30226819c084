#!/usr/bin/env python3
"""Independent arithmetic key for the 20 passages in this folder (narr3).

Standard library only; every check is recomputed with decimal.Decimal.

Rules:
  * a figure written with k decimals stands for v +/- 0.5*10^-k
    ("12.5" -> [12.45, 12.55], "33" -> [32.5, 33.5]); a written zero is exact;
    counts are exact (inputs written with a leading "=").
  * the recomputed point value is rounded ROUND_HALF_UP to the decimals the
    stated figure shows.
  * OK            : rounded value == stated figure
    ROUNDING      : not equal, but the interval of the recomputed value (taken over
                    every corner of the inputs' intervals) meets the stated figure's
                    interval
    CONTRADICTION : no rounding of the stated inputs gives the stated figure.
  * pct_change is on the prior base (current - increase, current + decrease) unless
    the sentence names another base (年初预算, 上年预算 ...).
  * claim checks whose expression is a comparison: OK if true at the point values,
    ROUNDING if true at some corner only, CONTRADICTION if true at no corner.

`python3 verify.py` asserts that every sentence is a verbatim substring of its
passage (line breaks removed), prints every check and writes key.json and KEY.md.
"""
import itertools
import json
import os
import re
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def parse(lit):
    """literal as written -> (value, lo, hi, decimals)."""
    exact = lit.startswith("=")
    s = lit.lstrip("=").replace(",", "").strip()
    v = Decimal(s)
    k = len(s.split(".")[1]) if "." in s else 0
    if exact or v == 0:
        return v, v, v, k
    half = Decimal(5) * Decimal(10) ** (-(k + 1))
    return v, v - half, v + half, k


def show(expr, inputs):
    out = expr
    for name in sorted(inputs, key=len, reverse=True):
        out = re.sub(r"(?<![A-Za-z_0-9])%s(?![A-Za-z_0-9])" % re.escape(name),
                     inputs[name].lstrip("=").replace(",", ""), out)
    return out


def q(x, k):
    return x.quantize(Decimal(10) ** -k, rounding=ROUND_HALF_UP)


def run(c):
    names = list(c["inputs"])
    parsed = {n: parse(c["inputs"][n]) for n in names}
    env = {n: parsed[n][0] for n in names}
    point = eval(c["expr"], {"__builtins__": {}}, env)
    corners = []
    for combo in itertools.product(*[sorted({parsed[n][1], parsed[n][2]}) for n in names]):
        corners.append(eval(c["expr"], {"__builtins__": {}}, dict(zip(names, combo))))
    shown = show(c["expr"], c["inputs"])
    if isinstance(point, bool):
        verdict = "OK" if point else ("ROUNDING" if any(corners) else "CONTRADICTION")
        return "%s -> %s" % (shown, "true" if point else "false"), verdict
    sv, slo, shi, k = parse(("=" if c["stated_exact"] else "") + c["stated"])
    r = q(point, k)
    lo, hi = min(corners), max(corners)
    pct = "%" if c["pct"] else ""
    if r == sv:
        verdict = "OK"
    elif lo <= shi and hi >= slo:
        verdict = "ROUNDING"
    else:
        verdict = "CONTRADICTION"
    exp = "%s = %s%s -> %s%s" % (shown, q(point, k + 3), pct, r, pct)
    if verdict != "OK":
        exp += " (range %s..%s%s; stated %s%s means %s..%s)" % (
            q(lo, k + 3), q(hi, k + 3), pct, c["stated"], pct, slo, shi)
    return exp, verdict


def C(sentence, stated, typ, expr, why="", pct=None, stated_exact=False, **inputs):
    if pct is None:
        pct = typ in ("pct_change", "share", "implied")
    return dict(sentence=sentence, stated=stated, type=typ, expr=expr, why=why,
                pct=pct, stated_exact=stated_exact, inputs=inputs)


UP = "d/(c-d)*100"      # increase d, current c: prior = c - d
DOWN = "d/(c+d)*100"    # decrease d, current c: prior = c + d
SHARE = "a/t*100"
BLANK = "Blank table cells read as 0 (no such spending)."
TEN = "Reading assumption: 因公出国(境)费, 公务用车购置及运行(维护)费 and 公务接待费 make up the whole “三公” total."

FILES = []

# 01 ------------------------------------------------------------------------
FILES.append(dict(
    file="01-shaanxi-huanglong-bumen-sangong.txt", province="陕西", kind="三公", unit="万元",
    level="部门 (unnamed 黄龙县 department; province from the hlx.gov.cn platform path), 2018 三公决算 vs 2017 决算 and 年初预算",
    notes="Everything agrees. The 差值 figures are unsigned (接待 exceeds its budget by 0.05); the total 差值 0.9 is the signed sum.",
    checks=[
        C("2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元", "2.05", "sum", "a+b+c+d", TEN, a="0", b="0", c="0", d="2.05"),
        C("较上年2.08减少0.03万元", "0.03", "change", "p-c", p="2.08", c="2.05"),
        C("较上年2.08减少0.03万元,减少了1.44%", "1.44", "pct_change", DOWN, c="2.05", d="0.03"),
        C("公务接待费支出2.05万元,占“三公”经费的100%", "100", "share", SHARE, a="2.05", t="2.05"),
        C("2018年公务接待24批次,210人次,支出2.05万元,较上年减少0.03万元,减少了1.44%", "1.44", "pct_change", DOWN, c="2.05", d="0.03"),
        C("本部门本年度无因公出国(境)支出,较上年无变化。", "0", "claim", "p-(j+d)",
          "出国 and 用车 'no change' (0 both years) means the whole prior total 2.08 was 接待 (2.05 + 0.03): prior total minus prior 接待 must be 0.", p="2.08", j="2.05", d="0.03"),
        C("“三公\"经费支出2.05万元,年初预算为2.95万元,差值为0.9万元", "2.95", "sum", "a+b+c+d", "Item budgets: 出国 0, 购置 0, 运行维护 0.95, 接待 2.", a="0", b="0", c="0.95", d="2"),
        C("年初预算为2.95万元,差值为0.9万元", "0.9", "change", "b-a", b="2.95", a="2.05"),
        C("公务用车运行维护费支出0万元,年初预算为0.95万元,差值为0.95万元", "0.95", "change", "b-a", b="0.95", a="0"),
        C("公务接待费支出2.05万元,年初预算为2万元,差值为0.05万元", "0.05", "change", "a-b", "差值 read as unsigned: 接待 is 0.05 over its budget.", a="2.05", b="2"),
        C("年初预算为2.95万元,差值为0.9万元", "0.9", "sum", "c-d", "Signed item differences (budget - actual): 运行维护 +0.95, 接待 -0.05; 出国 and 购置 0.", c="0.95", d="0.05"),
    ]))

# 02 ------------------------------------------------------------------------
FILES.append(dict(
    file="02-anhui-liuan-gongshanglian-sangong.txt", province="安徽", kind="三公", unit="万元",
    level="部门 (六安市工商业联合会, 部门汇总), 2021 三公决算 vs 年初预算",
    notes="The 15% fall of 公务接待费 against its 1.8 budget is 15.56% at the point values; only the rounding of 0.28 and 1.8 reaches 15.",
    checks=[
        C("合 计 | 1.8 | 1.52 |", "1.8", "sum", "a+b+c", BLANK, a="0", b="1.8", c="0"),
        C("合 计 | 1.8 | 1.52 |", "1.52", "sum", "a+b+c", BLANK, a="0", b="1.52", c="0"),
        C("支出预算为1.8万元,支出决算为1.52万元,完成预算的84%", "84", "share", SHARE, a="1.52", t="1.8"),
        C("公务接待费支出决算1.52万元,占100%", "100", "share", SHARE, a="1.52", t="1.52"),
        C("因公出国(境)费支出决算0万元,占0%", "0", "share", SHARE, a="0", t="1.52"),
        C("2.公务接待费支出1.52万元, 与2021年度预算相比,减少0.28万元", "0.28", "change", "b-a", b="1.8", a="1.52"),
        C("与2021年度预算相比,减少0.28万元,下降15%", "15", "pct_change", DOWN, "Base named: 2021年度预算 (1.8 = 1.52 + 0.28).", c="1.52", d="0.28"),
        C("1.因公出国(境)费支出0万元。与2021年度预算相比,增加0万元,增长0%。", "0", "claim", "a-b", BLANK + " 出国 budget and actual both 0.", a="0", b="0"),
    ]))

# 03 ------------------------------------------------------------------------
FILES.append(dict(
    file="03-anhui-huaiyuan-shuangqiaoji-sangong.txt", province="安徽", kind="三公", unit="万元",
    level="部门 (怀远县双桥集镇人民政府, 部门汇总 incl. 镇属事业单位), 2020 三公决算 vs 年初预算",
    notes="Everything agrees.",
    checks=[
        C("合 计 |30.8 |25.7 |", "30.8", "sum", "a+b+c", "Budget column: 出国 0, 接待 14.8, 用车 16.", a="0", b="14.8", c="16"),
        C("合 计 |30.8 |25.7 |", "25.7", "sum", "a+b+c", "决算 column: 出国 0, 接待 16.3, 用车 9.4.", a="0", b="16.3", c="9.4"),
        C("公务用车购置及运行维护费 |16 |9.4 |其中:公务用车运行维护费 |16 |9.4 |公务用车购置费 |0 |0 |", "16", "sum", "a+b", a="16", b="0"),
        C("公务用车购置及运行维护费 |16 |9.4 |其中:公务用车运行维护费 |16 |9.4 |公务用车购置费 |0 |0 |", "9.4", "sum", "a+b", a="9.4", b="0"),
        C("支出预算为30.8万元,支出决算为25.7万元,完成预算的83.44%", "83.44", "share", SHARE, a="25.7", t="30.8"),
        C("公务接待费支出决算16.3万元,占63.42%", "63.42", "share", SHARE, a="16.3", t="25.7"),
        C("公务用车购置及运行维护费支出决算9.4万元,占36.58%", "36.58", "share", SHARE, a="9.4", t="25.7"),
        C("2.公务接待费支出16.3万元, 与2020年度预算相比,增加1.5万元", "1.5", "change", "a-b", a="16.3", b="14.8"),
        C("与2020年度预算相比,增加1.5万元,增长10.14%", "10.14", "pct_change", UP, "Base named: 2020年度预算 (14.8 = 16.3 - 1.5).", c="16.3", d="1.5"),
        C("1.因公出国(境)费支出0万元,与2020年度预算相比,增加0万元", "0", "claim", "a-b", a="0", b="0"),
        C("决算数小于预算数的主要原因是公务用车运行维护费用的降低", "", "claim", "a<b", "决算 25.7 below 预算 30.8; the 用车 line fell (9.4 < 16).", a="25.7", b="30.8"),
    ]))

# 04 ------------------------------------------------------------------------
FILES.append(dict(
    file="04-anhui-xuanzhou-quzhigongwei-sangong.txt", province="安徽", kind="三公", unit="万元",
    level="部门 (中共宣城市宣州区直属机关工作委员会), 2020 三公预算 vs 2019 预算",
    notes="Everything agrees; the 5.26% is 0.02/0.38 (prior 2019 budget 0.36 + 0.02).",
    checks=[
        C("合 计|0.36|", "0.36", "sum", "a+b+c", BLANK, a="0", b="0.36", c="0"),
        C("区直工委2020年一般公共预算“三公”经费支出预算为0.36万元", "0.36", "sum", "a+b+c", "Items in the next sentence: 出国 0, 接待 0.36, 用车 0.", a="0", b="0.36", c="0"),
        C("比2019年预算减少0.02万元,下降5.26%。其中:因公出国(境)费支出预算为0万元", "5.26", "pct_change", DOWN, c="0.36", d="0.02"),
        C("(二)公务接待费支出0.36万元,比2019年预算减少0.02万元,下降5.26%", "5.26", "pct_change", DOWN, c="0.36", d="0.02"),
        C("区直工委2020年一般公共预算“三公”经费支出预算为0.36万元,比2019年预算减少0.02万元", "0.02", "sum", "a+b+c", "Item decreases: 出国 0, 接待 0.02, 用车 0 (减少0万元 / 持平).", a="0", b="0.02", c="0"),
    ]))

# 05 ------------------------------------------------------------------------
FILES.append(dict(
    file="05-guangxi-wuzhou-nongjian-sangong.txt", province="广西", kind="三公", unit="万元",
    level="单位 (梧州市农产品质量安全综合检测中心), 2020 单位决算 三公 section vs 2019 and 预算 (page 10 of a PDF-to-HTML conversion)",
    notes="Everything agrees.",
    checks=[
        C("2020 年度一般公共预算财政拨款安排的“三公”经费支出决算总额为 5.48 万元", "5.48", "sum", "a+b+c", TEN, a="0", b="3.98", c="1.5"),
        C("比去年增加1.55 万元,增长 39.4%", "39.4", "pct_change", UP, c="5.48", d="1.55"),
        C("公务用车运行维护费支出决算比预算无增减变化,比去年增加 1.05 万元,增长 35.8%", "35.8", "pct_change", UP, c="3.98", d="1.05"),
        C("公务接待费支出决算比预算无增减变化,比去年增加 0.5 万元,增长 50%", "50", "pct_change", UP, c="1.5", d="0.5"),
        C("比去年增加1.55 万元", "1.55", "sum", "a+b+c+e", "Item increases: 出国 0 (无增减), 购置 0 (无增减), 运行维护 1.05, 接待 0.5.", a="0", b="0", c="1.05", e="0.5"),
        C("出决算总额为 5.48 万元,比预算增加 0 万元", "0", "sum", "a+b+c+e", "Every item is 比预算无增减变化.", a="0", b="0", c="0", e="0"),
        C("(二)公务用车购置及运行费支出 3.98万元。其中:公务用车购置支出0万元。公务用车运行支出 3.98万元。", "3.98", "sum", "a+b", a="0", b="3.98"),
    ]))

# 06 ------------------------------------------------------------------------
FILES.append(dict(
    file="06-guangxi-wuzhou-danwei-34D5FC.txt", province="广西", kind="预算", unit="元",
    level="单位 (unnamed Wuzhou 文化旅游 unit), 2025 单位预算, page 4-5 of a PDF-to-HTML conversion",
    notes="The amounts all agree (the four 类 add to 1085203.63, their changes add to -43506.06). Three of the four 类 shares were apparently forced to total 100.00% (4.0451% shown as 4.04, 6.8913% as 6.90); 社会保障和就业 growth 14.43% is the increase over the 2025 (current) figure; 文化旅游 decline 6.0100% is shown as 6.00.",
    checks=[
        C("支出总预算的 95.57%,同比减少 43506.06 元,下降 4.03 %", "95.57", "share", SHARE,
          "The store's page starts mid-sentence; reading assumption: this line is 基本支出预算, whose amount 1037103.63 is stated later (其中:基本支出 1037103.63元); 支出总预算 = 1085203.63.", a="1037103.63", t="1085203.63"),
        C("支出总预算的 95.57%,同比减少 43506.06 元,下降 4.03 %", "4.03", "pct_change", DOWN, "Same reading assumption (current = 基本支出 1037103.63).", c="1037103.63", d="43506.06"),
        C("项目支出预算 48100 元,占支出总预算的 4.43%", "4.43", "share", SHARE, a="48100", t="1085203.63"),
        C("(一)文化旅游体育与传媒支出类科目 850088.3 元,占支出总预算 78.33%", "78.33", "share", SHARE, a="850088.3", t="1085203.63"),
        C("同比减少 54357.12 元,下降 6.00 %", "6.00", "pct_change", DOWN,
          "文化旅游体育与传媒: prior 850088.3 + 54357.12 = 904445.42; 6.0100% rounds to 6.01, so 6.00 is a truncation, not a rounding.", c="850088.3", d="54357.12"),
        C("(二)社会保障和就业支出类科目 116433.12 元,占支出总预算 10.73 %", "10.73", "share", SHARE, a="116433.12", t="1085203.63"),
        C("同比增加 16803.36 元,增长 14.43%", "14.43", "pct_change", UP,
          "社会保障和就业: prior 116433.12 - 16803.36 = 99629.76, growth 16.87%. The stated rate is the increase over the 2025 (current) figure: 16803.36/116433.12 = 14.432%. Reading assumption: 增长 refers to the 同比增加 in the same clause.", c="116433.12", d="16803.36"),
        C("(三)卫生健康支出类科目 43897.73 元,占支出总预算4.04 %", "4.04", "share", SHARE,
          "43897.73/1085203.63 = 4.0451%, which rounds to 4.05; 4.04 is a truncation (the four stated shares are made to add to 100.00).", a="43897.73", t="1085203.63"),
        C("同比减少 6014.46 元,下降 12.05 %", "12.05", "pct_change", DOWN, c="43897.73", d="6014.46"),
        C("(四)住房保障支出类科目 74784.48 元,占支出总预算6.90 %", "6.90", "share", SHARE,
          "74784.48/1085203.63 = 6.8913%, which rounds to 6.89; 6.90 looks like the balancing figure that makes the four shares add to 100.00.", a="74784.48", t="1085203.63"),
        C("同比增加 62.16 元,增长 0.083 %", "0.083", "pct_change", UP, c="74784.48", d="62.16"),
        C("2025 年财政拨款收支总预算 1085203.63 元", "1085203.63", "sum", "a+b+c+d", "The 支出包括 list names the four 类.", a="850088.3", b="116433.12", c="43897.73", d="74784.48"),
        C("2025 年本年一般公共预算支出 1085203.63 元,同比减少 43506.06 元,下降 3.85 %", "1085203.63", "sum", "a+b", "其中: 基本支出 + 项目支出.", a="1037103.63", b="48100"),
        C("2025 年本年一般公共预算支出 1085203.63 元,同比减少 43506.06 元", "43506.06", "sum", "a-b+c-e", "Sum of the four 类 changes: -54357.12 + 16803.36 - 6014.46 + 62.16.", a="54357.12", b="16803.36", c="6014.46", e="62.16"),
        C("2025 年本年一般公共预算支出 1085203.63 元,同比减少 43506.06 元,下降 3.85 %", "3.85", "pct_change", DOWN, c="1085203.63", d="43506.06"),
        C("财政拨款总收支较上年下降 3.85 %", "3.85", "pct_change", DOWN, "Decrease 43506.06 stated in section 五 for the same total.", c="1085203.63", d="43506.06"),
        C("同比减少 43506.06 元,下降 4.03 %;项目支出预算 48100 元,占支出总预算的 4.43%,同比无增减变化", "43506.06", "sum", "a+b",
          "基本支出 decrease plus 项目支出 change (无增减变化 = 0) against the total decrease 43506.06.", a="43506.06", b="0"),
    ]))

# 07 ------------------------------------------------------------------------
FILES.append(dict(
    file="07-guangxi-wuzhou-danwei-C443CF.txt", province="广西", kind="预算", unit="元",
    level="单位 (unnamed Wuzhou unit), 2024 单位预算, page 7 of a PDF-to-HTML conversion",
    notes="All amounts, sub-totals, inner shares and growth rates agree. The one break: 项目支出 469500 is said to be 19.62% of 一般公共预算支出, but 基本支出 is 84.06% of the same total (the two would add to 103.68%); with total = 基本 + 项目 = 2945760.58 the project share is 15.94%.",
    checks=[
        C("1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%", "84.06", "share", "b/(b+p)*100",
          "The passage splits 一般公共预算支出 into 基本支出 and 项目支出 (按支出结构分类划分,分为基本支出预算和项目支出预算), so the total is 2476260.58 + 469500.", b="2476260.58", p="469500"),
        C("2. 项目支出 469500 元,占一般公共预算支出的 19.62%", "19.62", "share", "p/(b+p)*100",
          "Total = 基本 + 项目 as above. Without that assumption the result is the same: both shares are of the one named total, and 84.06% of it is 2476260.58 (total about 2945826), at which 469500 is 15.94%; the two shares add to 103.68%.", b="2476260.58", p="469500"),
        C("1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元,下降 0.2%。其中:", "2476260.58", "sum", "a+b+c", a="2016908.34", b="445372.24", c="13980"),
        C("同比减少 4966.66 元,下降 0.2%", "0.2", "pct_change", DOWN, c="2476260.58", d="4966.66"),
        C("工资福利支出预算 2016908.34 元,占基本支出预算81.45%", "81.45", "share", SHARE, a="2016908.34", t="2476260.58"),
        C("同比增加 33279.22 元,增长 1.68%", "1.68", "pct_change", UP, c="2016908.34", d="33279.22"),
        C("商品和服务支出预算 445372.24 元,占基本支出预算17.99%", "17.99", "share", SHARE, a="445372.24", t="2476260.58"),
        C("同比减少 36235.88 元,下降 7.52%", "7.52", "pct_change", DOWN, c="445372.24", d="36235.88"),
        C("对个人和家庭补助支出预算 13980 元,占基本支出预算0.56%", "0.56", "share", SHARE, a="13980", t="2476260.58"),
        C("同比减少 2010 元,下降 12.57%", "12.57", "pct_change", DOWN, c="13980", d="2010"),
        C("基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元", "4966.66", "sum", "b+c-a", "Item changes: +33279.22, -36235.88, -2010.", a="33279.22", b="36235.88", c="2010"),
        C("2. 项目支出 469500 元,占一般公共预算支出的 19.62%,同比增加 70100 元 ,增长 17.55%。其中:", "469500", "sum", "a+b+c", a="12000", b="426000", c="31500"),
        C("同比增加 70100 元 ,增长 17.55%", "17.55", "pct_change", UP, c="469500", d="70100"),
        C("工资福利支出 12000 元,占项目支出预算 2.56%", "2.56", "share", SHARE, a="12000", t="469500"),
        C("商品和服务支出 426000 元,占项目支出预算 90.73%", "90.73", "share", SHARE, a="426000", t="469500"),
        C("同比增加 36600 元,增长 9.4%", "9.4", "pct_change", UP, c="426000", d="36600"),
        C("资本性支出 31500 元,占项目支出预算 6.71%", "6.71", "share", SHARE, a="31500", t="469500"),
        C("同比增加21500 元,增长 215%", "215", "pct_change", UP, c="31500", d="21500"),
        C("同比增加 70100 元 ,增长 17.55%", "70100", "sum", "a+b+c", "Item increases: 12000 + 36600 + 21500.", a="12000", b="36600", c="21500"),
        C("同比增加 12000 元,去年项目支出未列该项", "0", "claim", "c-d", "Prior = 12000 - 12000 = 0, matching 去年未列该项.", c="12000", d="12000"),
        C("2024 年本年一般公共预算基本支出 2476260.58 元,较上年减少 0.2%", "0.2", "pct_change", DOWN, "Decrease 4966.66 stated in section (二).", c="2476260.58", d="4966.66"),
    ]))

# 08 ------------------------------------------------------------------------
ROW15B = "2015年度預(yù)算數(shù) |5.23 |0.00 |3.23 |0.00 |3.23 |2.00 |2.00 |以前年度結(jié)轉(zhuǎn)資金9.83 |"
ROW15 = "2015年度決算數(shù) |6.94 |0.00 |2.94 |0.00 |2.94 |4.00 |0.37 |3.63 |"
ROW14 = "2014年度決算數(shù) |4.06 |0.00 |3.01 |0.00 |3.01 |1.05 |0.47 |0.58 |"
ROWD = "決算對比 |2.88 |0.00 |-0.07 |0.00 |-0.07 |2.95 |-0.10 |3.05 |"
COLS = "Columns 1-8: 合计, 因公出国(境)费, 公务用车 小计/购置费/运行费, 公务接待费 小计/行政运行/其他城乡社区管理事务支出."
FILES.append(dict(
    file="08-guangdong-quji-caigouzhongxin-sangong.txt", province="广东", kind="三公", unit="万元",
    level="单位 (a district 政府采购中心, unit and district not named; Guangdong-style 三公 page on a traditional-character mirror), 2015 三公决算 vs 2014 决算 and 2015 预算",
    notes="Every row and the 决算对比 row agree.",
    checks=[
        C("1、決算車輛運行維護費用2.94萬元,比去年3.01萬元少0.07萬元", "0.07", "change", "p-c", p="3.01", c="2.94"),
        C("3、公務(wù)接待費用4萬元,接待74批(次)813人,同比去年1.05萬元增加2.95萬元", "2.95", "change", "c-p", c="4", p="1.05"),
        C(ROW15B, "5.23", "sum", "a+b+c", COLS + " 2015 预算: 出国 0.00 + 用车 3.23 + 接待 2.00 (the 9.83 结转 note is outside the 合计).", a="0.00", b="3.23", c="2.00"),
        C(ROW15B, "3.23", "sum", "a+b", "用车 小计 = 购置 0.00 + 运行 3.23.", a="0.00", b="3.23"),
        C(ROW15, "6.94", "sum", "a+b+c", COLS, a="0.00", b="2.94", c="4.00"),
        C(ROW15, "4.00", "sum", "a+b", "接待 小计 = 行政运行 0.37 + 其他城乡社区管理事务 3.63.", a="0.37", b="3.63"),
        C(ROW14, "4.06", "sum", "a+b+c", COLS, a="0.00", b="3.01", c="1.05"),
        C(ROW14, "1.05", "sum", "a+b", a="0.47", b="0.58"),
        C(ROWD, "2.88", "change", "a-b", "决算对比 = 2015 决算 - 2014 决算, column 1.", a="6.94", b="4.06"),
        C(ROWD, "-0.07", "change", "a-b", "Column 3 (and 5).", a="2.94", b="3.01"),
        C(ROWD, "2.95", "change", "a-b", "Column 6.", a="4.00", b="1.05"),
        C(ROWD, "-0.10", "change", "a-b", "Column 7.", a="0.37", b="0.47"),
        C(ROWD, "3.05", "change", "a-b", "Column 8.", a="3.63", b="0.58"),
    ]))

# 09 ------------------------------------------------------------------------
FILES.append(dict(
    file="09-chongqing-liangping-tiantaixiaoxue.txt", province="重庆", kind="预算", unit="万元",
    level="单位 (重庆市梁平区明达镇天台完全小学), 2024 单位预算",
    notes="Both lists add to 777.03. The change 40.17 is explained as 主要是 拨款 +17.17 and 其他 +23 (which happen to add to 40.17); 主要是 does not say the list is complete, so no sum check is made on it.",
    checks=[
        C("(一)收入预算:2024年年初预算数777.03万元", "777.03", "sum", "a+b+c+d+e", a="744.03", b="0", c="0", d="10", e="23"),
        C("(二)支出预算:2024年年初预算数777.03万元", "777.03", "sum", "a+b+c+d+e+f", a="0", b="614.70", c="69.58", d="36.60", e="33.15", f="23"),
        C("2024年一般公共预算财政拨款收入744.03万元", "744.03", "claim", "a", "Same figure as 一般公共预算拨款 744.03 in the income list.", a="744.03"),
        C("内设2个机构科室,分别是:教务处、总务处", "2", "sum", "n", "Count of the named 科室 (教务处, 总务处).", stated_exact=True, pct=False, n="=2"),
    ]))

# 10 ------------------------------------------------------------------------
FILES.append(dict(
    file="10-chongqing-fuling-wulingshanxiang-sangong.txt", province="重庆", kind="三公", unit="万元",
    level="部门 (涪陵区武陵山乡人民政府), 2020 三公决算 vs 2019 决算 and 年初预算",
    notes="Amounts agree; the 49.88% decline is 49.87% at the point values (ROUNDING). The budget comparison does not add up: the total is 0.04 below budget while each of its two non-zero items is also 0.04 below budget.",
    checks=[
        C("2020年度“三公”经费15.37万元", "15.37", "sum", "a+b+c", TEN, a="0", b="14.03", c="1.34"),
        C("公务用车购置及运行维护费14.03万元(务用车购置费 0万元、公务用车运行维护费14.03万元)", "14.03", "sum", "a+b", a="0", b="14.03"),
        C("2020年度“三公”经费较上年减少15.29万元", "15.29", "sum", "a+b",
          "其中 lists 公务用车 -2.90 and 公务接待 -12.39; 出国 is 0 this year and not listed.", a="2.90", b="12.39"),
        C("较上年减少15.29万元,下降49.88%", "49.88", "pct_change", DOWN, c="15.37", d="15.29"),
        C("较年初预算数减少0.04万元。主要是严格落实我区过紧日子十条举措", "0.04", "sum", "a+b",
          "Item shortfalls against 年初预算: 公务用车 0.04 and 公务接待 0.04 (其中 list). Reading assumption: 因公出国(境)费 (0 spent) cannot be over its budget, so its shortfall is >= 0 and the total shortfall is at least 0.08 (0.07 after rounding), not 0.04.", a="0.04", b="0.04"),
    ]))

# 11 ------------------------------------------------------------------------
FILES.append(dict(
    file="11-chongqing-wuxi-jianchayuan.txt", province="重庆", kind="决算", unit="万元",
    level="部门 (重庆市巫溪县人民检察院), 2019 部门决算 vs 2018 决算",
    notes="Everything agrees, including the prior-year totals implied by the stated changes (2050.02 支出合计 + 60.4 年末结转 = 2110.42 = 2055.33 + 55.09).",
    checks=[
        C("2019年度收入总计2,055.33万元", "2,055.33", "sum", "a+b", "收入总计 = 收入合计 + 年初结转和结余.", a="2,020.55", b="34.78"),
        C("支出总计2,055.33万元", "2,055.33", "sum", "a+b", "支出总计 = 支出合计 + 年末结转和结余 (0.0).", a="2,055.33", b="0.0"),
        C("收支较上年决算数减少55.09万元,下降2.6%", "2.6", "pct_change", DOWN, c="2,055.33", d="55.09"),
        C("2019年度收入合计2,020.55万元,较上年决算数增加275.83万元,增长15.8%", "15.8", "pct_change", UP, c="2,020.55", d="275.83"),
        C("其中:财政拨款收入2,020.55万元,占100.0%", "100.0", "share", SHARE, a="2,020.55", t="2,020.55"),
        C("2019年度支出合计2,055.33万元,较上年决算数增加5.31万元,增长0.3%", "0.3", "pct_change", UP, c="2,055.33", d="5.31"),
        C("2019年度支出合计2,055.33万元", "2,055.33", "sum", "a+b", a="1,705.89", b="349.44"),
        C("其中:基本支出1,705.89万元,占83.0%", "83.0", "share", SHARE, a="1,705.89", t="2,055.33"),
        C("项目支出349.44万元,占17.0%", "17.0", "share", SHARE, a="349.44", t="2,055.33"),
        C("2019年度年末结转和结余0.0万元,较上年决算数减少60.4万元,下降100.0%", "100.0", "pct_change", DOWN, c="0.0", d="60.4"),
        C("收支较上年决算数减少55.09万元", "55.09", "implied", "(c-i)+(e+d)-t",
          "Prior 支出总计 = prior 支出合计 (2055.33 - 5.31) + prior 年末结转 (0.0 + 60.4) = 2110.42; minus this year's 2055.33.", pct=False, c="2,055.33", i="5.31", e="0.0", d="60.4", t="2,055.33"),
        C("2019年度财政拨款收、支总计2,055.33万元", "2,055.33", "sum", "a+b",
          "Reading assumption: 收入 is 100% 财政拨款, so 财政拨款收入总计 = 财政拨款收入 2020.55 + 年初结转 34.78.", a="2,020.55", b="34.78"),
    ]))

# 12 ------------------------------------------------------------------------
FILES.append(dict(
    file="12-chongqing-yuzhong-nanjimen-jiedao.txt", province="重庆", kind="决算", unit="万元",
    level="部门 (重庆市渝中区南纪门街道办事处), 2023 部门决算 vs 2022 决算",
    notes="Left out: 工作人员73人, 其中 25 + 20 + 26 = 71 — the 其中 list names only three 编制 kinds and may be incomplete (e.g. 工勤), so no check.",
    checks=[
        C("南纪门街道办事处内设 10 个办公室", "10", "sum", "n", "Count of the named offices: 党政, 党建工作, 经济发展, 民政和社区事务, 平安建设, 规划建设管理环保, 财政, 应急管理, 人大工委, 综合行政执法.", stated_exact=True, pct=False, n="=10"),
        C("下设6个二级单位", "6", "sum", "n", "Count of the named units: 党群服务中心, 社区事务服务中心, 社区文化服务中心, 社保所, 综合行政执法大队, 退役军人服务站.", stated_exact=True, pct=False, n="=6"),
        C("收支较上年决算数减少710.50万元,下降9.76%", "9.76", "pct_change", DOWN, c="6567.06", d="710.50"),
        C("2023年度收入合计6567.06万元,较上年决算数减少710.50万元,下降9.76%", "9.76", "pct_change", DOWN, c="6567.06", d="710.50"),
        C("2023年度收入总计6567.06万元", "6567.06", "sum", "a+b+c", "收入总计 = 收入合计 + 使用非财政拨款结余 + 年初结转和结余.", a="6567.06", b="0.00", c="0.00"),
        C("2.收入情况。2023年度收入合计6567.06万元", "6567.06", "sum", "a+b+c+d", a="6567.06", b="0.00", c="0.00", d="0.00"),
        C("其中:财政拨款收入6567.06万元,占100.00%", "100.00", "share", SHARE, a="6567.06", t="6567.06"),
    ]))

# 13 ------------------------------------------------------------------------
FILES.append(dict(
    file="13-sichuan-dyrmt-xianzhengxie.txt", province="四川", kind="预算", unit="万元",
    level="部门 (县政协 of the county served by dyrmt.com, 大邑 by the site name), 2023 部门预算",
    notes="The four 类 add to 800.29 against the stated 800.28: a one-cent rounding difference.",
    checks=[
        C("县政协2023年支出预算800.28万元", "800.28", "sum", "a+b", a="654.08", b="146.2"),
        C("基本支出654.08万元,占81.73%", "81.73", "share", SHARE, a="654.08", t="800.28"),
        C("项目支出146.2万元,占18.27%", "18.27", "share", SHARE, a="146.2", t="800.28"),
        C("县政协2023年收支总预算800.28万元,较2022年收支预算总数增加251.63万元", "800.28", "sum", "a+b", "收入包括: 本年拨款 800.28 + 上年结转 0.", a="800.28", b="0"),
        C("县政协2023年收支总预算800.28万元,较2022年收支预算总数增加251.63万元", "800.28", "sum", "a+b+c+d", "支出包括 the four 类.", a="656.32", b="69.32", c="23.25", d="51.40"),
        C("一般公共服务支出656.32万元,占82.01%", "82.01", "share", SHARE, a="656.32", t="800.28"),
        C("社会保障和就业支出69.32万元,占8.66%", "8.66", "share", SHARE, a="69.32", t="800.28"),
        C("卫生健康支出23.25万元,占2.91%", "2.91", "share", SHARE, a="23.25", t="800.28"),
        C("住房保障支出51.4万元,占6.42%", "6.42", "share", SHARE, a="51.4", t="800.28"),
    ]))

# 14 ------------------------------------------------------------------------
FILES.append(dict(
    file="14-sichuan-dyrmt-danwei-159286.txt", province="四川", kind="决算", unit="万元",
    level="单位 (unnamed unit on dyrmt.com, 大邑), 2023 单位决算: 基本支出 and 三公 sections",
    notes="A badly edited template: 基本支出 911.7 against 人员经费 489.18 + 公用经费 46.89 = 536.07; 三公 +2.4 on 3.46 called 增长0.24%; the two item shares (0.02%, 0.95%) cannot be shares of one total. The 三公 total is labelled 2022 and the items 2023, so the total is not summed against the items.",
    checks=[
        C("2023年一般公共预算财政拨款基本支出911.7万元,其中:", "911.7", "sum", "a+b",
          "其中 lists 人员经费 and 公用经费, the two parts of 基本支出 by definition.", a="489.18", b="46.89"),
        C("2022年“三公”经费财政拨款支出决算为3.46万元,完成预算100%,较上年增加2.4万元,增长0.24%", "0.24", "pct_change", UP,
          "Prior = 3.46 - 2.4 = 1.06; the growth is 226%. Even on the current base 2.4/3.46 = 69.4%.", c="3.46", d="2.4"),
        C("公务用车购置及运行维护费支出决算1.4万元,占0.02%;公务接待费支出决算0.28万元,占0.95%", "0.95", "implied", "b*s/a",
          "Both are shares of the same 2023 三公 total. 1.4 at 0.02% implies a total of about 7000万元 (5600..9333), under which 0.28 is 0.004%; 0.28 at 0.95% implies about 29.5万元. No total fits both.", a="1.4", s="0.02", b="0.28"),
        C("因公出国(境)费支出决算0万元,占0%", "0", "share", SHARE, "Any positive total; 1.68 (the two other items) used.", a="0", t="1.68"),
    ]))

# 15 ------------------------------------------------------------------------
FILES.append(dict(
    file="15-sichuan-mianyang-youxian-zhengfuban-sangong.txt", province="四川", kind="三公", unit="万元",
    level="部门 (绵阳市游仙区人民政府办公室), 2022 三公预算 vs 2021 预算",
    notes="Everything agrees (2021 budget 15 = 0 + 1 + 14).",
    checks=[
        C("2022游仙区政府办“三公”经费财政拨款预算数9万元", "9", "sum", "a+b+c", a="0", b="1", c="8"),
        C("较2021年预算下降40%,减少6万元", "40", "pct_change", DOWN, "Base named: 2021年预算.", c="9", d="6"),
        C("2022年预算安排8万元,较2021年预算下降42.86%。单位现有公务用车2辆", "42.86", "pct_change", DOWN,
          "Decrease 6 is stated for 运行维护费; 购置费 is 0 and 持平, so the 用车 line fell by the same 6.", c="8", d="6"),
        C("公务用车运行维护费预算安排8万元,较2021年预算下降42.86%。减少6万元。", "42.86", "pct_change", DOWN, c="8", d="6"),
        C("较2021年预算下降40%,减少6万元", "6", "sum", "a+b+c", "Item changes: 出国 0 (持平), 接待 0 (持平), 用车 6.", a="0", b="0", c="6"),
        C("单位现有公务用车2辆,其中:轿车1辆,商务车1辆", "2", "sum", "a+b", stated_exact=True, pct=False, a="=1", b="=1"),
    ]))

# 16 ------------------------------------------------------------------------
FILES.append(dict(
    file="16-shandong-keji-zhiye-xueyuan-caigou.txt", province="山东", kind="决算", unit="万元 (six decimals)",
    level="单位 (山东科技职业学院), 2021 决算 政府采购 说明 (traditional-character mirror)",
    notes="Everything agrees.",
    checks=[
        C("2021年度政府采購支出總額28861.938591萬元", "28861.938591", "sum", "a+b+c", a="4895.574316", b="23143.890913", c="822.473362"),
        C("授予中小企業(yè)合同金額5915.867653萬元,占政府采購支出總額的20.5%", "20.5", "share", SHARE, a="5915.867653", t="28861.938591"),
        C("授予小微企業(yè)合同金額1931.863140萬元,,占政府采購支出總額的6.7%", "6.7", "share", SHARE, a="1931.863140", t="28861.938591"),
        C("其中:授予小微企業(yè)合同金額1931.863140萬元", "", "claim", "a<=b", "小微 is a part (其中) of 中小企业.", a="1931.863140", b="5915.867653"),
    ]))

# 17 ------------------------------------------------------------------------
FILES.append(dict(
    file="17-zhejiang-yuyao-jiguanshiwu.txt", province="浙江", kind="预算", unit="万元",
    level="部门 (余姚市机关事务管理局, incl. 外事办, 决策咨询委员会, 接待办), 2021 部门预算",
    notes="Everything agrees.",
    checks=[
        C("2021年收支总预算6927.14万元,收入包括:一般公共预算拨款收入5927.14万元、政府性基金预算拨款收入1000万元", "6927.14", "sum", "a+b", a="5927.14", b="1000"),
        C("2021年收支总预算6927.14万元", "6927.14", "sum", "a+b+c+d", "支出包括 the four 类.", a="5746.19", b="160.97", c="19.98", d="1000"),
        C("2.按支出用途分类,包括人员支出1375.97万元,日常公用支出228.67万元,项目支出5322.5万元", "6927.14", "sum", "a+b+c",
          "By use, against 收支总预算 6927.14.", a="1375.97", b="228.67", c="5322.5"),
        C("本部门2021年财政拨款收支预算6927.14万元。收入包括:本年一般公共预算拨款收入5927.14万元,本年政府性基金预算拨款收入1000万元", "6927.14", "sum", "a+b", a="5927.14", b="1000"),
        C("本部门2021年财政拨款收支预算6927.14万元", "6927.14", "sum", "a+b+c+d", a="5746.19", b="160.97", c="19.98", d="1000"),
        C("本部门2021年一般公共预算当年拨款5927.14", "5927.14", "implied", "t-f",
          "Total less 政府性基金 (1000, spent as 城乡社区支出 1000).", pct=False, t="6927.14", f="1000"),
    ]))

# 18 ------------------------------------------------------------------------
FILES.append(dict(
    file="18-yunnan-xundian-zhengxie-sangong.txt", province="云南", kind="三公", unit="元",
    level="部门 (政协寻甸回族彝族自治县委员会), 2022 三公决算 vs 年初预算 and 2021 决算",
    notes="Everything agrees, including the budgets implied by the item completion rates (34000/100% + 31000/15.5% = 234000).",
    checks=[
        C("年初预算为234000.00元,支出决算为65000.00元,完成年初预算的27.8%", "27.8", "share", SHARE, a="65000.00", t="234000.00"),
        C("支出年初预算为234000.00元,支出决算为65000.00元", "65000.00", "sum", "a+b+c+d", a="0.00", b="0.00", c="34000.00", d="31000.00"),
        C("2022年度一般公共预算财政拨款“三公”经费支出决算数比上年减少313272.50元", "313272.50", "sum", "a+b+c+d", "Item decreases: 出国 0, 购置 272780, 运行维护 40217.50, 接待 275.", a="0.00", b="272780.00", c="40217.50", d="275.00"),
        C("比上年减少313272.50元,下降82.82%", "82.82", "pct_change", DOWN, c="65000.00", d="313272.50"),
        C("公务用车购置费支出决算减少272780.00元,下降100.00%", "100.00", "pct_change", DOWN, c="0.00", d="272780.00"),
        C("公务用车运行维护费支出决算减少40217.50元,下降54.19%", "54.19", "pct_change", DOWN, c="34000.00", d="40217.50"),
        C("公务接待费支出决算减少275.00元,下降0.88%", "0.88", "pct_change", DOWN, c="31000.00", d="275.00"),
        C("公务用车购置及运行维护费支出34000.00元,占52.3%", "52.3", "share", SHARE, a="34000.00", t="65000.00"),
        C("公务接待费支出31000.00元,占47.7%", "47.7", "share", SHARE, a="31000.00", t="65000.00"),
        C("公务用车运行维护费支出决算为34000.00元,完成年初预算的100%;公务接待费支出决算为31000.00元,完成年初预算的15.5%", "", "implied", "t-a/(ra/100)-b/(rb/100)>=0",
          "Item budgets back-computed from the completion rates (34000/100% = 34000, 31000/15.5% = 200000) must fit in the 234000 total (the remainder, 出国 + 购置 budgets, is 0 at the point values).", t="234000.00", a="34000.00", ra="100", b="31000.00", rb="15.5"),
        C("支出决算数小于年初预算数的主要原因是单位实行厉行节约", "", "claim", "a<b", a="65000.00", b="234000.00"),
    ]))

# 19 ------------------------------------------------------------------------
FILES.append(dict(
    file="19-yunnan-xundian-nongyenongcun-sangong.txt", province="云南", kind="三公", unit="元",
    level="部门 (寻甸县农业农村局), 2022 三公决算 vs 预算 and 2021 决算",
    notes="Everything agrees (决算 268% of 预算).",
    checks=[
        C("支出预算为145,500.00元,支出决算为390,118.10元,完成年初预算的268%", "268", "share", SHARE, a="390,118.10", t="145,500.00"),
        C("支出决算为390,118.10元", "390,118.10", "sum", "a+b+c", a="0", b="273,702.10", c="116,416.00"),
        C("公务用车购置及运行费支出决算为273,702.10元,占总支出决算的70.16%", "70.16", "share", SHARE, a="273,702.10", t="390,118.10"),
        C("公务接待费支出决算为116,416.00元,占总支出决算的29.84%", "29.84", "share", SHARE, a="116,416.00", t="390,118.10"),
        C("比2021年增加231,448.10元,增长145.87%", "145.87", "pct_change", UP, c="390,118.10", d="231,448.10"),
        C("比2021年增加231,448.10元", "231,448.10", "sum", "a+b+c", "Item increases: 出国 0, 用车 174732.10, 接待 56716.00.", a="0", b="174,732.10", c="56,716.00"),
        C("公务用车购置及运行费支出决算174,732.10元,增长176.55%", "176.55", "pct_change", UP, "174732.10 read as the increase (增长 clause).", c="273,702.10", d="174,732.10"),
        C("公务接待费支出决算增加56,716.00元,增长95.00%", "95.00", "pct_change", UP, c="116,416.00", d="56,716.00"),
        C("支出决算数大于预算数的主要原因是2022年因新冠疫情缓解", "", "claim", "a>b", a="390,118.10", b="145,500.00"),
        C("2. 公务用车购置及运行维护费支出273,702.10元。其中:公务用车购置支出0元", "273,702.10", "sum", "a+b", a="0", b="273,702.10"),
    ]))

# 20 ------------------------------------------------------------------------
FILES.append(dict(
    file="20-yunnan-xundian-zhengfawei-sangong.txt", province="云南", kind="三公", unit="元",
    level="部门 (中共寻甸县委政法委员会), 2022 三公决算 vs 年初预算 and 2021 决算",
    notes="Everything agrees (the page is cut inside the 接待 decline rate).",
    checks=[
        C("财政拨款“三公”经费支出年初预算为6,283.70元,支出决算为6,283.70元,完成年初预算的100%", "100", "share", SHARE, a="6,283.70", t="6,283.70"),
        C("财政拨款“三公”经费支出年初预算为6,283.70元,支出决算为6,283.70元", "6,283.70", "sum", "a+b+c+d", a="0", b="0", c="1,388.70", d="4,895.00"),
        C("公务用车运行维护费支出决算1,388.70元,占总支出决算的22.10%", "22.10", "share", SHARE, a="1,388.70", t="6,283.70"),
        C("公务接待费支出决算4,895.00元,占总支出决算的77.90%", "77.90", "share", SHARE, a="4,895.00", t="6,283.70"),
        C("具体是国内接待费支出决算4,895.00元(其中:外事接待费支出决算0元),国(境)外接待费支出决算0元", "4,895.00", "sum", "a+b", a="4,895.00", b="0"),
        C("支出决算数等于预算数的主要原因是单位认真贯彻中央八项规定", "0", "claim", "a-b", a="6,283.70", b="6,283.70"),
        C("支出决算数比上年减少54,424.16元,下降89.65%", "89.65", "pct_change", DOWN, c="6,283.70", d="54,424.16"),
        C("支出决算数比上年减少54,424.16元,下降89.65%。其中:", "54,424.16", "sum", "a+b+c+d", "Item decreases: 出国 0, 购置 0, 运行维护 41799.16, 接待 12625.00.", pct=False, a="0", b="0", c="41,799.16", d="12,625.00"),
        C("公务用车运行维护费支出决算减少41,799.16元,下降96.78%", "96.78", "pct_change", DOWN, c="1,388.70", d="41,799.16"),
    ]))


# ---------------------------------------------------------------- run
def main():
    out = {"files": []}
    tally = []
    for f in FILES:
        text = open(os.path.join(HERE, f["file"]), encoding="utf-8").read()
        assert text.startswith("# source: "), f["file"]
        body = text.split("\n", 1)[1].replace("\n", "")
        checks = []
        for c in f["checks"]:
            assert c["sentence"] in body, (f["file"], c["sentence"])
            exp, verdict = run(c)
            checks.append(dict(sentence=c["sentence"], stated=(c["stated"] + ("%" if c["pct"] and c["stated"] else "")) or "(claim)",
                               expected=exp, verdict=verdict, why=c["why"], type=c["type"]))
            print("%-48s %-13s %s" % (f["file"][:48], verdict, exp))
        out["files"].append(dict(file=f["file"], province=f["province"], kind=f["kind"], unit=f["unit"],
                                 level=f["level"], notes=f.get("notes", ""), checks=checks))
        tally.append((f, checks))
    with open(os.path.join(HERE, "key.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    write_md(tally)


def write_md(tally):
    n = sum(len(c) for _, c in tally)
    cnt = {v: sum(1 for _, cs in tally for c in cs if c["verdict"] == v) for v in ("OK", "ROUNDING", "CONTRADICTION")}
    L = ["# Arithmetic key — narr3 (20 passages)", "",
         "Computed by `verify.py` (Python standard library, `decimal.Decimal`, ROUND_HALF_UP). "
         "A figure with k decimals stands for ±0.5·10⁻ᵏ; written zeros and counts are exact. "
         "CONTRADICTION only where no rounding of the stated inputs gives the stated figure.", "",
         "Totals: %d passages, %d checks — OK %d, ROUNDING %d, CONTRADICTION %d." % (len(tally), n, cnt["OK"], cnt["ROUNDING"], cnt["CONTRADICTION"]), "",
         "| file | province | kind | #checks | #contradictions | #rounding |", "|---|---|---|---|---|---|"]
    for f, cs in tally:
        L.append("| %s | %s | %s | %d | %d | %d |" % (f["file"], f["province"], f["kind"], len(cs),
                                                    sum(c["verdict"] == "CONTRADICTION" for c in cs),
                                                    sum(c["verdict"] == "ROUNDING" for c in cs)))
    L += ["", "## Contradictions", ""]
    for f, cs in tally:
        for c in cs:
            if c["verdict"] == "CONTRADICTION":
                L += ["### %s" % f["file"], "", "- sentence: `%s`" % c["sentence"], "- stated: %s" % c["stated"],
                      "- expected: %s" % c["expected"], "- why: %s" % c["why"], ""]
    L += ["## Rounding cases", ""]
    for f, cs in tally:
        for c in cs:
            if c["verdict"] == "ROUNDING":
                L += ["- %s — `%s` — stated %s; %s %s" % (f["file"], c["sentence"], c["stated"], c["expected"], c["why"])]
    L += ["", "## Notes per passage", ""]
    for f, _ in tally:
        L += ["- **%s** (%s, %s): %s" % (f["file"], f["unit"], f["level"], f.get("notes", ""))]
    with open(os.path.join(HERE, "KEY.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
