import json
from decimal import Decimal as D, ROUND_HALF_UP
class I:
    def __init__(s,v,lo=None,hi=None):
        s.v=v; s.lo=v if lo is None else lo; s.hi=v if hi is None else hi
    def __add__(a,b): return I(a.v+b.v,a.lo+b.lo,a.hi+b.hi)
    def __sub__(a,b): return I(a.v-b.v,a.lo-b.hi,a.hi-b.lo)
    def __truediv__(a,b): return I(a.v/b.v,a.lo/b.hi,a.hi/b.lo)  # positive values only
    def pct(a): return I(a.v*100,a.lo*100,a.hi*100)
def n(s):
    s=s.replace(",","")
    d=D(s)
    if d==0: return I(d)
    k=-d.as_tuple().exponent if '.' in s else 0
    h=D(5)*D(10)**(-k-1)
    return I(d,d-h,d+h)
def verdict(stated,calc):
    st=n(stated); k=-D(stated.replace(",","")).as_tuple().exponent if '.' in stated else 0
    q=D(1).scaleb(-k)
    exp=calc.v.quantize(q,rounding=ROUND_HALF_UP)
    if exp==D(stated.replace(",","")): return "OK",str(exp)
    if calc.lo<=st.hi and calc.hi>=st.lo: return "ROUNDING",str(exp)
    return "CONTRADICTION",str(exp)
FILES=[]
def F(file,prov,kind,unit,level,checks):
    txt=open(file).read().split("\n",1)[1].replace("\n","")
    out=[]
    for sent,stated,typ,fn,why in checks:
        assert sent in txt,(file,sent)
        vd,exp=verdict(stated,fn())
        out.append(dict(sentence=sent,stated=stated,expected=exp,verdict=vd,why=why,type=typ))
    FILES.append(dict(file=file,province=prov,kind=kind,unit=unit,level=level,checks=out))
