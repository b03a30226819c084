#!/usr/bin/env python3
"""Independent arithmetic key for the passages in this folder.

Standard library only.  Every check is recomputed with decimal.Decimal.

Rules (the team's):
  * a figure written with k decimals stands for v +/- 0.5*10^-k
    ("12.5" -> [12.45, 12.55], "33" -> [32.5, 33.5]); a written zero is exact;
    head counts are exact (inputs marked with a leading "=").
  * the recomputed point value is rounded ROUND_HALF_UP to the number of
    decimals the stated figure shows.
  * OK            : rounded value == stated figure
    ROUNDING      : not equal, but the interval of the recomputed value (every
                    corner of the stated inputs' intervals) meets the stated
                    figure's interval
    CONTRADICTION : no rounding of the stated inputs gives the stated figure.
  * pct_change uses the prior base (current - increase, current + decrease)
    unless the sentence names another base.

Running it: checks every sentence is a verbatim substring of its passage
(line breaks removed), prints every check, and writes key.json and KEY.md.
"""
import itertools
import json
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 50
HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- numbers
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


def pretty(expr, inputs):
    out = expr
    for name in sorted(inputs, key=len, reverse=True):
        out = re.sub(r"(?<![A-Za-z_])%s(?![A-Za-z_0-9])" % re.escape(name),
                     inputs[name].lstrip("="), out)
    return out.replace("+-", "-").replace("--", "+")


def evaluate(expr, env):
    return eval(expr, {"__builtins__": {}, "D": Decimal}, env)


def fmt(x, k):
    return str(x.quantize(Decimal(10) ** -(k + 3), rounding=ROUND_HALF_UP))


def run_check(c):
    inputs = c["inputs"]
    parsed = {n: parse(l) for n, l in inputs.items()}
    point_env = {n: p[0] for n, p in parsed.items()}
    corners = []
    names = list(parsed)
    for combo in itertools.product(*[sorted({parsed[n][1], parsed[n][2]}) for n in names]):
        corners.append(evaluate(c["expr"], dict(zip(names, combo))))
    point = evaluate(c["expr"], point_env)
    shown = pretty(c.get("show") or c["expr"], inputs)

    if c["type"] == "claim" and isinstance(point, bool):
        if point:
            verdict = "OK"
        elif any(corners):
            verdict = "ROUNDING"
        else:
            verdict = "CONTRADICTION"
        expected = "%s -> %s" % (shown, "true" if point else "false")
        return expected, verdict

    sv, slo, shi, k = parse(("=" if c.get("stated_exact") else "") + c["stated"])
    rounded = point.quantize(Decimal(10) ** -k, rounding=ROUND_HALF_UP)
    lo, hi = min(corners), max(corners)
    pct = "%" if c.get("pct") else ""
    if rounded == sv:
        verdict = "OK"
    elif lo <= shi and hi >= slo:
        verdict = "ROUNDING"
    else:
        verdict = "CONTRADICTION"
    expected = "%s = %s%s -> %s%s" % (shown, fmt(point, k), pct, rounded, pct)
    if verdict != "OK":
        expected += " (range %s..%s%s; stated %s%s means %s..%s)" % (
            fmt(lo, k), fmt(hi, k), pct, c["stated"], pct, slo, shi)
    return expected, verdict


def C(sentence, stated, typ, expr, why="", pct=None, show=None, stated_exact=False, **inputs):
    if pct is None:
        pct = typ in ("pct_change", "share", "implied")
    return dict(sentence=sentence, stated=stated, type=typ, expr=expr, why=why,
                pct=pct, show=show, stated_exact=stated_exact, inputs=inputs)


def growth(cur, inc):       # increase: prior = cur - inc
    return "%s/(%s-%s)*100" % (inc, cur, inc)


def decline(cur, dec):      # decrease: prior = cur + dec
    return "%s/(%s+%s)*100" % (dec, cur, dec)


A0 = "Assumption: the listed items are the whole of the total."

# ---------------------------------------------------------------- passages
FILES = []

# 01 ------------------------------------------------------------------------
FILES.append(dict(
    file="01-fujian-quanzhou-taishangqu.txt", province="福建", kind="决算", unit="万元",
    level="区级汇总 (泉州台商投资区), 2022 一般公共预算支出决算 vs 2021 决算, 分款级科目 (traditional-character mirror)",
    notes="Items 7 (海关事务) and 10 (知识产权事务) say 增长100% from a prior of 0 (current = increase); the rate on a zero base is undefined, so they are left out. Item 11 says 与2022年决算数持平 with no prior figure: left out. The 201 sub-items are cut off at item 19, so no sum against 23653.",
    checks=[
        C("一般公共預算支出數為242259萬元,比2021年度決算數增加63678萬元,增長35.66%", "35.66", "pct_change", growth("c", "d"), c="242259", d="63678"),
        C("一般公共服務支出23653萬元,較2021年決算數增加2954萬元,增長14.27%", "14.27", "pct_change", growth("c", "d"), c="23653", d="2954"),
        C("相關機構事務9185萬元,較2021年決算數增加2686萬元,增長41.33%", "41.33", "pct_change", growth("c", "d"), c="9185", d="2686"),
        C("發展與改革事務1182萬元,較2021年決算數增加138萬元,增長13.22%", "13.22", "pct_change", growth("c", "d"), c="1182", d="138"),
        C("統計信息事務50萬元,較2021年決算數減少87萬元,下降63.5%", "63.5", "pct_change", decline("c", "d"), c="50", d="87"),
        C("財政事務1384萬元,較2021年決算數減少135萬元,下降8.89%", "8.89", "pct_change", decline("c", "d"), c="1384", d="135"),
        C("稅收事務840萬元,較2021年決算數增加23萬元,增長2.82%", "2.82", "pct_change", growth("c", "d"), c="840", d="23"),
        C("審計事務253萬元,較2021年決算數增加108萬元,增長74.48%", "74.48", "pct_change", growth("c", "d"), c="253", d="108"),
        C("紀檢監察事務259萬元,較2021年決算數減少246萬元,下降48.71%", "48.71", "pct_change", decline("c", "d"), c="259", d="246"),
        C("商貿事務1197萬元,較2021年決算數增加411萬元,增長52.29%", "52.29", "pct_change", growth("c", "d"), c="1197", d="411"),
        C("港澳臺事務14萬元,較2021年決算數增加3萬元,增長27.27%", "27.27", "pct_change", growth("c", "d"), c="14", d="3"),
        C("檔案事務114萬元,較2021年決算數減少224萬元,下降66.27%", "66.27", "pct_change", decline("c", "d"), c="114", d="224"),
        C("群眾團體事務1657萬元,較2021年決算數減少46萬元,下降2.7%", "2.7", "pct_change", decline("c", "d"), c="1657", d="46"),
        C("組織事務1231萬元,較2021年決算數減少577萬元,下降31.91%", "31.91", "pct_change", decline("c", "d"), c="1231", d="577"),
        C("宣傳事務593萬元,較2021年決算數增加430萬元,增長263.8%", "263.8", "pct_change", growth("c", "d"), c="593", d="430"),
        C("統戰事務20萬元,較2021年決算數減少14萬元,下降41.18%", "41.18", "pct_change", decline("c", "d"), c="20", d="14"),
        C("其他共產黨事務支出(款)1278萬元,較2021年決算數增加398萬元,增長45.23%", "45.23", "pct_change", growth("c", "d"), c="1278", d="398"),
    ]))

