import json, os
from decimal import Decimal as D, ROUND_HALF_UP
H = os.path.dirname(os.path.abspath(__file__))
def dec(s): s=str(s); return len(s.split('.')[1]) if '.' in s else 0
def hw(s): return D(1).scaleb(-dec(s))/2
def rnd(x, s): return x.quantize(D(1).scaleb(-dec(s)), rounding=ROUND_HALF_UP)
def verdict(stated, exact, lo, hi):
    st = D(stated); e = rnd(exact, stated)
    if e == st: return 'OK', e
    h = hw(stated)
    if lo <= st + h and hi >= st - h: return 'ROUNDING', e
    return 'CONTRADICTION', e
def rng(a):  # interval for a stated figure (string); zero exact
    v=D(a); h = D(0) if v==0 else hw(a); return v-h, v+h
def sum_(parts, stated, pct=False):
    lo=sum(rng(p)[0] for p in parts); hi=sum(rng(p)[1] for p in parts)
    return verdict(stated, sum(D(p) for p in parts), lo, hi)
def diff(a,b,stated):  # a-b
    return verdict(stated, D(a)-D(b), rng(a)[0]-rng(b)[1], rng(a)[1]-rng(b)[0])
def ratio(n,d,stated):  # n/d*100
    nl,nh=rng(n); dl,dh=rng(d)
    return verdict(stated, D(n)/D(d)*100, nl/dh*100, nh/dl*100)
def ratio_sumden(n, dparts, stated):  # n/(sum dparts)*100, n independent
    nl,nh=rng(n); dl=sum(rng(p)[0] for p in dparts); dh=sum(rng(p)[1] for p in dparts)
    return verdict(stated, D(n)/sum(D(p) for p in dparts)*100, nl/dh*100, nh/dl*100)
def share_self(n, parts, stated): # n / (n+others)
    others=[p for p in parts]; nl,nh=rng(n); ol=sum(rng(p)[0] for p in others); oh=sum(rng(p)[1] for p in others)
    return verdict(stated, D(n)/(D(n)+sum(D(p) for p in others))*100, nl/(nl+oh)*100, nh/(nh+ol)*100)
files=[]
def add(fn, prov, kind, unit, level, checks):
    txt=open(os.path.join(H,fn),encoding='utf-8').read().split('\n',1)[1].replace('\n','')
    out=[]
    for sent, stated, res, why, typ in checks:
        assert sent in txt, (fn, sent)
        v,e=res
        out.append(dict(sentence=sent, stated=stated, expected=str(e), verdict=v, why=why, type=typ))
    files.append(dict(file=fn, province=prov, kind=kind, unit=unit, level=level, checks=out))
add('01-anhui-shouxian-wenbao.txt','安徽','三公','寿县文物保护中心','县级单位',[
 ('支出决算为1.71万元,完成预算的43%','43',ratio('1.71','3','43'),'完成率=决算1.71/预算3(预算为整数3万元,视为±0.5);1.71/3=57%,即使3取3.5也只有48.9%;43%恰为未完成部分(1-57%)','share'),
 ('较上年减少1.29万元,下降43%','43',ratio_sumden('1.29',['1.71','1.29'],'43'),'上年=1.71+1.29=3.00;1.29/3.00','pct_change'),
 ('公务接待费支出决算0.53万元,占69%','69',share_self('0.53',['1.18'],'69'),'占三公决算合计1.71(=0.53+1.18);0.53/1.71=31%,69%是公务用车的占比(两占比互换)','share'),
 ('公务用车购置及运行维护费支出决算1.18万元,占31%','31',share_self('1.18',['0.53'],'31'),'1.18/1.71=69%,31%是公务接待费的占比','share'),
 ('合 计 |3 |1.71 |因公出国(境)费 |||公务接待费 |1 |0.53 |公务用车购置及运行维护费 |2 |1.18 |','1.71',sum_(['0.53','1.18'],'1.71'),'决算列:因公出国空白视为0;0.53+1.18','sum'),
 ('合 计 |3 |','3',sum_(['1','2'],'3'),'预算列:1+2(整数,各±0.5)','sum'),
 ('公务接待费预算为1万元,支出决算为0.53万元,完成预算的47%','47',ratio('0.53','1','47'),'0.53/1=53%(预算1为整数±0.5时区间35%–106%,与47%相交,故按规则为ROUNDING;若1为精确值则53%≠47%,47%恰为1-53%)','share'),
 ('较上年减少0.47万元,下降47 %','47',ratio_sumden('0.47',['0.53','0.47'],'47'),'上年=0.53+0.47=1.00','pct_change'),
])
add('02-shaanxi-huanglong-sangong2020.txt','陕西','三公','黄龙县(单位名未见于存储文本)','县级',[
 ('比上年累计支出433万元减少2万元','2',diff('433','431','2'),'433-431','change'),
 ('减少2万元,下降0.46%','0.46',ratio('2','433','0.46'),'2/433','pct_change'),
 ('2020年“三公”经费支出431万元','431',sum_(['251','56','124'],'431'),'因公出国无(0)+公务用车及运行维护251+购置56+接待124;假定251不含购置','sum'),
 ('比上年累计支出433万元','433',sum_(['285','148'],'433'),'上年:用车运行285+购置0(本年增加56即上年0)+接待148+出国0','sum'),
 ('比上年累计支出285万元下降34万元','34',diff('285','251','34'),'285-251','change'),
 ('下降34万元,下降12%','12',ratio('34','285','12'),'34/285=11.93%','pct_change'),
 ('比上年累计支出148万元下降24万元','24',diff('148','124','24'),'148-124','change'),
 ('下降24万元,下降16%','16',ratio('24','148','16'),'24/148=16.22%','pct_change'),
])
json.dump({'files':files}, open(os.path.join(H,'key.json'),'w',encoding='utf-8'), ensure_ascii=False, indent=1)
for f in files:
    for c in f['checks']: print(f['file'][:2], c['verdict'], c['stated'], c['expected'], c['type'])