S=lambda *a: sum((n(x) for x in a[1:]),n(a[0]))
pc=lambda a,b: (n(a)/n(b)).pct()
F("01-guangdong-caizhengting-sgjs.txt","广东","三公","广东省财政厅","省级部门",[
 ("因公出国(境)费12.02万元,占19.4%;公务用车购置及运行维护费支出27.46万元,占44.2%;公务接待费支出22.59万元,占36.4%","62.07","sum",lambda:S("12.02","27.46","22.59"),"三项之和对总额62.07"),
 ("支出决算为62.07万元,完成全年预算84.82万元的73.2%","73.2","share",lambda:pc("62.07","84.82"),"决算/预算"),
 ("比上年决算数增加38.97万元,增长168.7%","168.7","pct_change",lambda:(n("38.97")/(n("62.07")-n("38.97"))).pct(),"上年=62.07-38.97"),
 ("比2019年(疫情前)决算数减少24.87万元,降低28.6%","28.6","pct_change",lambda:(n("24.87")/(n("62.07")+n("24.87"))).pct(),"2019年=62.07+24.87"),
 ("因公出国(境)费支出决算为12.02万元,完成预算12.02万元的100%","100","share",lambda:pc("12.02","12.02"),"决算/预算"),
 ("公务用车购置及运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%","92.8","share",lambda:pc("27.46","29.6"),"决算/预算"),
 ("公务用车购置及运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%","29.9","pct_change",lambda:(n("6.32")/(n("27.46")-n("6.32"))).pct(),"上年=27.46-6.32"),
 ("其中:公务用车购置支出决算为0万元","27.46","sum",lambda:S("0","27.46"),"购置0+运行27.46对公务用车合计27.46"),
 ("公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%","52.3","share",lambda:pc("22.59","43.2"),"决算/预算"),
 ("公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%,比上年决算数增加20.63万元,增长1,055.4%","1,055.4","pct_change",lambda:(n("20.63")/(n("22.59")-n("20.63"))).pct(),"上年=22.59-20.63=1.96,基数小,舍入敏感"),
 ("因公出国(境)费12.02万元,占19.4%","19.4","share",lambda:pc("12.02","62.07"),"占三公总额62.07"),
 ("公务用车购置及运行维护费支出27.46万元,占44.2%","44.2","share",lambda:pc("27.46","62.07"),"占三公总额"),
 ("公务接待费支出22.59万元,占36.4%","36.4","share",lambda:pc("22.59","62.07"),"占三公总额"),
 ("预算84.82万元","84.82","sum",lambda:S("12.02","29.6","43.2"),"分项预算之和对全年预算;假定分项预算即三项全部"),
])
F("02-anhui-hefei-danwei-sgjs.txt","安徽","三公","合肥市某市直单位(页面未载单位名称)","市级单位",[
 ("支出預算為6.35萬元,支出決算為6.35萬元,完成預算的100%","100","share",lambda:pc("6.35","6.35"),"决算/预算"),
 ("較上年增加0.61萬元,增長10.63%","10.63","pct_change",lambda:(n("0.61")/(n("6.35")-n("0.61"))).pct(),"上年=6.35-0.61"),
 ("因公出國(境)費支出決算0萬元,占0%;公務接待費支出決算1.89萬元,占29.76%;公務用車購置及運行維護費支出決算4.46萬元,占70.24%","6.35","sum",lambda:S("0","1.89","4.46"),"三项之和对决算6.35"),
 ("公務接待費支出決算1.89萬元,占29.76%","29.76","share",lambda:pc("1.89","6.35"),"占决算总额"),
 ("公務用車購置及運行維護費支出決算4.46萬元,占70.24%","70.24","share",lambda:pc("4.46","6.35"),"占决算总额"),
 ("決算數與預算數持平","0","claim",lambda:n("6.35")-n("6.35"),"持平=决算-预算为0"),
])
F("03-guangdong-qingyuan-shengtai-sgjs.txt","广东","三公","清远市生态环境局","市级部门",[
 ("支出決算為17.06萬元,完成預算27萬元的63.2%","63.2","share",lambda:pc("17.06","27"),"决算/预算;27按整数±0.5"),
 ("因公出國(境)費(fèi)支出決算為7.8萬元,完成預算10萬元的78.0%","78.0","share",lambda:pc("7.8","10"),"决算/预算"),
 ("公務(wù)用車購置及運(yùn)行費(fèi)支出決算為7.5萬元,完成預算12萬元的62.5%","62.5","share",lambda:pc("7.5","12"),"决算/预算"),
 ("公務(wù)接待費(fèi)支出決算為1.76萬元,完成預算5萬元的35.2%","35.2","share",lambda:pc("1.76","5"),"决算/预算"),
 ("因公出國(境)費(fèi)7.8萬元,占45.7%;公務(wù)用車購置及運(yùn)行費(fèi)支出7.5萬元,占44.0%;公務(wù)接待費(fèi)支出1.76萬元,占10.3%","17.06","sum",lambda:S("7.8","7.5","1.76"),"三项决算之和"),
 ("完成預算27萬元","27","sum",lambda:S("10","12","5"),"三项预算之和"),
 ("因公出國(境)費(fèi)7.8萬元,占45.7%","45.7","share",lambda:pc("7.8","17.06"),"占决算总额"),
 ("公務(wù)用車購置及運(yùn)行費(fèi)支出7.5萬元,占44.0%","44.0","share",lambda:pc("7.5","17.06"),"占决算总额;7.5仅1位小数"),
 ("公務(wù)接待費(fèi)支出1.76萬元,占10.3%","10.3","share",lambda:pc("1.76","17.06"),"占决算总额"),
])
F("04-anhui-jingxian-zhongxue-sgys.txt","安徽","三公","泾县中学","县级单位",[
 ("其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为11.77万元,公务用车运行维护及购置费支出预算为0万元","11.77","sum",lambda:S("0","11.77","0"),"三项之和对11.77"),
 ("比2020年预算减少0.13万元,下降1.09%。其中","1.09","pct_change",lambda:(n("0.13")/(n("11.77")+n("0.13"))).pct(),"上年=11.77+0.13"),
 ("2021年预算支出11.77万元,比2020年预算减少0.13万元,下降1.09%","1.09","pct_change",lambda:(n("0.13")/(n("11.77")+n("0.13"))).pct(),"接待费上年=11.77+0.13"),
])
F("05-anhui-xuancheng-guangdian-sgys.txt","安徽","三公","宣城市广播电视台","市级单位",[
 ("其中:因公出国(境)费支出预算为0.00万元,公务接待费支出预算为4.00万元,公务用车运行维护及购置费支出预算为24.50万元","28.50","sum",lambda:S("0.00","4.00","24.50"),"三项之和"),
 ("比2020年预算减少12.00万元,下降29.63%","29.63","pct_change",lambda:(n("12.00")/(n("28.50")+n("12.00"))).pct(),"上年=28.50+12.00"),
])
F("06-anhui-duji-kaifaqu-sgys.txt","安徽","三公","杜集经济开发区管委会","区级单位",[
 ("其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为22.20万元,公务用车购置及运行费支出预算为18.00万元","40.20","sum",lambda:S("0","22.20","18.00"),"三项之和"),
 ("比2019年预算减少4.80万元,下降10.67%","10.67","pct_change",lambda:(n("4.80")/(n("40.20")+n("4.80"))).pct(),"上年=40.20+4.80"),
 ("公务接待费支出22.20万元,比2019年预算减少4.8万元,下降17.78%","17.78","pct_change",lambda:(n("4.8")/(n("22.20")+n("4.8"))).pct(),"上年=22.20+4.8"),
])
F("07-unknown-wojv-sgjs2015.txt","未知","三公","某局(页面未载名称)","未知",[
 ("支出74.6万元,其中公务用车及运行维护费用61.8万元,公务接待费12.8万元","74.6","sum",lambda:S("61.8","12.8"),"无出国费,两项之和"),
 ("公务用车费用中含公车购置费0万元,公务用车运行维护费61.8万元","61.8","sum",lambda:S("0","61.8"),"购置+运行"),
 ("减少16.5万元,下降18%","18","pct_change",lambda:(n("16.5")/(n("74.6")+n("16.5"))).pct(),"上年=74.6+16.5"),
])
F("08-unknown-jingkaiqu-sgys.txt","未知","三公","某经开区(管委会)","未知",[
 ("2023年一般公共预算“三公”经费预算安排520万元","520","sum",lambda:S("170","150","200"),"三项之和"),
 ("公务用车购置及运行费预算150万元,其中公务用车运行费150万元","150","sum",lambda:S("150","0"),"运行150+购置0"),
 ("与2022年预算持平:一、2023年因公出国(境)费预算170万元,与2022年预算相比增加170万元","0","claim",lambda:n("170")-n("170")+n("0"),"总额持平 vs 分项变动 +170 −170(运行费) +0(接待持平);假定购置费上年亦为0"),
])
json.dump({"files":FILES},open("key.json","w"),ensure_ascii=False,indent=1)
L=["| file | province | kind | #checks | #contradictions | #rounding |","|---|---|---|---|---|---|"]
C=[]
for f in FILES:
    cs=f["checks"]; L.append(f"| {f['file']} | {f['province']} | {f['kind']} | {len(cs)} | {sum(c['verdict']=='CONTRADICTION' for c in cs)} | {sum(c['verdict']=='ROUNDING' for c in cs)} |")
    for c in cs:
        print(f["file"][:6],c["verdict"],c["stated"],c["expected"])
        if c["verdict"]=="CONTRADICTION": C.append(f"- {f['file']}: 「{c['sentence']}」 stated {c['stated']}, expected {c['expected']} — {c['why']}")
open("KEY.md","w").write("# KEY\n\n"+"\n".join(L)+"\n\n## CONTRADICTIONS\n"+("\n".join(C) if C else "none")+"\n")