# 02 ------------------------------------------------------------------------
CUR_BASE = ("The stated rate is reached only on the 2016 (current-year) figure as base: %s. "
            "The rule uses the prior base (current + decrease); reading assumption: the rate describes the 2016-vs-2015 decrease in the same clause.")
FILES.append(dict(
    file="02-fujian-shengji-sangong.txt", province="福建", kind="三公", unit="亿元 (出国 decrease in 万元)",
    level="省本级汇总, 2016 三公决算 vs 2015 (news report of the 财政厅 release)",
    notes="All amounts agree with each other (items add to the totals, item decreases add to the total decrease). Four of the five decline rates are the decrease divided by the 2016 figure instead of the 2015 figure; 公务用车购置费 is said to fall 133.1%, more than its whole prior value.",
    checks=[
        C("2016年省级“三公”经费支出2.29亿元", "2.29", "sum", "a+b+c", A0 + " 出国, 公务用车购置及运行, 公务接待 are the three 三公 categories.", a="0.61", b="1.41", c="0.27"),
        C("公务用车购置及运行费1.41亿元,包括公务用车购置费0.14亿元和公务用车运行费1.27亿元", "1.41", "sum", "a+b", a="0.14", b="1.27"),
        C("比上年减少支出0.88亿元", "0.88", "sum", "a/10000+b+c+d", "Item decreases (出国 48.45万元 = 0.004845亿元, 购置 0.18, 运行 0.56, 接待 0.14) against the total decrease; the items are the whole 三公 (check above).", a="48.45", b="0.18", c="0.56", d="0.14"),
        C("比上年减少支出0.88亿元,降幅达到38.7%", "38.7", "pct_change", decline("c", "d"), CUR_BASE % "0.88/2.29 = 38.43% (range 38.13..38.73)", c="2.29", d="0.88"),
        C("比2015年减少48.45万元,下降0.8%", "0.8", "pct_change", "d/(c*10000+d)*100", "0.61亿元 = 6100万元; prior = 6100 + 48.45.", c="0.61", d="48.45"),
        C("分别减少0.18亿元和0.56亿元,下降133.1%和43.7%", "133.1", "pct_change", decline("c", "d"), "公务用车购置费: prior 0.14 + 0.18 = 0.32; a decrease cannot exceed 100% of the prior. " + CUR_BASE % "0.18/0.14 = 128.6% (range 120.7..137.0)", c="0.14", d="0.18"),
        C("分别减少0.18亿元和0.56亿元,下降133.1%和43.7%", "43.7", "pct_change", decline("c", "d"), "公务用车运行费: prior 1.27 + 0.56 = 1.83. " + CUR_BASE % "0.56/1.27 = 44.09% (range 43.53..44.66)", c="1.27", d="0.56"),
        C("公务接待费0.27亿元,比2015年减少0.14亿元,下降51.7%", "51.7", "pct_change", decline("c", "d"), "prior 0.27 + 0.14 = 0.41. " + CUR_BASE % "0.14/0.27 = 51.85% (range 49.09..54.72)", c="0.27", d="0.14"),
    ]))

# 03 ------------------------------------------------------------------------
FILES.append(dict(
    file="03-guizhou-huangping-xian.txt", province="贵州", kind="预算", unit="万元",
    level="县级 (黄平县), 2022 预算执行情况 (县人大报告)",
    notes="The 调整预算 figures are not stated; the two 'implied' checks back-compute each part's 调整预算 from its completion rate and test the stated overall rate. The 同口径 sentence is cut after 增收4,376万.",
    checks=[
        C("地方一般公共预算收入完成28,583万元(自然口径)", "28,583", "sum", "a+b", "By collecting department: 税务部门 + 财政部门. " + A0, a="13,866", b="14,717"),
        C("地方一般公共预算收入完成28,583万元(自然口径)", "28,583", "sum", "a+b", "By category: 税收收入 + 非税收入 (the whole, by definition).", a="11,136", b="17,447"),
        C("同比增长10.85%,增收2,798万元", "10.85", "pct_change", growth("c", "d"), c="28,583", d="2,798"),
        C("税务部门完成13,866万元,占调整预算100.93%,占一般公共预算收入的48.51%", "48.51", "share", "a/t*100", a="13,866", t="28,583"),
        C("财政部门完成14,717万元,占调整预算110.14%,占一般公共预算收入的51.49%", "51.49", "share", "a/t*100", a="14,717", t="28,583"),
        C("税收收入完成11,136万元,占调整预算90.75%,占一般公共预算收入的38.96%", "38.96", "share", "a/t*100", a="11,136", t="28,583"),
        C("非税收入完成17,447万元,占调整预算117.66%,占一般公共预算收入的61.04%", "61.04", "share", "a/t*100", a="17,447", t="28,583"),
        C("地方一般公共预算收入完成28,583万元(自然口径),占调整预算105.47%", "105.47", "implied", "t/(a/(ra/100)+b/(rb/100))*100", "调整预算 back-computed from the departments' rates (100.93%, 110.14%).", t="28,583", a="13,866", ra="100.93", b="14,717", rb="110.14"),
        C("地方一般公共预算收入完成28,583万元(自然口径),占调整预算105.47%", "105.47", "implied", "t/(a/(ra/100)+b/(rb/100))*100", "调整预算 back-computed from the categories' rates (90.75%, 117.66%).", t="28,583", a="11,136", ra="90.75", b="17,447", rb="117.66"),
        C("地方一般公共预算收入(同口径)完成30,161万元,同比增长14.6%,增收4,376万", "14.6", "pct_change", growth("c", "d"),
          "Prior = 30161 - 4376 = 25785, the same prior as the 自然口径 figures (28583 - 2798 = 25785), so the growth on it is 16.97%; on the current base 4376/30161 = 14.51% does not give 14.6 either. Reading assumption: 增长 and 增收 in the same clause refer to the same prior-year figure (a restated 同口径 prior, not given in the passage, would be needed to reach 14.6%).",
          c="30,161", d="4,376"),
    ]))

# 04 ------------------------------------------------------------------------
FILES.append(dict(
    file="04-neimenggu-alashan-meng.txt", province="内蒙古", kind="决算", unit="万元",
    level="盟级汇总 (阿拉善盟), 2020 年度财政收支 初步统计 (news, traditional-character mirror with pinyin glosses)",
    notes="Full-year execution figures (初步统计), labelled 决算 for lack of a closer kind. 盟本级 + 旗级 make up 全盟. The five 分项目 spending items have rates but no increase amounts: not checkable.",
    checks=[
        C("全盟一般公共預算收入累計完成310682萬元", "310682", "sum", "a+b", "盟本级 + 旗级 make up 全盟.", a="33648", b="277034"),
        C("全盟一般公共預算收入累計完成310682萬元,同比增加23188萬元", "23188", "sum", "a+b", "盟本级 + 旗级 increases against the 全盟 increase.", a="15412", b="7776"),
        C("同比增加23188萬元,增長8.1%", "8.1", "pct_change", growth("c", "d"), c="310682", d="23188"),
        C("盟本級一般公共預算收入累計完成33648萬元,同比增加15412萬元,增長84.5%", "84.5", "pct_change", growth("c", "d"), c="33648", d="15412"),
        C("旗級一般公共預算收入累計完成277034萬元,同比增加7776萬元,增長2.9%", "2.9", "pct_change", growth("c", "d"), c="277034", d="7776"),
        C("從收入結構看,全盟一般公共預算收入中,稅收收入累計完成213251萬元", "310682", "sum", "a+b", "税收收入 + 非税收入 make up the whole.", a="213251", b="97431"),
        C("稅收收入累計完成213251萬元,占一般公共預算收入的68.6%", "68.6", "share", "a/t*100", a="213251", t="310682"),
        C("非稅收入累計完成97431萬元,占一般公共預算收入的31.4%", "31.4", "share", "a/t*100", a="97431", t="310682"),
        C("一般公共預算支出累計完成1107315萬元", "1107315", "sum", "a+b", "盟本级 + 旗级 make up 全盟.", a="287998", b="819317"),
        C("一般公共預算支出累計完成1107315萬元,同比減少13724萬元", "13724", "sum", "a-b", "盟本级 decrease 99832 less 旗级 increase 86108.", a="99832", b="86108"),
        C("一般公共預算支出累計完成1107315萬元,同比減少13724萬元,下降1.2%", "1.2", "pct_change", decline("c", "d"), c="1107315", d="13724"),
        C("盟本級一般公共預算支出累計完成287998萬元,同比減少99832萬元,下降25.7%", "25.7", "pct_change", decline("c", "d"), c="287998", d="99832"),
        C("旗級一般公共預算支出累計完成819317萬元,同比增加86108萬元,增長11.7%", "11.7", "pct_change", growth("c", "d"), c="819317", d="86108"),
        C("民生支出797546萬元,占一般公共預算支出的72.0%", "72.0", "share", "a/t*100", a="797546", t="1107315"),
    ]))

