/**
 * Text as published → text the reader parses, with every character traced back.
 *
 * Real 说明 text is pasted from PDFs and web mirrors: sentences broken over lines (between a
 * number and its unit, inside words), page numbers on their own line, full-width digits,
 * spaces inside words and numbers (`1, 537.4`, `经 费 总预 算`), traditional characters and
 * pinyin glosses from mirrors (`經(jīng)費(fèi)`), a lost indentation printed as `? ? ? ?`.
 *
 * The reader works on logical paragraphs: physical lines joined where the sentence goes on
 * (the line does not end a sentence, and the next line does not start a heading or a numbered
 * item), with these characters folded or dropped. `origin` maps each character of a logical
 * paragraph back to its physical paragraph and offset, so findings point at the words as written.
 */

/** Traditional characters seen in 说明 text (mirrors, big5 gateways) → simplified; one to one. */
const TRAD =
  '佔占係系個个備备傳传僑侨價价儉俭內内別别則则劃划動动務务勵励匯汇區区協协厲厉參参員员問问單单嚴严國国圍围執执堅坚報报壓压學学實实審审將将專专對对導导層层屬属島岛強强從从徹彻慣惯應应戶户採采揮挥撥拨據据數数於于時时會会條条業业構构標标橋桥機机歸归決决況况減减準准漲涨為为烏乌無无營营獎奖現现産产產产當当發发監监確确稅税稱称節节簡简級级細细終终組组結结絡络統统經经維维網网緊紧編编縣县總总績绩織织繞绕義义習习聯联職职與与舉举華华萬万處处號号術术補补見见規规計计訓训記记設设訴诉評评詳详認认說说説说調调議议護护變变負负財财貫贯責责買买費费資资賓宾質质購购車车較较輛辆轉转辦办進进運运過过達达釋释針针錄录長长門门開开間间關关險险雜杂離离電电響响項项預预領领題题額额類类養养駐驻體体魯鲁鶴鹤黃黄點点黨党齊齐億亿這这們们醫医療疗衛卫藥药環环鄉乡鎮镇廳厅際际戰战災灾週周畫画貨货幣币兩两後后獲获讓让頭头擔担樣样權权歷历紀纪錢钱銷销續续齡龄復复顯显農农鐵铁廣广東东陝陕寧宁蘇苏龍龙圖图書书館馆場场倉仓庫库園园誤误虧亏餘余剩剩並并僅仅價价區区輔辅導导宮宫選选還还適适學学屬属廠厂歲岁嚴严憑凭總总縮缩壓压減减覈核';
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRAD.length; i += 2) TRAD_MAP.set(TRAD[i], TRAD[i + 1]);

const PINYIN_GLOSS = /^\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,7})\)/;
const CJK = /[\u3400-\u9fff]/;

/** Same-length folds: full-width digits, point, comma, colon, semicolon, brackets, % → half-width; 萬 → 万 … */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  switch (ch) {
    case '．':
      return '.';
    case '％':
      return '%';
    // Square brackets enclose a list as round ones do (“…下降 17.1%。[其中：A …；B …]；C …”).
    case '[':
    case '［':
      return '（';
    case ']':
    case '］':
      return '）';
    default:
      return TRAD_MAP.get(ch) ?? ch;
  }
}

export interface Origin {
  /** 0-based physical paragraph. */
  p: number;
  /** Offset in that paragraph. */
  o: number;
}

export interface LogicalText {
  text: string;
  origin: Origin[];
}

/** The words as written for [start, end) of a logical paragraph (normalised text when they span lines). */
export function asWritten(l: LogicalText, physical: string[], start: number, end: number): string {
  const a = l.origin[start];
  const b = l.origin[end - 1];
  if (!a || !b || a.p !== b.p) return l.text.slice(start, end);
  return physical[a.p].slice(a.o, b.o + 1);
}

/** One physical paragraph, normalised, with each output character's origin. */
function normaliseLine(line: string, p: number): LogicalText {
  let text = '';
  const origin: Origin[] = [];
  // A lost indentation printed as "? ? ? ?" at the start of a line.
  const lead = /^(?:\s*\?)+\s*/.exec(line);
  let i = lead && /\?/.test(lead[0]) ? lead[0].length : 0;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '(' && i > 0 && CJK.test(line[i - 1])) {
      const g = PINYIN_GLOSS.exec(line.slice(i));
      if (g) {
        i += g[0].length - 1;
        continue;
      }
    }
    if (/[\s\u00a0\u3000]/.test(ch)) {
      // Keep one space between two digits ("100 200" are two numbers); drop it elsewhere.
      const prev = text[text.length - 1];
      let j = i + 1;
      while (j < line.length && /[\s\u00a0\u3000]/.test(line[j])) j++;
      const next = foldChar(line[j] ?? '');
      if (prev && /\d/.test(prev) && /\d/.test(next)) {
        text += ' ';
        origin.push({ p, o: i });
      }
      i = j - 1;
      continue;
    }
    text += foldChar(ch);
    origin.push({ p, o: i });
  }
  return { text, origin };
}

/** A page number on its own line: —5—, - 5 -, 第5页, 5/12 (a bare number: see logicalParagraphs). */
const PAGE_NUMBER = /^\s*(?:[-—–－_·]+\s*\d{1,3}\s*[-—–－_·]+|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
/** A numbered item or heading at the start of a line: (1) 1. 1、 一、 （一） 第一部分. */
const ITEM_START = /^(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+[、.．]|\d+\s*[、.．](?!\d)|第[一二三四五六七八九十]+部分|[①②③④⑤⑥⑦⑧⑨⑩])/;

/**
 * Logical paragraphs from physical ones. `isHeading` decides which lines stand alone.
 * A line is joined to the one before when that one does not end its sentence (。！？ or a
 * closing colon list) and neither is a heading, and the line does not start a numbered item.
 */
export function logicalParagraphs(physical: string[], isHeading: (t: string) => boolean): LogicalText[] {
  const out: LogicalText[] = [];
  let open: LogicalText | undefined;
  physical.forEach((line, p) => {
    if (PAGE_NUMBER.test(line) && line.trim() !== '') return; // page furniture: the sentence goes on
    // A bare 1–3 digit line between lines of prose is a page number; beside table cells (|) it is a cell.
    if (/^\s*\d{1,3}\s*$/.test(line) && !/\|/.test(physical[p - 1] ?? '') && !/\|/.test(physical[p + 1] ?? '') && !/^\s*\|/.test(physical[p + 1] ?? '')) return;
    const n = normaliseLine(line, p);
    if (n.text === '') {
      open = undefined;
      return;
    }
    const heading = isHeading(n.text);
    if (open && !heading && !ITEM_START.test(n.text) && !/[。！？!?；;：:]$/.test(open.text) && !isHeading(open.text)) {
      open.text += n.text;
      open.origin.push(...n.origin);
      return;
    }
    open = { text: n.text, origin: [...n.origin] };
    out.push(open);
  });
  return out;
}
