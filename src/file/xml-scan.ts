/**
 * A fast path for the plain XML that spreadsheet writers produce: elements, attributes, text and
 * the five predefined entities plus character references, nothing else. It calls the same handlers
 * with the same events as saxes does on such a document (test/file/xml-scan.test.ts compares the
 * two on every part of every workbook in the repository and on hand-written edge cases).
 *
 * Why not saxes alone: on the 15-table 陕西 example saxes takes half of the reading time (2.2 of
 * 4.2 ms), most of it checking every name character and attribute against the XML grammar. This
 * scanner jumps from '<' to '<' with indexOf and takes about a third of that.
 *
 * Line ends are normalised first, as XML 1.0 §2.11 says a parser must before parsing (and saxes
 * does): `normaliseLineEnds`. Excel writes CR LF after the declaration of every part, and inside
 * text typed with line breaks; before this, each such part went to saxes.
 *
 * Anything else is left to saxes, decided before a single event is sent (`plainXml`): comments,
 * CDATA, DTDs and processing instructions, carriage returns left in (the input was not
 * normalised), entities other than the predefined ones, "]]>" and characters XML does not allow.
 * If the scan still meets something it does not expect (a malformed tag, a name with an ASCII
 * character names may not hold, a character reference to a character XML does not allow), it
 * throws NotPlainXml; callers then read the part again with saxes, from scratch. Not checked: non-ASCII characters XML forbids in
 * names, and the XML declaration's own content (spreadsheet writers do not get these wrong).
 */

/** Thrown when the scanner meets XML it leaves to saxes. */
export class NotPlainXml extends Error {
  constructor(why: string) {
    super(`not plain XML: ${why}`);
  }
}

export type OpenHandler = (name: string, attrs: Record<string, string>) => void;
export type CloseHandler = (name: string) => void;
export type TextHandler = (text: string) => void;

const KNOWN_ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** Characters XML 1.0 does not allow in a document (saxes refuses them); U+FFFE and U+FFFF too. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * XML 1.0 §2.11 end-of-line handling: CR LF, and a CR not followed by LF, read as one LF. It comes
 * before parsing, so a character reference &#13; is still a CR. Returns `xml` itself when it holds no CR.
 */
export function normaliseLineEnds(xml: string): string {
  return xml.indexOf('\r') < 0 ? xml : xml.replace(/\r\n?/g, '\n');
}

/**
 * True when `xml` uses nothing beyond elements, attributes, text and known entity references, and
 * nothing saxes would refuse that the scanner does not test: "]]>" (not allowed in text; in an
 * attribute value it is, and saxes reads those parts) and characters outside XML's.
 */
export function plainXml(xml: string): boolean {
  if (xml.indexOf('\r') >= 0 || xml.indexOf('<!') >= 0 || xml.indexOf(']]>') >= 0 || NOT_XML_CHAR.test(xml)) return false;
  // A leading XML declaration is the only processing instruction allowed.
  const pi = xml.indexOf('<?');
  if (pi >= 0 && (pi > 1 || !/^\uFEFF?<\?xml\s/.test(xml) || xml.indexOf('<?', pi + 2) >= 0)) return false;
  return xml.indexOf('&') < 0 || !KNOWN_ENTITY.test(xml);
}

const ENTITY = /&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    // XML 1.0 Char: tab, newline, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 on.
    const ok = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) throw new NotPlainXml(`character reference &${e};`);
    return String.fromCodePoint(code);
  });
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** XML's white space only (String.prototype.trim also takes U+00A0 and others, which saxes refuses outside the root). */
const XML_SPACES = /^[ \t\n\r]*$/;
/** Characters that end a name: space, '/', '>', '=', and '<' (“<<c/>” is malformed, not an element “<c”). */
const NAME_END = new Uint8Array(128);
for (const c of [32, 10, 9, 13, 47, 62, 61, 60]) NAME_END[c] = 1;
const endsName = (c: number) => c < 128 && NAME_END[c] === 1;
/** ASCII characters a name may hold (XML 1.0 NameChar): letters, digits, '-', '.', '_' and ':'. */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (/[A-Za-z0-9._:-]/.test(String.fromCharCode(c))) NAME_CHAR[c] = 1;
/** A name from `from` to before `to` that saxes would refuse for an ASCII character (other characters are left as they are). */
function badName(xml: string, from: number, to: number): boolean {
  const c0 = xml.charCodeAt(from);
  if (c0 < 128 && (NAME_CHAR[c0] === 0 || (c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 46)) return true;
  for (let k = from + 1; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c < 128 && NAME_CHAR[c] === 0) return true;
  }
  return false;
}
/**
 * One-character names (a cell's r, s and t, a row's r) as strings made once: V8 looks a fresh slice
 * used as a property key up in its string table every time, a string it has seen as a key it does not.
 */