# 05 ------------------------------------------------------------------------
FILES.append(dict(
    file="05-neimenggu-dalate-qi.txt", province="内蒙古", kind="预算", unit="万元",
    level="旗级 (达拉特旗), 2022 财政收支预算调整报告 (调整预算 vs 人代会预算)",
    notes="旗本级 35900 下降8% and 开发区 9100 下降2.8% have no stated base: not checkable. The 财力 list 1)..8) is cut off before its total.",
    checks=[
        C("全旗一般公共预算收入安排290000万元(其中:旗本级257800万元,达拉特开发区32200万元)", "290000", "sum", "a+b", a="257800", b="32200"),
        C("比人代会预算数增加60000万元(其中:旗本级58800万元,开发区1200万元)", "60000", "sum", "a+b", a="58800", b="1200"),
        C("比人代会预算数增加60000万元(其中:旗本级58800万元,开发区1200万元),增长26.1%", "26.1", "pct_change", growth("c", "d"), "Base named: 人代会预算数 = 290000 - 60000.", c="290000", d="60000"),
        C("全旗政府性基金收入预算安排45000万元(其中:旗本级35900万元", "45000", "sum", "a+b", a="35900", b="9100"),
        C("比人代会预算安排数减少25000万元,(其中:旗本级减少29100万元,开发区增加4100万元)", "25000", "sum", "a-b", "旗本级 decrease less 开发区 increase.", a="29100", b="4100"),
        C("开发区增加4100万元),下降35.7%", "35.7", "pct_change", decline("c", "d"), "Base named: 人代会预算安排数 = 45000 + 25000.", c="45000", d="25000"),
        C("2022年全旗地方财政收入调整预算安排共计335000万元(其中:一般公共预算收入290000万元,政府性基金收入45000万元)", "335000", "sum", "a+b", a="290000", b="45000"),
        C("比人代会预算数增加35000万元,增长11.7%", "35000", "sum", "a-b", "一般公共预算 +60000 and 政府性基金 -25000 against the combined change.", a="60000", b="25000"),
        C("比人代会预算数增加35000万元,增长11.7%", "11.7", "pct_change", growth("c", "d"), c="335000", d="35000"),
        C("比2021年实际完成数减少37632万元,下降10.1%", "10.1", "pct_change", decline("c", "d"), c="335000", d="37632"),
    ]))

# 06 ------------------------------------------------------------------------
FILES.append(dict(
    file="06-neimenggu-ordos-sangong.txt", province="内蒙古 (inferred from the host name ordos...; the passage names no place)", kind="三公", unit="万元",
    level="单位 (unnamed), 2022 三公预算 vs 2021 三公决算",
    notes="公务接待 2021 12.39 - 2022 11.8 = 0.59, written 0.58; reachable only through the one-decimal 11.8.",
    checks=[
        C("2022年度“三公”经费预算总计21.8万元", "21.8", "sum", "a+b+c", a="0", b="11.8", c="10"),
        C("2021年度“三公”经费合计支出20.12万元", "20.12", "sum", "a+b+c", a="0", b="12.39", c="7.73"),
        C("2022年度“三公”经费预算较2021年度增加1.68万元", "1.68", "change", "a-b", a="21.8", b="20.12"),
        C("其中公务接待较上年同期减少0.58万元", "0.58", "change", "a-b", "12.39 - 11.8 = 0.59; 11.8 carries +/-0.05, so 0.58 is reachable.", a="12.39", b="11.8"),
        C("公务接待较上年同期减少0.58万元,减少4.68%", "4.68", "pct_change", decline("c", "d"), "prior = 11.8 + 0.58 = 12.38 (the stated 2021 figure 12.39 gives 4.68% as well).", c="11.8", d="0.58"),
        C("公务用车运行费用较上年同期增加2.27万元", "2.27", "change", "a-b", a="10", b="7.73"),
        C("公务用车运行费用较上年同期增加2.27万元,增长29.37%", "29.37", "pct_change", growth("c", "d"), c="10", d="2.27"),
        C("2022年度“三公”经费预算较2021年度增加1.68万元,其中公务接待较上年同期减少0.58万元", "1.68", "sum", "b-a", "Item changes (出国 0 both years, 接待 -0.58, 用车 +2.27) against the total change; 2.27 - 0.58 = 1.69.", a="0.58", b="2.27"),
    ]))

# 07 ------------------------------------------------------------------------
FILES.append(dict(
    file="07-liaoning-xianqu-caizheng.txt", province="辽宁", kind="预算", unit="亿元",
    level="省内100个县区汇总, 2021年1-3月 一般公共预算执行 (中新网 news via a portal)",
    notes="Monthly execution. The headline rate 20.6% misses the stated amounts by a hair (85.8/417.9 = 20.53%, interval max 20.548%). The 59个区 spending rate 29.8% is reachable only through the whole-number 328.",
    checks=[
        C("全省100个县区(含41个县和县级市、59个区,下同)一般公共预算收入完成503.7亿元", "503.7", "sum", "a+b", "41个县 + 59个区 make up the 100 县区.", a="151", b="352.7"),
        C("比上年同期增加85.8亿元,增长20.6%", "85.8", "sum", "a+b", "县 + 区 increases.", a="21", b="64.8"),
        C("比上年同期增加85.8亿元,增长20.6%", "20.6", "pct_change", growth("c", "d"),
          "prior = 503.7 - 85.8 = 417.9; 85.8/417.9 = 20.53%. Highest reachable from the two stated inputs is 85.85/417.80 = 20.548%, just under 20.55. (Using the coarser part figures 21 and 151 instead would reach 20.6.) The headline repeats 20.6%.",
          c="503.7", d="85.8"),
        C("比全省平均水平(17.9%)高2.7个百分点", "2.7", "change", "a-b", pct=True, a="20.6", b="17.9"),
        C("一般公共预算支出完成634.5亿元,同比增加107.8亿元,增长20.5%", "634.5", "sum", "a+b", "县 + 区.", a="306.5", b="328"),
        C("一般公共预算支出完成634.5亿元,同比增加107.8亿元,增长20.5%", "107.8", "sum", "a+b", "县 + 区 increases.", a="32.6", b="75.2"),
        C("一般公共预算支出完成634.5亿元,同比增加107.8亿元,增长20.5%", "20.5", "pct_change", growth("c", "d"), c="634.5", d="107.8"),
        C("一般公共预算收入完成151亿元,同比增加21亿元,增长16.2%", "16.2", "pct_change", growth("c", "d"), c="151", d="21"),
        C("一般公共预算收入完成151亿元,同比增加21亿元,增长16.2%。其中:税收收入完成95.1亿元", "151", "sum", "a+b", "税收 + 非税 make up the whole.", a="95.1", b="55.9"),
        C("税收收入完成95.1亿元,增长19.9%,占一般公共预算收入的63%", "63", "share", "a/t*100", a="95.1", t="151"),
        C("非税收入完成55.9亿元,增长10.4%,占一般公共预算收入的37%", "37", "share", "a/t*100", a="55.9", t="151"),
        C("一般公共预算收入完成151亿元,同比增加21亿元,增长16.2%", "16.2", "implied", "(t/(a/(1+ra/100)+b/(1+rb/100))-1)*100", "Priors back-computed from the 税收 (19.9%) and 非税 (10.4%) rates.", t="151", a="95.1", ra="19.9", b="55.9", rb="10.4"),
        C("一般公共预算支出完成306.5亿元,同比增加32.6亿元,增长11.9%", "11.9", "pct_change", growth("c", "d"), c="306.5", d="32.6"),
        C("支出完成238.4亿元,增长10.1%,占一般公共预算支出的77.8%", "77.8", "share", "a/t*100", a="238.4", t="306.5"),
        C("一般公共预算收入完成352.7亿元,同比增加64.8亿元,增长22.5%", "22.5", "pct_change", growth("c", "d"), c="352.7", d="64.8"),
        C("一般公共预算收入完成352.7亿元,同比增加64.8亿元,增长22.5%", "352.7", "sum", "a+b", "税收 + 非税 make up the whole.", a="299.5", b="53.2"),
        C("税收收入完成299.5亿元,增长15%,占一般公共预算收入的84.9%", "84.9", "share", "a/t*100", a="299.5", t="352.7"),
        C("非税收入完成53.2亿元,增长93.7%,占一般公共预算收入的15.1%", "15.1", "share", "a/t*100", a="53.2", t="352.7"),
        C("一般公共预算收入完成352.7亿元,同比增加64.8亿元,增长22.5%", "22.5", "implied", "(t/(a/(1+ra/100)+b/(1+rb/100))-1)*100", "Priors back-computed from the 税收 (15%) and 非税 (93.7%) rates.", t="352.7", a="299.5", ra="15", b="53.2", rb="93.7"),
        C("一般公共预算支出完成328亿元,同比增加75.2亿元,增长29.8%", "29.8", "pct_change", growth("c", "d"), "75.2/252.8 = 29.747%; reachable only because 328 is a whole number (+/-0.5).", c="328", d="75.2"),
    ]))

# 08 ------------------------------------------------------------------------
IMPL2 = "(1-t/(a/(1+ra/100)+b/(1+rb/100)))*100"
FILES.append(dict(
    file="08-henan-puyang-shi.txt", province="河南", kind="预算", unit="万元",
    level="市级汇总 (濮阳市, 市本级 + 区级 + 县级), 某年3月 一般公共预算收支执行 (table)",
    notes="Table rows: 当月 | 累计 | 为预算的% (blank) | 增幅% for 收入, then 税收比重%, then the same four for 支出. Row membership (区级 = 华龙区+开发区+工业园区+示范区; 县级 = five counties) is read from the sums, which all match. 'implied' checks back-compute priors from the parts' growth rates (or weight the parts' tax shares).",
    checks=[
        C("濮阳市 | 73795 | 234267 |", "73795", "sum", "a+b", "当月收入: 市本级 + 县区级.", a="14070", b="59725"),
        C("濮阳市 | 73795 | 234267 |", "234267", "sum", "a+b", "累计收入: 市本级 + 县区级.", a="54065", b="180202"),
        C("县区级 | 59725 | 180202 |", "59725", "sum", "a+b", "当月: 区级 + 县级.", a="24867", b="34858"),
        C("县区级 | 59725 | 180202 |", "180202", "sum", "a+b", "累计: 区级 + 县级.", a="70978", b="109224"),
        C("区 级 | 24867 | 70978 |", "24867", "sum", "a+b+c+d", "当月: 华龙区 + 开发区 + 工业园区 + 示范区.", a="14729", b="3239", c="1675", d="5224"),
        C("区 级 | 24867 | 70978 |", "70978", "sum", "a+b+c+d", "累计: four 区.", a="36567", b="19420", c="4331", d="10660"),
        C("县 级 | 34858 | 109224 |", "34858", "sum", "a+b+c+d+e", "当月: 濮阳县 + 清丰县 + 南乐县 + 范县 + 台前县.", a="11330", b="5324", c="7933", d="6088", e="4183"),
        C("县 级 | 34858 | 109224 |", "109224", "sum", "a+b+c+d+e", "累计: five counties.", a="39387", b="20424", c="17960", d="20229", e="11224"),
        C("| -10.9 | 70.9 | 380990 | 744234 |", "380990", "sum", "a+b", "当月支出: 市本级 + 县区级.", a="59373", b="321617"),
        C("| -10.9 | 70.9 | 380990 | 744234 |", "744234", "sum", "a+b", "累计支出: 市本级 + 县区级.", a="129558", b="614676"),
        C("| -6.6 | 73.8 | 321617 | 614676 |", "321617", "sum", "a+b", "当月支出: 区级 + 县级.", a="28853", b="292764"),
        C("| -6.6 | 73.8 | 321617 | 614676 |", "614676", "sum", "a+b", "累计支出: 区级 + 县级.", a="100375", b="514301"),
        C("| 1.0 | 85.9 | 28853 | 100375 |", "28853", "sum", "a+b+c+d", "当月支出: four 区.", a="10038", b="13878", c="2491", d="2446"),
        C("| 1.0 | 85.9 | 28853 | 100375 |", "100375", "sum", "a+b+c+d", "累计支出: four 区.", a="32062", b="56469", c="6648", d="5196"),
        C("| -10.9 | 65.9 | 292764 | 514301 |", "292764", "sum", "a+b+c+d+e", "当月支出: five counties.", a="74911", b="32768", c="67293", d="50079", e="67713"),
        C("| -10.9 | 65.9 | 292764 | 514301 |", "514301", "sum", "a+b+c+d+e", "累计支出: five counties.", a="164712", b="51975", c="101285", d="109330", e="86999"),
        C("累计完成234267万元,下降10.9%", "10.9", "implied", IMPL2, "Priors from 市本级 (-22.8%) and 县区级 (-6.6%) 累计 rates.", t="234267", a="54065", ra="-22.8", b="180202", rb="-6.6"),
        C("县区级 | 59725 | 180202 || -6.6 |", "6.6", "implied", IMPL2, "Priors from 区级 (+1.0%) and 县级 (-10.9%).", t="180202", a="70978", ra="1.0", b="109224", rb="-10.9"),
        C("区 级 | 24867 | 70978 || 1.0 |", "1.0", "implied", "(t/(a/(1+ra/100)+b/(1+rb/100)+c/(1+rc/100)+d/(1+rd/100))-1)*100", "Priors from the four 区 rates.",
          t="70978", a="36567", ra="4.9", b="19420", rb="-6.8", c="4331", rc="3.2", d="10660", rd="2.6"),
        C("县 级 | 34858 | 109224 || -10.9 |", "10.9", "implied", "(1-t/(a/(1+ra/100)+b/(1+rb/100)+c/(1+rc/100)+d/(1+rd/100)+e/(1+re/100)))*100", "Priors from the five county rates.",
          t="109224", a="39387", ra="-17.1", b="20424", rb="-11.5", c="17960", rc="-6.2", d="20229", rd="-3.7", e="11224", re="-5.4"),
        C("累计完成744234万元,下降4.1%", "4.1", "implied", IMPL2, "Priors from 市本级 (-27.6%) and 县区级 (+3.0%) 支出 rates.", t="744234", a="129558", ra="-27.6", b="614676", rb="3.0"),
        C("| -6.6 | 73.8 | 321617 | 614676 || 3.0 |", "3.0", "implied", "(t/(a/(1+ra/100)+b/(1+rb/100))-1)*100", "Priors from 区级 (-3.9%) and 县级 (+4.4%) 支出 rates; 2.948% on the point values (rounds to 2.9), reachable through the one-decimal rates.",
          t="614676", a="100375", ra="-3.9", b="514301", rb="4.4"),
        C("| 1.0 | 85.9 | 28853 | 100375 || -3.9 |", "3.9", "implied", "(1-t/(a/(1+ra/100)+b/(1+rb/100)+c/(1+rc/100)+d/(1+rd/100)))*100", "Priors from the four 区 支出 rates.",
          t="100375", a="32062", ra="-22.0", b="56469", rb="22.6", c="6648", rc="20.5", d="5196", rd="-55.7"),
        C("| -10.9 | 65.9 | 292764 | 514301 || 4.4 |", "4.4", "implied", "(t/(a/(1+ra/100)+b/(1+rb/100)+c/(1+rc/100)+d/(1+rd/100)+e/(1+re/100))-1)*100", "Priors from the five county 支出 rates.",
          t="514301", a="164712", ra="-7.9", b="51975", rb="-28.3", c="101285", rc="23.0", d="109330", rd="51.4", e="86999", re="0.4"),
        C("税收比重为70.9%", "70.9", "implied", "(a*ra+b*rb)/t", "累计收入-weighted 税收比重 of 市本级 (61.4%) and 县区级 (73.8%).", t="234267", a="54065", ra="61.4", b="180202", rb="73.8"),
        C("| -6.6 | 73.8 | 321617 | 614676 |", "73.8", "implied", "(a*ra+b*rb)/t", "Weighted 税收比重 of 区级 (85.9%) and 县级 (65.9%).", t="180202", a="70978", ra="85.9", b="109224", rb="65.9"),
    ]))