const ONE_CHAR: string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
const oneChar = (c: number) => (c < 128 ? ONE_CHAR[c] : String.fromCharCode(c));
/** The attributes of a tag that has none (never modified by the readers). */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Sends the events of `xml` to the handlers, as saxes does (`plainXml(xml)` must hold). `stop` is
 * asked after each closing tag; a true answer ends the scan there.
 */
export function scanXml(xml: string, open: OpenHandler, close?: CloseHandler, text?: TextHandler, stop?: () => boolean): void {
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (xml.startsWith('<?xml', i)) {
    const end = xml.indexOf('?>', i);
    if (end < 0) throw new NotPlainXml('unterminated declaration');
    i = end + 2;
  } else {
    // Without a declaration saxes reports no white space before the root (after one it does).
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
  }
  /** The open elements' names as written, and without their prefixes. */
  const names: string[] = [];
  const locals: string[] = [];
  /** The current tag's attribute names (for the repeated-attribute test; an `in` test on the object was slower, and true for "constructor"). */
  const seen: string[] = [];
  let seenCount = 0;
  /** Most parts have no '&' at all: then no text or value needs decoding. */
  const entities = xml.indexOf('&') >= 0;
  let depth = 0;
  let rootDone = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const t = xml.slice(i, textEnd);
      // Outside the root only white space may stand; saxes reports it as text all the same.
      if (depth === 0 && !XML_SPACES.test(t)) throw new NotPlainXml('text outside the root element');
      if (text) text(depth > 0 && entities ? decode(t) : t);
    }
    if (lt < 0) break;
    if (xml.charCodeAt(lt + 1) === 47) {
      // </name>: the name must be the open element's, followed by optional space and '>'.
      const name = names.pop();
      let j = lt + 2;
      if (name === undefined || !xml.startsWith(name, j) || !(j + name.length < n) || !endsName(xml.charCodeAt(j + name.length))) throw new NotPlainXml('malformed closing tag');
      j += name.length;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 62) throw new NotPlainXml('malformed closing tag');
      depth--;
      if (depth === 0) rootDone = true;
      const localName = locals.pop()!;
      if (close) close(localName);
      i = j + 1;
      if (stop && stop()) return;
      continue;
    }
    // <name attr="value" …> or <name … />
    if (rootDone) throw new NotPlainXml('second root element');
    let j = lt + 1;
    let colon = -1;
    for (let c = xml.charCodeAt(j); j < n && !endsName(c); c = xml.charCodeAt(++j)) if (c === 58 && colon < 0) colon = j;
    const name = xml.slice(lt + 1, j);
    if (name === '' || badName(xml, lt + 1, j)) throw new NotPlainXml('malformed tag');
    // The name without its prefix, as the readers want it (local(), without a second search).
    const localName = colon < 0 ? name : xml.slice(colon + 1, j);
    let attrs = NO_ATTRS;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const c = xml.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47 && xml.charCodeAt(j + 1) === 62) {
        selfClosing = true;
        j += 2;
        break;
      }
      const a0 = j;
      while (j < n && !endsName(xml.charCodeAt(j))) j++;
      const attr = j === a0 + 1 ? oneChar(xml.charCodeAt(a0)) : xml.slice(a0, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (attr === '' || badName(xml, a0, a0 + attr.length) || xml.charCodeAt(j) !== 61) throw new NotPlainXml('malformed attribute');
      // An own property of that name cannot be made on a plain object: saxes reads it.
      if (attr === '__proto__') throw new NotPlainXml('attribute named __proto__');
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new NotPlainXml('unquoted attribute');
      // One pass to the closing quote (values are short: a call to indexOf per test cost more).
      let end = j + 1;
      let spaced = false;
      for (; end < n; end++) {
        const c = xml.charCodeAt(end);
        if (c === q) break;
        if (c === 60) throw new NotPlainXml('"<" in an attribute');
        if (c === 10 || c === 9) spaced = true;
      }
      if (end >= n) throw new NotPlainXml('unterminated attribute');
      let value = xml.slice(j + 1, end);
      // saxes turns a literal newline or tab in an attribute value into a space (XML 1.0 §3.3.3).
      if (spaced) value = value.replace(/[\n\t]/g, ' ');
      if (attrs === NO_ATTRS) {
        attrs = {};
        seenCount = 0;
      } else {
        for (let k = 0; k < seenCount; k++) if (seen[k] === attr) throw new NotPlainXml('repeated attribute');
      }
      seen[seenCount++] = attr;
      attrs[attr] = entities ? decode(value) : value;
      j = end + 1;
      const after = xml.charCodeAt(j);
      if (!isSpace(after) && after !== 62 && after !== 47) throw new NotPlainXml('no space between attributes');
    }
    open(localName, attrs);
    if (selfClosing) {
      if (close) close(localName);
      if (depth === 0) rootDone = true;
      if (stop && stop()) return;
    } else {
      depth++;
      names.push(name);
      locals.push(localName);
    }
    i = j;
  }
  if (depth !== 0 || !rootDone) throw new NotPlainXml('unclosed element');
}

/** A name without its namespace prefix ("x:c" → "c"), as the readers want it. */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