# 09 ------------------------------------------------------------------------
FILES.append(dict(
    file="09-henan-luoshan-xian.txt", province="河南", kind="预算", unit="万元",
    level="县级 (罗山县), 1-5月 一般公共预算执行",
    notes="年预算 and prior-year figures are not stated; 'implied' checks back-compute them from the two departments' rates.",
    checks=[
        C("地方一般公共预算收入累计完成34096万元", "34096", "sum", "a+b", "税务部门 + 财政部门. " + A0, a="21334", b="12762"),
        C("税收占比为62.57%", "62.57", "share", "a/t*100", "Reading assumption: 税收 = the 税务部门 collection.", a="21334", t="34096"),
        C("累计完成34096万元,为年预算的32.3%", "32.3", "implied", "t/(a/(ra/100)+b/(rb/100))*100", "年预算 back-computed from 28.9% and 40.4%.", t="34096", a="21334", ra="28.9", b="12762", rb="40.4"),
        C("为年预算的32.3%,同比降低10.2%", "10.2", "implied", "(1-t/(a/(1+ra/100)+b/(1+rb/100)))*100", "Priors back-computed from -9.9% and -10.7%.", t="34096", a="21334", ra="-9.9", b="12762", rb="-10.7"),
    ]))

# 10 ------------------------------------------------------------------------
FILES.append(dict(
    file="10-hubei-shayang-xian.txt", province="湖北", kind="预算", unit="万元",
    level="县级 (沙洋县), 2022 预算执行 (县人大报告, 预计数)",
    notes="Mostly a table of contents; only two relations are checkable before the cut.",
    checks=[
        C("县级一般公共预算收入预计完成64000万元", "64000", "sum", "a+b", "税收收入 + 非税收入.", a="34000", b="30000"),
        C("加上转移性收入486923万元,收入总计550923万元", "550923", "sum", "a+b", a="64000", b="486923"),
    ]))

# 11 ------------------------------------------------------------------------
FILES.append(dict(
    file="11-gansu-tianshui-youeryuan.txt", province="甘肃", kind="决算", unit="万元",
    level="单位 (天水市幼儿园), 2017 部门决算 (traditional-character mirror with pinyin glosses)",
    notes="The completion sentence says both 完成年初预算100% and 决算数大于预算数55.93万元. The host kmxxf.com is a mirror; its path jyj/info/1217/105784.htm matches tianshui.gov.cn.",
    checks=[
        C("實際正式教職工62人,其中副高級職稱4人,中級職稱25人,初級職稱23人,管理人員3人,技師3人,高級工3人,中級工1人", "62", "sum", "a+b+c+d+e+f+g", "Head counts (exact). The seven categories add exactly to 62; 退休职工28人 is outside.", stated_exact=True,
          a="=4", b="=25", c="=23", d="=3", e="=3", f="=3", g="=1"),
        C("本單位收入為1687.45萬元", "1687.45", "sum", "a+b+c+d", a="1516.64", b="170.81", c="0", d="0"),
        C("財政撥款收入1516.64萬元,占89.88%", "89.88", "share", "a/t*100", a="1516.64", t="1687.45"),
        C("事業(yè)收入170.81萬元,占10.12%", "10.12", "share", "a/t*100", a="170.81", t="1687.45"),
        C("本單位支出為1942.57萬元", "1942.57", "sum", "a+b+c", a="1121.09", b="821.48", c="0"),
        C("基本支出1121.09萬元,占57.71%", "57.71", "share", "a/t*100", a="1121.09", t="1942.57"),
        C("項目支出821.48萬元,占42.29%", "42.29", "share", "a/t*100", a="821.48", t="1942.57"),
        C("財政撥款收入總計1516.64萬元,與上年相比減少58.49萬元,降低3.71%", "3.71", "pct_change", decline("c", "d"), c="1516.64", d="58.49"),
        C("財政撥款收入總計1516.64萬元", "1516.64", "sum", "a+b", "一般公共预算 + 政府性基金 财政拨款收入.", a="1486.64", b="30"),
        C("一般公共預(yù)算財政撥款支出總計1741.75萬元,與上年相比減少53.7萬元,降低2.99%", "2.99", "pct_change", decline("c", "d"), c="1741.75", d="53.7"),
        C("完成年初預(yù)算100%,決算數(shù)大于預(yù)算數(shù)55.93萬元", "100", "implied", "a/(a-b)*100",
          "budget = 1741.75 - 55.93 = 1685.82, so completion = 103.32%, not 100%. Reading assumption: 年初预算 and 预算数 in the same sentence are the same budget.", a="1741.75", b="55.93"),
    ]))

# 12 ------------------------------------------------------------------------
FILES.append(dict(
    file="12-sichuan-yibin-sangong.txt", province="四川", kind="三公", unit="万元",
    level="市本级汇总 (宜宾市), 2017 三公决算 vs 预算数",
    notes="The items add to the total (3825), but their decreases add to 988, not the stated 1188. The rate 23.70% agrees with 1188, so one of the item decreases is the likelier error.",
    checks=[
        C("“三公”经费支出总额为3825万元", "3825", "sum", "a+b+c", A0 + " 出国 + 接待 + 用车 are the three 三公 categories.", a="99", b="1014", c="2712"),
        C("公务用车购置及运行维护费2712万元(其中:公务用车购置费0万元,公务用车运行维护费2712万元)", "2712", "sum", "a+b", a="0", b="2712"),
        C("比预算数减少1188万元,下降23.70%", "23.70", "pct_change", decline("c", "d"), "Base named: 预算数 = 3825 + 1188.", c="3825", d="1188"),
        C("比预算数减少1188万元", "1188", "sum", "a+b+c", "Item decreases vs 预算数 (出国 31, 接待 850, 用车 107) against the total decrease. The three items are the whole (they add exactly to 3825).", a="31", b="850", c="107"),
        C("2017年未购置公务用车", "未购置公务用车", "claim", "p == 0", show="公务用车购置费 p = 0", p="0"),
    ]))

# 13 ------------------------------------------------------------------------
FILES.append(dict(
    file="13-chongqing-fuling-zhen.txt", province="重庆", kind="决算", unit="万元",
    level="部门/镇级 (涪陵区某镇; path qxz, the passage names no town), 2023 镇级财政决算",
    notes="乡镇本级财政收入 4505 vs 全镇一般公共预算收入 4402: the difference is the 基金调入 103, so not treated as a contradiction. The item growth rates have no prior figures.",
    checks=[
        C("2023年全镇一般财政公共总收入实现11335万元", "11335", "sum", "a+b", "中央、市区级收入 + 乡镇本级财政收入.", a="6830", b="4505"),
        C("2023年实际完成年初预算的127.91%", "127.91", "share", "a/b*100", "Reading assumption: the numerator is 乡镇本级财政收入 4505 (with 全镇一般公共预算收入 4402 the rate would be 124.99%).", a="4505", b="3522"),
        C("加上级转移支付收入1884万元,其中:一般转移支付收入1478万元", "1884", "sum", "a+b", "一般转移支付 + 专项转移支付.", a="1478", b="406"),
        C("一般转移支付收入1478万元(含均衡性转移支付收入166万元", "1478", "sum", "a+b+c+d", a="166", b="968", c="132", d="212"),
        C("收入合计为6449万元", "6449", "sum", "a+b+c+d", a="4402", b="1884", c="60", d="103"),
        C("2023年度本级财政一般公共预算支出合计6449万元", "6449", "sum", "a+b+c+d+e+f+g+h+i+j+k+l", "The twelve —— lines (incl. 专项上解 and 结转下年).",
          a="1650", b="84", c="744", d="135", e="185", f="193", g="1094", h="226", i="1378", j="3", k="83", l="674"),
        C("2023年我镇政府性基金收入总计3319万元", "3319", "sum", "a+b+c", a="103", b="1331", c="1885"),
        C("2023年政府性基金支出总计3319万元", "3319", "sum", "a+b+c", "本级支出 + 调出资金 + 结转下年.", a="1703", b="103", c="1513"),
    ]))

# 14 ------------------------------------------------------------------------
IMPL_DOWN = "(1-t/(a/(1+ra/100)+b/(1+rb/100)))*100"
FILES.append(dict(
    file="14-unknown-lbx-xian-zhixing.txt", province="unknown (path lbxzf on a mirror; the passage names no place)", kind="预算", unit="万元",
    level="县级, 1-5月 预算收支执行 (traditional-character mirror)",
    notes="Three parallel breakdowns of the 1-5月 revenue and of the 年初预算 all add up. 政府性基金 969/2180 = 44.45% is written 44.5%.",
    checks=[
        C("全縣完成財政總收入4348萬元", "4348", "sum", "a+b", "稅收 + 非稅.", a="3511", b="837"),
        C("全縣完成財政總收入4348萬元", "4348", "sum", "a+b", "按級次: 上劃中省 + 地方一般公共預算收入.", a="2628", b="1720"),
        C("占年初預算10065萬元的43.2%", "10065", "sum", "a+b", "年初預算 of 稅收 + 非稅.", a="8465", b="1600"),
        C("占年初預算10065萬元的43.2%", "10065", "sum", "a+b", "年初預算 of 上劃中省 + 地方.", a="6265", b="3800"),
        C("全縣完成財政總收入4348萬元,占年初預算10065萬元的43.2%", "43.2", "share", "a/b*100", a="4348", b="10065"),
        C("稅收收入3511萬元,占年初預算8465萬元的41.5%", "41.5", "share", "a/b*100", a="3511", b="8465"),
        C("非稅收入837萬元,占年初預算1600萬元的52.3%", "52.3", "share", "a/b*100", a="837", b="1600"),
        C("上劃中省收入2628萬元,占年初預算6265萬元的41.9%", "41.9", "share", "a/b*100", a="2628", b="6265"),
        C("完成地方一般公共預算收入1720萬元,占年初預算3800萬元的45.3%", "45.3", "share", "a/b*100", a="1720", b="3800"),
        C("完成地方一般公共預算收入1720萬元", "1720", "sum", "a+b", "按構成: 稅收 + 非稅.", a="1035", b="685"),
        C("完成地方一般公共預算收入1720萬元", "1720", "sum", "a+b", "按部門: 稅務 + 財政.", a="1431", b="289"),
        C("占年初預算3800萬元的45.3%", "3800", "sum", "a+b", "年初預算 by 構成.", a="2400", b="1400"),
        C("占年初預算3800萬元的45.3%", "3800", "sum", "a+b", "年初預算 by 部門.", a="2750", b="1050"),
        C("稅收收入1035萬元,占年初預算2400萬元的43.1%", "43.1", "share", "a/b*100", a="1035", b="2400"),
        C("非稅收入685萬元,占年初預算1400萬元的48.9%", "48.9", "share", "a/b*100", a="685", b="1400"),
        C("稅務部門完成1431萬元,占年初預算2750萬元的52.0%", "52.0", "share", "a/b*100", a="1431", b="2750"),
        C("財政部門完成289萬元,占年初預算1050萬元的27.5%", "27.5", "share", "a/b*100", a="289", b="1050"),
        C("完成一般公共預算支出57271萬元,占年初預算74261萬元的77.1%", "77.1", "share", "a/b*100", a="57271", b="74261"),
        C("完成政府性基金收入969萬元,占年初預算2180萬元的44.5%", "44.5", "share", "a/b*100", "969/2180 = 44.4495%, which rounds to 44.4; 44.5 is reachable only through the rounding of 969.", a="969", b="2180"),
        C("完成政府性基金收入969萬元", "969", "sum", "a+b+c", "其中 list (土地出让 + 城市基础设施配套费 + 污水处理费); " + A0 + " They add exactly.", a="866", b="35", c="68"),
        C("完成政府性基金支出4093萬元,占年初預算5497萬元的74.5%", "74.5", "share", "a/b*100", a="4093", b="5497"),
        C("占年初預算10065萬元的43.2%,同比下降6.5%", "6.5", "implied", IMPL_DOWN, "Priors from 稅收 (-5.2%) and 非稅 (-11.7%).", t="4348", a="3511", ra="-5.2", b="837", rb="-11.7"),
        C("占年初預算10065萬元的43.2%,同比下降6.5%", "6.5", "implied", IMPL_DOWN, "Priors from 上劃中省 (+9.5%) and 地方 (-23.6%).", t="4348", a="2628", ra="9.5", b="1720", rb="-23.6"),
        C("占年初預算3800萬元的45.3%,同比下降23.6%", "23.6", "implied", IMPL_DOWN, "Priors from 稅收 (-28.7%) and 非稅 (-14.3%).", t="1720", a="1035", ra="-28.7", b="685", rb="-14.3"),
        C("占年初預算3800萬元的45.3%,同比下降23.6%", "23.6", "implied", IMPL_DOWN, "Priors from 稅務 (-10.3%) and 財政 (-55.9%).", t="1720", a="1431", ra="-10.3", b="289", rb="-55.9"),
    ]))

# 15 ------------------------------------------------------------------------
FILES.append(dict(
    file="15-yunnan-yuanmou-xian.txt", province="云南 (楚雄州元谋县, inferred from the host yncxym.gov.cn; the passage names no place)", kind="预算", unit="万元",
    level="县级, 1-8月 预算收入执行",
    checks=[
        C("地方一般公共预算收入完成26,876万元", "26,876", "sum", "a+b", "税收 + 非税.", a="13,896", b="12,980"),
        C("完成26,876万元,同比增加2,168万元,增长8.8%", "8.8", "pct_change", growth("c", "d"), c="26,876", d="2,168"),
        C("完成26,876万元,同比增加2,168万元,增长8.8%", "8.8", "implied", "(t/(a/(1+ra/100)+b/(1+rb/100))-1)*100", "Priors from 税收 (-5.2%) and 非税 (+29.1%).", t="26,876", a="13,896", ra="-5.2", b="12,980", rb="29.1"),
        C("政府性基金预算收入完成10,244万元,同比减少4,927万元,下降32.5%", "32.5", "pct_change", decline("c", "d"), c="10,244", d="4,927"),
        C("国有土地使用权出让收入10,065万元,同比减少4,808万元,下降32.3%", "32.3", "pct_change", decline("c", "d"), c="10,065", d="4,808"),
    ]))

# 16 ------------------------------------------------------------------------
FILES.append(dict(
    file="16-hunan-taojiang-sangong.txt", province="湖南", kind="三公", unit="万元",
    level="部门/单位 (桃江县, unit not named), 2019 三公决算 vs 预算",
    checks=[
        C("2019年实际支出“三公经费”决算为22.62万元", "22.62", "sum", "a+b", "Only 公务接待 and 公务用车运行维护 are listed; 无因公出国 and the two shares add to 100%, so they are read as the whole.", a="20.10", b="2.52"),
        C("公务接待费为20.10万元,占88.86%", "88.86", "share", "a/t*100", a="20.10", t="22.62"),
        C("公务用车运行维护费为2.52万元,占11.14%", "11.14", "share", "a/t*100", a="2.52", t="22.62"),
        C("本年度“三公经费”决算数未超过2019年预算数", "未超过", "claim", "a <= b", show="决算 a <= 预算 b", a="22.62", b="44.52"),
    ]))

# 17 ------------------------------------------------------------------------
FILES.append(dict(
    file="17-sichuan-dyrmt-danwei-133619.txt", province="四川 (inferred from the host name and 天府旅游名县; the passage names no unit)", kind="决算", unit="万元",
    level="单位 (unnamed), 2022 单位决算",
    notes="The 支出总计 decrease rate 2570.97/6714.88 = 38.2877% is written 38.28% (truncated, not rounded).",
    checks=[
        C("收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%", "23.51", "pct_change", decline("c", "d"), "收入总计: prior = 4125.49 + 1267.86.", c="4125.49", d="1267.86"),
        C("收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%", "38.28", "pct_change", decline("c", "d"), "支出总计: prior = 4143.91 + 2570.97 = 6714.88; 38.2877% rounds to 38.29. 38.28 looks truncated.", c="4143.91", d="2570.97"),
        C("2022年本年收入合计4125.49万元", "4125.49", "sum", "a+b+c+d+e+f+g+h", a="3859.16", b="0", c="0", d="0", e="0", f="0", g="0", h="266.33"),
        C("一般公共预算财政拨款收入3859.16万元,占93.54%", "93.54", "share", "a/t*100", a="3859.16", t="4125.49"),
        C("其他收入266.33万元,占6.46%", "6.46", "share", "a/t*100", a="266.33", t="4125.49"),
        C("2022年本年支出合计4143.91万元", "4143.91", "sum", "a+b+c+d+e", a="1140.27", b="3003.64", c="0", d="0", e="0"),
        C("基本支出1140.27万元,占27.52%", "27.52", "share", "a/t*100", a="1140.27", t="4143.91"),
        C("项目支出3003.64万元,占72.48%", "72.48", "share", "a/t*100", a="3003.64", t="4143.91"),
    ]))

# 18 ------------------------------------------------------------------------
FILES.append(dict(
    file="18-sichuan-mianzhu-sangong.txt", province="四川", kind="三公", unit="万元",
    level="市级汇总 (绵竹市), 2025 三公预算 vs 2024",
    checks=[
        C("“三公”经费预算总额为1969万元", "1969", "sum", "a+b+c", A0, a="40", b="242", c="1687"),
        C("较2024年的2190万元减少221万元", "221", "change", "a-b", a="2190", b="1969"),
        C("较2024年的2190万元减少221万元,下降10.1%", "10.1", "pct_change", "d/p*100", "Base named: 2024年的2190万元.", show="d/p*100", d="221", p="2190"),
        C("公务接待费242万元,较上年减少12万元,下降4.7%", "4.7", "pct_change", decline("c", "d"), c="242", d="12"),
        C("公务用车购置及运行维护费1687万元,较上年减少209万元,下降11%", "11", "pct_change", decline("c", "d"), c="1687", d="209"),
        C("较2024年的2190万元减少221万元", "221", "sum", "a+b+c", "Item decreases (出国 0, 接待 12, 用车 209) against the total decrease.", a="0", b="12", c="209"),
        C("因公出国(境)经费40万元,较上年持平", "40", "claim", "p-(a+da)-(b+db)", "2024 出国 back-computed as 2190 - (242+12) - (1687+209) = 40 = 2025 figure, so 持平 holds.", pct=False, p="2190", a="242", da="12", b="1687", db="209"),
    ]))

# 19 ------------------------------------------------------------------------
FILES.append(dict(
    file="19-guangdong-plpkl-bumen-sangong.txt", province="广东 (inferred from the Guangdong-style path zdlyxxgk/czyjshsgjf on a mirror; the passage names no place)", kind="三公", unit="万元",
    level="部门 (unnamed 市直部门), 2019 部门预算: 机关运行经费 and 三公 (traditional-character mirror)",
    checks=[
        C("“三公”經費|29.00", "29.00", "sum", "a+b+c", "Table: 出国 + 公务用车购置及运行 + 公务接待.", a="0.00", b="28.00", c="1.00"),
        C("(二)公務用車購置及運行維護支出|28.00", "28.00", "sum", "a+b", "Table: 购置 + 运行维护.", a="0.00", b="28.00"),
        C("本部門機關運行經費安排 312.23 萬元, 比上年增加15.18萬元,增長5.11 %", "5.11", "pct_change", growth("c", "d"), c="312.23", d="15.18"),
        C("財政撥款安排“三公”經費29萬元,比上年增加0.5萬元,增長1.75 %", "1.75", "pct_change", growth("c", "d"), c="29", d="0.5"),
        C("公務接待費1萬元,比上年增加0.5萬元,增長100 %", "100", "pct_change", growth("c", "d"), c="1", d="0.5"),
        C("比上年增加0.5萬元,增長1.75 %,其中:因公出國(境)費0萬元,較上年無增減", "0.5", "sum", "a+b+c", "Item changes: 出国 无增减 (0), 用车 无增减 (0), 接待 +0.5.", a="0", b="0", c="0.5"),
    ]))

# 20 ------------------------------------------------------------------------
FILES.append(dict(
    file="20-guangxi-wuzhou-danwei-F81E71.txt", province="广西", kind="预算", unit="元",
    level="单位 (unnamed Wuzhou unit), 2023 单位预算: 一般公共预算支出按结构 and 基本支出",
    notes="Section 六 gives 基本支出 911000.39, but 人员经费 + 公用经费 = 881300.39, the 基本支出预算 of section 五; 911000.39 = 881300.39 + 29700 is the whole 一般公共预算支出.",
    checks=[
        C("1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%", "881300.39", "sum", "a+b", "工资福利支出 + 商品和服务支出 (the 其中 list; they add exactly).", a="716052.51", b="165247.88"),
        C("1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%", "96.74", "share", "a/(a+b)*100", "一般公共预算支出 = 基本支出 + 项目支出 (the two parts of 按支出结构分类).", a="881300.39", b="29700"),
        C("同比减少 166271.4 元,下降 15.87 %", "15.87", "pct_change", decline("c", "d"), c="881300.39", d="166271.4"),
        C("同比减少 166271.4 元,下降 15.87 %", "166271.4", "sum", "a+b", "工资福利 and 商品和服务 decreases against the 基本支出 decrease.", a="148979.48", b="17291.92"),
        C("工资福利支出预算 716052.51 元,占基本支出预算81.25%", "81.25", "share", "a/t*100", a="716052.51", t="881300.39"),
        C("同比减少 148979.48 元,下降 17.22%", "17.22", "pct_change", decline("c", "d"), c="716052.51", d="148979.48"),
        C("商品和服务支出预算 165247.88 元,占基本支出预算18.76%", "18.76", "share", "a/t*100", "165247.88/881300.39 = 18.7505%, which rounds to 18.75 (and 81.25 + 18.75 = 100.00, so no forcing to 100% is needed).", a="165247.88", t="881300.39"),
        C("同比减少 17291.92 元,下降 9.47%", "9.47", "pct_change", decline("c", "d"), c="165247.88", d="17291.92"),
        C("2. 项目支出 29700 元,占一般公共预算支出的 3.26%", "3.26", "share", "b/(a+b)*100", "一般公共预算支出 = 基本支出 + 项目支出.", a="881300.39", b="29700"),
        C("2. 项目支出 29700 元,占一般公共预算支出的 3.26%,同比减少 13900 元 ,下降 31.88 %", "31.88", "pct_change", decline("c", "d"), c="29700", d="13900"),
        C("商品和服务支出预算 29700 元,占项目支出预算 100%", "100", "share", "a/t*100", a="29700", t="29700"),
        C("2023 年本年一般公共预算基本支出 911000.39 元,其中:人员经费 809961.19 元", "911000.39", "sum", "a+b",
          "基本支出 = 人员经费 + 公用经费 (the 其中 list names both). 809961.19 + 71339.2 = 881300.39, which is the 基本支出预算 stated in 五(二)1; 911000.39 = 881300.39 + 29700 is 基本 + 项目.",
          a="809961.19", b="71339.2"),
    ]))


# ---------------------------------------------------------------- run
def passage_text(fname):
    with open(os.path.join(HERE, fname), encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    assert lines[0].startswith("# source: "), fname
    return "".join(lines[1:]).replace("\r", "")


def main():
    out = {"files": []}
    bad = 0
    for f in FILES:
        text = passage_text(f["file"])
        fo = {k: f[k] for k in ("file", "province", "kind", "unit", "level") if k in f}
        if f.get("notes"):
            fo["notes"] = f["notes"]
        fo["checks"] = []
        for c in f["checks"]:
            if c["sentence"] not in text:
                print("NOT VERBATIM:", f["file"], c["sentence"])
                bad += 1
            expected, verdict = run_check(c)
            fo["checks"].append(dict(sentence=c["sentence"], stated=c["stated"] + ("%" if c["pct"] else ""),
                                     expected=expected, verdict=verdict, why=c["why"], type=c["type"]))
            print("%-14s %-10s %-40s | %s | %s" % (verdict, c["type"], f["file"][:40], c["stated"], expected))
        out["files"].append(fo)
    assert bad == 0, "%d sentences are not verbatim substrings" % bad

    with open(os.path.join(HERE, "key.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    write_md(out)

    tot = {"OK": 0, "ROUNDING": 0, "CONTRADICTION": 0}
    for fo in out["files"]:
        for c in fo["checks"]:
            tot[c["verdict"]] += 1
    print("files %d, checks %d, %s" % (len(out["files"]), sum(tot.values()), tot))


def write_md(out):
    L = ["# Narrative passages, set 2: arithmetic key", "",
         "Generated by `verify.py` (Decimal, ROUND_HALF_UP to the stated figure's decimals; interval rule for ROUNDING). "
         "`key.json` holds every check; this file summarises them and lists every CONTRADICTION. "
         "`unit` is the money unit of the passage; the unit/department is in `level`.", "",
         "| file | province | kind | #checks | #contradictions | #rounding |", "|---|---|---|---|---|---|"]
    tot = [0, 0, 0]
    for fo in out["files"]:
        n = len(fo["checks"])
        nc = sum(c["verdict"] == "CONTRADICTION" for c in fo["checks"])
        nr = sum(c["verdict"] == "ROUNDING" for c in fo["checks"])
        tot[0] += n; tot[1] += nc; tot[2] += nr
        L.append("| %s | %s | %s | %d | %d | %d |" % (fo["file"], fo["province"], fo["kind"], n, nc, nr))
    L.append("| **total** | | | %d | %d | %d |" % tuple(tot))
    L += ["", "## How the passages were obtained and copied", "",
          "- Found with the `pages` search (stored copies, first ~1-2k characters of each page). No URL or unit from /work/shared/corpus/narrative is reused; the excluded sources were avoided.",
          "- Each file: line 1 is the source line, the rest is the stored passage as returned (traditional characters, pinyin glosses, `|` table cells, odd spacing and cut-off endings kept). Escaped quotes in the store's JSON (`\\\"`) are written as plain `\"`.",
          "- After writing, every page was fetched again and its numbers were read a second time and compared, in order, with the numbers in the file (all 20 match). Whitespace-only details (e.g. the 83-space line in 05) were not re-counted.",
          "- Several passages are not 部门 documents but budget-execution reports or news (03, 04, 05, 07, 08, 09, 10, 14, 15); `kind` is 预算 for execution/adjustment reports and 决算 for year-end figures, and `level` says what each one is.",
          "- `unit` is the money unit (万元/亿元/元), as in the existing corpus key; the unit or department is in `level`.",
          "", "## Contradictions", ""]
    for fo in out["files"]:
        for c in fo["checks"]:
            if c["verdict"] == "CONTRADICTION":
                L += ["### %s (%s)" % (fo["file"], c["type"]), "",
                      "- sentence: `%s`" % c["sentence"], "- stated: %s" % c["stated"],
                      "- expected: %s" % c["expected"], "- why: %s" % c["why"], ""]
    L += ["## Rounding cases", ""]
    for fo in out["files"]:
        for c in fo["checks"]:
            if c["verdict"] == "ROUNDING":
                L.append("- %s: `%s` stated %s; %s. %s" % (fo["file"], c["sentence"], c["stated"], c["expected"], c["why"]))
    with open(os.path.join(HERE, "KEY.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
