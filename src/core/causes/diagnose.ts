/**
 * Diagnosis: from the findings of a workbook to the few cell changes that explain them.
 *
 * 1. Candidates. Every cell a failing check names is a candidate; its candidate values are what the
 *    check implies — the other end of an equality or a sum's missing part (current ± the finding's
 *    difference), ×10⁴ / ÷10⁴ when the gap is a 元/万元 mix-up, 0 for a blank line, the code or name
 *    the check expects or another occurrence carries, a catalogue code one digit away, the next
 *    number of an enumeration. Nothing about a particular rule is assumed: candidates come from the
 *    documented Finding fields (cells, expected, actual, difference, unit) and the Disclosure.
 * 2. Verification. Each candidate is applied to a copy of the Disclosure and the rule families are
 *    run again: only the parts that read the changed cell (a family, or one of its `checks`; a
 *    first run records which part reads which cell), and per-table families only on the tables
 *    the change is in. A candidate explains the findings that disappear; it is kept only if no new
 *    error or warning appears. Candidates that remove findings but add others are extended by a
 *    second change taken from the new findings (two cells that must change together).
 * 3. Choice. Explanations are taken greedily: most findings explained per changed cell, then more
 *    findings (two blanks filled together explain two findings; filling one of them alone explains
 *    one and leaves the other with no consistent change), then fewer cells, then fewer new notes
 *    (info). Several equally good explanations of the same findings are
 *    all listed (`ambiguous`); a best one with weaker rivals is `likely`; a unique one is `sure`.
 * 4. Copies. A chosen change of one figure, with findings left that name other cells holding exactly
 *    that figure (the same wrong figure typed into several tables), is tried with those cells changed
 *    the same way; verified like any candidate, it becomes the cause with all of them.
 *
 * Suggestions are shown, never applied: the Disclosure and the Grid are not modified.
 */
import Decimal from 'decimal.js';
import { Disclosure, Table } from '../disclosure';
import { Finding } from '../finding';
import { Grid, cellAt, cellText, parseRef } from '../grid';
import { MoneyUnit, UNIT_FACTOR, ZERO, formatYuan, fromYuan } from '../money';
import { RuleCheck, RuleContext, RuleFamily } from '../rules/types';
import { restrictTable } from '../rules/scope';
import { CodeCatalogue, parentCode, schemeOfCode } from '../codes/catalogue';
import { markerNumber } from '../rules/summary';
import { chineseNumber } from '../zh';
import { DisclosureIndex, Edit, TextSlot, amend, editKey, editsKey, indexDisclosure, pathPlace } from './amend';
import { Cause, Certainty, Change } from './types';
import { ReadLog, watchedDisclosure } from './track';

export interface DiagnoseInput {
  disclosure: Disclosure;
  /** Every finding of the workbook, each with its `id`. */
  findings: Finding[];
  families: RuleFamily[];
  codes: CodeCatalogue;
  grid?: Grid;
  /**
   * What each family found in the engine's run, when the caller has it: the diagnosis then does not
   * run the per-table families once more for its baseline.
   */
  baseline?: Map<Pick<RuleFamily, 'run'>, Finding[]>;
  /** Upper bound on rule re-runs (default 800). */
  maxRuns?: number;
  /** Upper bound on the time spent, in ms (default 2000): a badly broken workbook still answers. */
  maxMs?: number;
}

export interface Diagnosis {
  causes: Cause[];
  /** finding id → cause id */
  causeOf: Map<string, string>;
  /** How many times rule families were re-run (for the bench). */
  runs: number;
}

const TEN_THOUSAND = new Decimal(10000);
/** A ratio within 1 % of 10⁴ (or of 10⁻⁴) is read as a 元/万元 mix-up; Decimals, made once. */
const MIXUP_LOW = new Decimal(9900);
const MIXUP_HIGH = new Decimal(10100);
const MIXUP_LOW_INVERSE = new Decimal(1).dividedBy(MIXUP_HIGH);
const MIXUP_HIGH_INVERSE = new Decimal(1).dividedBy(MIXUP_LOW);
/**
 * Pairs of changes that no finding implies directly, tried per search for pairs (each verified like
 * any candidate). Counted in candidates, not in rule re-runs, so that cutting a rule family into
 * finer checks (more, cheaper re-runs) does not shorten the search. 4: the former budget of 20
 * re-runs let 3 or 4 such pairs through (about 5–7 re-runs each) on the examples and the 330
 * mutations; with 4 the causes found are the same.
 */
const PAIR_CANDIDATES = 4;
const serious = (f: Finding) => f.severity !== 'info';

/** Identity of a finding across runs: same rule, severity, cells and figures. */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.severity}|${f.cells.join(',')}|${f.expected ?? ''}|${f.actual ?? ''}|${f.text ? `${f.text.paragraph}:${f.text.start}` : ''}`;
}

interface Keyed {
  key: string;
  isSerious: boolean;
}
const keyed = (fs: Finding[]): Keyed[] => fs.map((f) => ({ key: findingKey(f), isSerious: serious(f) }));

interface Eval {
  edits: Edit[];
  /** Baseline serious finding keys that disappear. */
  removed: Set<string>;
  /** New serious findings. */
  added: Finding[];
  /** New info findings minus removed ones (a tie-breaker). */
  infoDelta: number;
}

/**
 * Runs each family once on a copy of the Disclosure whose amounts, rows, tables and stated names
 * record which family reads them: a change to a cell only needs the families that read it re-run.
 * Families in `skip` (per-table ones, re-run on the tables a change touches) are not run.
 */
function trackedBaseline(d: Disclosure, families: Unit[], ctx: Omit<RuleContext, 'disclosure'>, skip: Set<number>) {
  const log = new ReadLog();
  const tracked = watchedDisclosure(d, log);
  const outputs: Finding[][] = families.map((fam, i) => {
    if (skip.has(i)) return [];
    log.current = i;
    try {
      return fam.run({ ...ctx, disclosure: tracked });
    } catch {
      return [];
    } finally {
      log.current = -1;
    }
  });
  return { outputs, readers: log.readers };
}

/** What the diagnosis tracks and re-runs as one: a family, or one of its `checks`. */
type Unit = Pick<RuleFamily, 'id' | 'perTable' | 'run'> & Pick<RuleCheck, 'scope'> & { family: RuleFamily };
const unitsOf = (families: RuleFamily[]): Unit[] =>
  families.flatMap((f): Unit[] =>
    f.checks ? f.checks.map((c) => ({ id: f.id, perTable: f.perTable, run: c.run, scope: c.scope, family: f })) : [{ ...f, family: f }],
  );

/** The marker with its number replaced, in the same style: "十四、" → "十三、", "(3)" → "(2)". */
function renumber(marker: string, n: number): string | undefined {
  const m = /^([(（]?)([一二三四五六七八九十]+|\d+)(.*)$/.exec(marker);
  if (!m) return undefined;
  return `${m[1]}${/^\d+$/.test(m[2]) ? String(n) : chineseNumber(n)}${m[3]}`;
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { disclosure: d, codes, grid } = input;
  const families = unitsOf(input.families);
  // Nothing to explain (a clean workbook): no baseline, no runs.
  if (!input.findings.some(serious)) return { causes: [], causeOf: new Map(), runs: 0 };
  const maxRuns = input.maxRuns ?? 800;
  const deadline = Date.now() + (input.maxMs ?? 2000);
  /** Set when a budget stopped the search: an unseen rival might exist, so nothing is 'sure'. */
  let exhausted = false;
  const ctx = { codes, grid };
  const index = indexDisclosure(d);
  // Families whose findings on a table depend on that table alone are not tracked: a change re-runs
  // them on the tables it touches only. Their findings on a table are found when it is first touched.
  const perTableUnits = new Set<number>();
  families.forEach((fam, i) => fam.perTable && perTableUnits.add(i));
  const { outputs: tracked, readers } = trackedBaseline(d, families, ctx, perTableUnits);
  const runWhole = (fam: Unit): Finding[] => {
    try {
      return fam.run({ ...ctx, disclosure: d });
    } catch {
      return [];
    }
  };
  // The engine's own run gives their whole findings (the same as a run here would). Of a family run
  // as several checks only the whole is known: it stands for the first check, the others add
  // nothing (for per-table units the baseline is only counted, their findings on a table are
  // computed when it is touched).
  const base = tracked.map((out, i) => {
    if (!perTableUnits.has(i)) return out;
    const whole = input.baseline?.get(families[i].family);
    if (!whole) return runWhole(families[i]);
    return families.findIndex((u) => u.family === families[i].family) === i ? whole : [];
  });
  /** The part of table ti a scoped unit needs re-run for these changes (its columns, rows or blocks); undefined: all of it. */
  const scopeOf = (unit: Unit, ti: number, edits: Edit[]): Set<string> | Set<number> | undefined => {
    if (!unit.scope) return undefined;
    const part = new Set<string | number>();
    for (const e of edits) {
      if (e.kind !== 'amount') return undefined;
      for (const s2 of index.amounts.get(e.cell) ?? []) {
        const at = pathPlace(s2.path);
        if (at.table !== ti) continue;
        if (unit.scope === 'block') {
          if (at.block === undefined) return undefined;
          part.add(at.block);
          continue;
        }
        // A form field or a block line is not a figure of a row and column.
        if (at.key === undefined) return undefined;
        part.add(unit.scope === 'column' ? at.key : at.row!);
      }
    }
    return part as Set<string> | Set<number>;
  };
  const view = (unit: Unit, t: Table, part: Set<string> | Set<number> | undefined): Table => (part ? restrictTable(t, unit.scope!, part) : t);
  const tableKeyed = new Map<string, Keyed[]>();
  /** Unit i's findings on table ti alone (on `part` of it for a scoped unit), keyed. */
  const onTable = (i: number, ti: number, part?: Set<string> | Set<number>): Keyed[] => {
    const k = `${i}#${ti}#${part ? [...part].sort().join(',') : '*'}`;
    let out = tableKeyed.get(k);
    if (!out) {
      try {
        out = keyed(families[i].run({ ...ctx, disclosure: { ...d, tables: [view(families[i], d.tables[ti], part)] } }));
      } catch {
        out = [];
      }
      tableKeyed.set(k, out);
    }
    return out;
  };
  let runs = families.length;
  /**
   * The tables the changes are in (path ['tables', i, …]); undefined when one is elsewhere (a
   * cover's unit name) or fills an unreadable cell: the family is then run on the whole Disclosure.
   */
  const tablesOf = (edits: Edit[]): Set<number> | undefined => {
    const out = new Set<number>();
    for (const e of edits) {
      if (e.kind === 'insert') return undefined;
      const slots = e.kind === 'amount' ? index.amounts.get(e.cell) : index.texts.get(e.cell)?.filter((t) => t.kind === e.slot);
      for (const s2 of slots ?? []) {
        const { table } = pathPlace(s2.path);
        if (table === undefined) return undefined;
        out.add(table);
      }
    }
    return out;
  };

  const baseKeyed = base.map(keyed);
  const baseKeys = new Set<string>();
  const baseInfo = new Set<string>();
  /** How many times each baseline finding occurs (two parts may give the same one). */
  const baseCount = new Map<string, number>();
  for (const out of baseKeyed) {
    for (const { key, isSerious } of out) {
      (isSerious ? baseKeys : baseInfo).add(key);
      baseCount.set(key, (baseCount.get(key) ?? 0) + 1);
    }
  }
  const baseSerious = base.flat().filter(serious);
  const unreadable = [...index.unreadable.values()];
  const causeOf = new Map<string, string>();
  if (baseSerious.length === 0 && unreadable.length === 0) return { causes: [], causeOf, runs };

  // ------------------------------------------------------------------ evaluation
  const cache = new Map<string, Eval>();
  /** Part index # the changes it reads → its findings before and after them. */
  const partCache = new Map<string, { old: Keyed[]; fresh: Finding[] }>();
  const evaluate = (edits: Edit[], key = editsKey(edits)): Eval | undefined => {
    const hit = cache.get(key);
    if (hit) return hit;
    if (runs >= maxRuns || Date.now() > deadline) {
      exhausted = true;
      return undefined;
    }
    const inserts = edits.some((e) => e.kind === 'insert');
    let rerun: Set<number>;
    if (!inserts) {
      rerun = new Set<number>(perTableUnits);
      for (const e of edits) for (const i of readers.get(e.cell) ?? []) rerun.add(i);
    } else {
      // A cell that was unreadable had no Amount to watch: every family may read it now.
      rerun = new Set(families.map((_, i) => i));
    }
    let amended: Disclosure | undefined;
    // Only the re-run parts can change: the findings they had (`old`) against what they give now.
    const old: Keyed[] = [];
    const fresh: Finding[] = [];
    families.forEach((fam, i) => {
      if (!rerun.has(i)) return;
      // A part's findings depend only on the changes to cells it reads: a pair of changes reuses
      // what each part gave for the one change that concerns it.
      const own = inserts || perTableUnits.has(i) ? edits : edits.filter((e) => readers.get(e.cell)?.has(i));
      const partKey = `${i}#${editsKey(own)}`;
      let part = partCache.get(partKey);
      if (!part) {
        const perTable = perTableUnits.has(i);
        const checks = fam.family.checksTable;
        // The changed tables this per-table unit checks at all (undefined: run it on everything).
        const touched = perTable ? tablesOf(own) : undefined;
        if (touched && checks) for (const ti of touched) if (!checks(d.tables[ti])) touched.delete(ti);
        part = { old: [], fresh: [] };
        if (touched?.size === 0) {
          partCache.set(partKey, part);
          return;
        }
        runs++;
        amended ??= amend(d, index, edits);
        try {
          if (perTable && touched) {
            for (const ti of touched) {
              const scope = scopeOf(fam, ti, own);
              part.old.push(...onTable(i, ti, scope));
              part.fresh.push(...fam.run({ ...ctx, disclosure: { ...amended, tables: [view(fam, amended.tables[ti], scope)] } }));
            }
          } else {
            part.old = baseKeyed[i];
            part.fresh = fam.run({ ...ctx, disclosure: amended });
          }
        } catch (e) {
          part.fresh = [{ rule: `${fam.id}.internal`, severity: 'error', message: String(e), cells: [] }];
        }
        partCache.set(partKey, part);
      }
      old.push(...part.old);
      fresh.push(...part.fresh);
    });
    const freshCount = new Map<string, number>();
    const added: Finding[] = [];
    let infoDelta = 0;
    for (const f of fresh) {
      const k = findingKey(f);
      freshCount.set(k, (freshCount.get(k) ?? 0) + 1);
      if (serious(f)) {
        if (!baseKeys.has(k)) added.push(f);
      } else if (!baseInfo.has(k)) infoDelta++;
    }
    // A baseline finding is gone when no part gives it any more: none of the re-run parts, and no
    // part that was not re-run (all its occurrences were in the re-run parts).
    const oldCount = new Map<string, number>();
    for (const o of old) oldCount.set(o.key, (oldCount.get(o.key) ?? 0) + 1);
    const removed = new Set<string>();
    for (const [k, n] of oldCount) {
      if (freshCount.has(k) || (baseCount.get(k) ?? 0) > n) continue;
      if (baseKeys.has(k)) removed.add(k);
      else infoDelta--;
    }
    const ev: Eval = { edits, removed, added, infoDelta };
    cache.set(key, ev);
    return ev;
  };

  // ------------------------------------------------------------------ candidates
  const valueOf = (cell: string, edits: Edit[]): Decimal | undefined => {
    const e = edits.find((x) => x.cell === cell && x.kind !== 'text');
    if (e && e.kind !== 'text') return e.value;
    const slot = index.amounts.get(cell)?.[0];
    if (slot) return slot.amount.value;
    return index.unreadable.has(cell) ? ZERO : undefined;
  };
  const tableOf = (cell: string): Table | undefined => index.amounts.get(cell)?.[0]?.table ?? index.unreadable.get(cell)?.table;
  const decimalsOf = (cell: string): number => {
    const t = tableOf(cell);
    const a = index.amounts.get(cell)?.[0]?.amount;
    return !t || t.unit === '元' ? 2 : Math.max(a && !a.blank ? a.decimals : 2, 2);
  };
  /** A value as it could be typed into the cell: rounded to the decimals its table prints. */
  const printable = (cell: string, v: Decimal): Decimal => {
    const unit = tableOf(cell)?.unit ?? '元';
    return fromYuan(v, unit).toDecimalPlaces(decimalsOf(cell), Decimal.ROUND_HALF_UP).times(UNIT_FACTOR[unit]);
  };
  const gapOf = (f: Finding): Decimal | undefined => {
    if (f.unit === 'text' || f.unit === '%') return undefined;
    const num = (s: string | undefined) => (s !== undefined && /^-?\d+(\.\d+)?$/.test(s) ? new Decimal(s) : undefined);
    let gap = num(f.difference);
    if (!gap) {
      const e = num(f.expected);
      const a = num(f.actual);
      if (e && a) gap = a.minus(e);
    }
    if (!gap) return undefined;
    return f.unit === '万元' ? gap.times(TEN_THOUSAND) : gap;
  };

  /**
   * Candidate changes a finding implies. By the Finding contract the first cell holds the `actual`
   * figure and the others the figures it must agree with, so the first moves by −difference and the
   * others by +difference; `bothSigns` tries both for every cell (for findings that stay unexplained).
   */
  const candidates = (f: Finding, edits: Edit[], bothSigns = false): Edit[][] => {
    const out: Edit[][] = [];
    const edited = new Set(edits.map((e) => e.cell));
    const gap = gapOf(f);
    f.cells.forEach((cell, ci) => {
      if (edited.has(cell)) return;
      const amountSlot = index.amounts.get(cell)?.[0];
      const isUnreadable = index.unreadable.get(cell)?.path;
      if (amountSlot || isUnreadable) {
        // A blank amount whose cell holds words is a label recognition pointed at (a form's empty
        // field): typing a figure there would overwrite the label, so it is not a candidate.
        if (amountSlot?.amount.blank && !/^[\s\u3000\-—–/－*]*$/.test(gridText(grid, cell) ?? '')) return;
        const kind = amountSlot ? 'amount' : 'insert';
        const x = valueOf(cell, edits)!;
        const values: Decimal[] = [];
        if (gap && !gap.isZero()) {
          values.push(...(bothSigns ? [x.minus(gap), x.plus(gap)] : [ci === 0 ? x.minus(gap) : x.plus(gap)]));
          // A 元/万元 mix-up: a value the check implies (either way round: a mix-up finding names the
          // mixed-up addend first) is about 10⁴ times or a 10⁴th of the printed one.
          if (!x.isZero()) {
            for (const v of [x.minus(gap), x.plus(gap)]) {
              const ratio = v.dividedBy(x).abs();
              if (ratio.gte(MIXUP_LOW) && ratio.lte(MIXUP_HIGH)) values.push(x.times(TEN_THOUSAND));
              if (ratio.gte(MIXUP_LOW_INVERSE) && ratio.lte(MIXUP_HIGH_INVERSE)) values.push(x.dividedBy(TEN_THOUSAND));
            }
          }
        }
        if (amountSlot?.amount.blank) values.push(ZERO);
        for (const raw of values) {
          const v = printable(cell, raw);
          if (v.isNegative() && !x.isNegative()) continue;
          if (kind === 'amount' && v.eq(x) && !amountSlot!.amount.blank) continue;
          out.push([{ kind, cell, value: v }]);
        }
        return;
      }
      for (const slot of index.texts.get(cell) ?? []) {
        const values = new Set<string>();
        if (f.unit === 'text' && f.expected && cell === f.cells[0]) values.add(f.expected);
        if (!(f.unit === 'text' && f.expected)) {
          // The value another occurrence named by the same check carries.
          for (const other of f.cells) {
            if (other === cell) continue;
            for (const s of index.texts.get(other) ?? []) if (s.kind === slot.kind && s.kind !== 'marker') values.add(s.value);
          }
        }
        if (slot.kind === 'code') for (const c of neighbourCodes(slot.value)) values.add(c);
        if (slot.kind === 'name' && slot.row?.code) {
          const scheme = schemeOfCode(slot.row.code);
          const entry = scheme ? codes.get(scheme, slot.row.code) : undefined;
          if (entry) values.add(entry.name);
        }
        values.delete(slot.value);
        for (const v of values) out.push([{ kind: 'text', cell, slot: slot.kind, value: v }]);
        if (slot.kind === 'marker') {
          const seq = renumbering(slot);
          if (seq) out.push(seq);
        }
      }
    });
    return out;
  };

  /**
   * Codes one slip away from `code` — one digit mistyped, or two neighbouring digits swapped
   * (2010150 for 2010105) — that are used elsewhere in the workbook, or are in the catalogue under
   * a parent the workbook has.
   */
  function neighbourCodes(code: string): string[] {
    if (!/^\d+$/.test(code)) return [];
    const here: string[] = [];
    const listed: string[] = [];
    const scheme = schemeOfCode(code);
    const consider = (c: string) => {
      if (index.codes.has(c)) here.push(c);
      else if (scheme && schemeOfCode(c) === scheme && codes.get(scheme, c) && (parentCode(c) === undefined || index.codes.has(parentCode(c)!))) listed.push(c);
    };
    // Swaps first: of the catalogue's codes only the first few are kept, and a swap is the likelier slip.
    for (let i = 0; i + 1 < code.length; i++) {
      if (code[i] !== code[i + 1]) consider(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
    }
    for (let i = 0; i < code.length; i++) {
      for (let dgt = 0; dgt <= 9; dgt++) {
        if (String(dgt) !== code[i]) consider(code.slice(0, i) + dgt + code.slice(i + 1));
      }
    }
    return [...here, ...listed.slice(0, 4)];
  }

  /** An enumeration out of sequence: this line and the following ones renumbered from its predecessor. */
  function renumbering(slot: TextSlot): Edit[] | undefined {
    const b = slot.block && d.tables[slot.block.tableIndex].blocks?.[slot.block.blockIndex];
    if (!b || !slot.row) return undefined;
    const rows = b.rows;
    const i = slot.block!.rowIndex;
    const level = slot.row.level;
    let prev: number | undefined;
    for (let j = i - 1; j >= 0; j--) {
      if (rows[j].isTotal || rows[j].level < level) break;
      if (rows[j].level === level && markerNumber(rows[j].marker) !== undefined) {
        prev = markerNumber(rows[j].marker);
        break;
      }
    }
    const n = markerNumber(slot.value);
    if (prev === undefined || n === undefined || n === prev + 1) return undefined;
    const edits: Edit[] = [];
    let expect = n;
    let next = prev + 1;
    for (let j = i; j < rows.length; j++) {
      const r = rows[j];
      if (r.isTotal || r.level < level) break;
      if (r.level !== level || !r.marker || !r.nameCell) continue;
      if (markerNumber(r.marker) !== expect) break;
      const m = renumber(r.marker, next);
      if (!m) break;
      edits.push({ kind: 'text', cell: r.nameCell, slot: 'marker', value: m });
      expect++;
      next++;
    }
    return edits.length ? edits : undefined;
  }

  // ------------------------------------------------------------------ search
  const evals: Eval[] = [];
  const tried = new Set<string>();
  const tryEdits = (edits: Edit[], key = editsKey(edits)): Eval | undefined => {
    if (tried.has(key)) return cache.get(key);
    tried.add(key);
    const ev = evaluate(edits, key);
    if (ev) evals.push(ev);
    return ev;
  };
  // Unreadable cells: first see which checks they take part in (as if they held 0).
  for (const u of unreadable) {
    if (!u.path) continue;
    const zero: Edit = { kind: 'insert', cell: u.cell, value: ZERO };
    const ev = tryEdits([zero]);
    for (const f of ev?.added ?? []) if (f.cells.includes(u.cell)) for (const c of candidates(f, [])) if (c.every((e) => e.cell === u.cell)) tryEdits(c);
  }
  const explained = () => {
    const keys = new Set<string>();
    for (const e of evals) if (e.added.length === 0) for (const k of e.removed) keys.add(k);
    return keys;
  };
  /** Single changes some finding of the workbook implies (evaluated first). */
  const implied = new Set<string>();
  let truncated = false;
  const pairs = () => {
    // Two cells that must change together: a first change that removes findings no single change
    // explains but adds some, completed by a change the new findings imply. Completions that the
    // workbook's own findings also imply are tried first; the others within a budget of runs.
    const done = explained();
    const firsts = evals.filter((e) => e.edits.length === 1 && e.added.length > 0 && e.added.length <= 4 && [...e.removed].some((k) => !done.has(k)));
    firsts.sort((a, b) => b.removed.size - a.removed.size || a.added.length - b.added.length);
    const later: Edit[][] = [];
    for (const e1 of firsts) {
      for (const f of e1.added) {
        for (const c of candidates(f, e1.edits)) {
          // Every finding the first change brought must go, and a finding names every cell whose
          // figure or text it compares (the Finding contract): one that names none of the second
          // change's cells stays whatever that change is, and the pair cannot be clean.
          const touched = new Set(c.map((e) => e.cell));
          if (!e1.added.every((g) => g.cells.some((cell) => touched.has(cell)))) continue;
          // Both changes must be needed: a second change that is clean on its own is a separate cause.
          const ck = editsKey(c);
          const alone = cache.get(ck);
          if (alone && alone.added.length === 0 && alone.removed.size > 0) continue;
          if (implied.has(ck)) tryEdits([...e1.edits, ...c]);
          else later.push([...e1.edits, ...c]);
        }
      }
    }
    let left = PAIR_CANDIDATES;
    for (const edits of later) {
      const key = editsKey(edits);
      if (tried.has(key)) continue;
      if (left === 0) {
        truncated = true;
        break;
      }
      left--;
      tryEdits(edits, key);
    }
  };
  for (const f of baseSerious) {
    for (const c of candidates(f, [])) {
      const key = editsKey(c);
      implied.add(key);
      tryEdits(c, key);
    }
  }
  pairs();
  // Findings still unexplained: try the other direction for each of their cells.
  const done = explained();
  const open = baseSerious.filter((f) => !done.has(findingKey(f)));
  if (open.length) {
    for (const f of open) for (const c of candidates(f, [], true)) tryEdits(c);
    pairs();
  }

  // ------------------------------------------------------------------ choice
  const explanations = evals.filter((e) => e.added.length === 0 && e.removed.size > 0);
  const byKey = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const k = findingKey(f);
    byKey.set(k, [...(byKey.get(k) ?? []), f]);
  }
  /** How much an explanation changes, relative to the figures it changes (text changes count 1 each). */
  const magnitude = (ev: Eval) =>
    ev.edits.reduce((n, e) => {
      if (e.kind === 'text') return n + 1;
      const x = e.kind === 'amount' ? index.amounts.get(e.cell)![0].amount.value : ZERO;
      const base = Decimal.max(x.abs(), e.value.abs());
      return n + (base.isZero() ? 0 : e.value.minus(x).abs().dividedBy(base).toNumber());
    }, 0);
  const remaining = new Set(baseKeys);
  const fixed = new Map<string, string>(); // cell → edit key of the cause that changes it
  const chosen: { ev: Eval; options: Eval[]; certainty: Certainty; keys: string[]; unreadable?: string }[] = [];
  const conflicts = (ev: Eval) => ev.edits.some((e) => fixed.has(e.cell) && fixed.get(e.cell) !== editKey(e));
  const take = (ev: Eval, keys: string[], options: Eval[], certainty: Certainty, unreadableCell?: string) => {
    for (const k of keys) remaining.delete(k);
    for (const o of options) for (const e of o.edits) fixed.set(e.cell, editKey(e));
    chosen.push({ ev, options, certainty, keys, unreadable: unreadableCell });
  };

  // Each unreadable cell is one cause, whatever it blocks. Several unreadable cells in the same
  // sums can only be solved together: their values are then chosen jointly (each in turn, keeping
  // the best, twice round) and verified as one change.
  const singleInserts = (cell: string) => evals.filter((e) => e.edits.length === 1 && e.edits[0].cell === cell && e.edits[0].kind === 'insert');
  const cleanOf = (cell: string) =>
    singleInserts(cell)
      .filter((e) => e.added.length === 0 && e.removed.size > 0)
      .sort((a, b) => b.removed.size - a.removed.size || a.infoDelta - b.infoDelta);
  const placed = unreadable.filter((u) => u.path);
  let joint: { values: Map<string, Edit>; ev: Eval } | undefined;
  if (placed.length >= 2 && placed.some((u) => cleanOf(u.cell).length === 0)) {
    const cost = (ev: Eval | undefined) => (ev ? ev.added.length + baseKeys.size - ev.removed.size : Infinity);
    const values = new Map<string, Edit>();
    for (const u of placed) {
      const opts = singleInserts(u.cell).sort((a, b) => cost(a) - cost(b));
      values.set(u.cell, opts[0]?.edits[0] ?? { kind: 'insert', cell: u.cell, value: ZERO });
    }
    let cur = evaluate([...values.values()]);
    for (let pass = 0; pass < 2; pass++) {
      for (const u of placed) {
        for (const o of singleInserts(u.cell)) {
          const trial = new Map(values).set(u.cell, o.edits[0]);
          const ev = evaluate([...trial.values()]);
          if (cost(ev) < cost(cur)) {
            cur = ev;
            values.set(u.cell, o.edits[0]);
          }
        }
      }
    }
    if (cur && cur.added.length === 0) joint = { values, ev: cur };
  }
  const near = (u: string, f: Finding | undefined) => {
    const p = parseRef(u);
    return !!p && !!f && f.cells.some((c) => {
      const q = parseRef(c);
      return !!q && q.sheet === p.sheet && (q.row === p.row || q.col === p.col);
    });
  };
  const baseByKey = new Map(baseSerious.map((f) => [findingKey(f), f]));
  for (const u of unreadable) {
    if (joint && joint.values.has(u.cell)) {
      const edit = joint.values.get(u.cell)!;
      const single = cache.get(editKey(edit));
      // A finding the joint change removes belongs to the cell whose own value removes it, else to a
      // cell in its row or column, else to the first unreadable cell.
      const keys = [...joint.ev.removed].filter(
        (k) => remaining.has(k) && (single?.removed.has(k) || (!placed.some((o) => cache.get(editKey(joint!.values.get(o.cell)!))?.removed.has(k)) && (near(u.cell, baseByKey.get(k)) || (u === placed[0] && !placed.some((o) => near(o.cell, baseByKey.get(k))))))),
      );
      take({ edits: [edit], removed: new Set(keys), added: [], infoDelta: 0 }, keys, [], 'likely', u.cell);
      continue;
    }
    const clean = cleanOf(u.cell);
    const best = clean[0];
    const keys = best ? [...best.removed].filter((k) => remaining.has(k)) : [];
    const equal = best ? clean.filter((e) => e.removed.size === best.removed.size && e.infoDelta === best.infoDelta) : [];
    const certainty: Certainty = !best ? 'sure' : equal.length > 1 ? 'ambiguous' : clean.length > 1 ? 'likely' : 'sure';
    take(best ?? { edits: [], removed: new Set(), added: [], infoDelta: 0 }, keys, equal.length > 1 ? equal : best ? [best] : [], certainty, u.cell);
  }

  for (;;) {
    let best: Eval | undefined;
    let bestScore: number[] = [];
    for (const ev of explanations) {
      if (conflicts(ev)) continue;
      const gain = [...ev.removed].filter((k) => remaining.has(k)).length;
      if (gain === 0) continue;
      // Most findings per changed cell (a cell that disagrees with more checks is the likelier
      // suspect), then more findings at that rate (a pair that explains two leaves nothing behind,
      // where a single change that explains one of them would block the other's only consistent
      // change), then fewer cells, then fewer new notes, then the smaller change.
      const score = [gain / ev.edits.length, gain, -ev.edits.length, -ev.infoDelta, -magnitude(ev)];
      if (!best || better(score, bestScore)) {
        best = ev;
        bestScore = score;
      }
    }
    if (!best) break;
    const keys = [...best.removed].filter((k) => remaining.has(k));
    // Rivals: other explanations with no more cells that remove some of the same findings.
    const rivals = explanations.filter(
      (e) => e !== best && !conflicts(e) && e.edits.length <= best!.edits.length && keys.some((k) => e.removed.has(k)) && !sameCells(e, best!),
    );
    // Equally good: as few cells, the same findings, no more new notes. Listed smallest change first.
    const equal = rivals
      .filter((e) => e.edits.length === best!.edits.length && keys.every((k) => e.removed.has(k)) && e.infoDelta === best!.infoDelta)
      .sort((a, b) => magnitude(a) - magnitude(b));
    // When the search for pairs was cut short, an unseen pair could rival a pair: not 'sure' then.
    const certainty: Certainty = equal.length ? 'ambiguous' : rivals.length || exhausted || (truncated && best.edits.length > 1) ? 'likely' : 'sure';
    take(best, keys, [best, ...equal], certainty);
  }

  // The same wrong figure typed into several tables (上海 普陀: 21201 +1 元 in 收入总表, 支出总表 and
  // 功能分类表, in each one's 合计 and source columns): a cause that changes one figure, while findings
  // are left that name other cells holding exactly that figure, is tried with those cells changed the
  // same way. Changed alone, each copy disagreed with the others and none was a cause; changed
  // together they are one, if the rules confirm it (nothing new appears).
  if (remaining.size) {
    for (const c of chosen) {
      if (c.unreadable || c.options.length !== 1 || c.ev.edits.length !== 1 || c.ev.edits[0].kind !== 'amount') continue;
      const edit = c.ev.edits[0];
      const was = index.amounts.get(edit.cell)![0].amount.value;
      const copies = new Set<string>();
      for (const k of remaining) {
        for (const cell of baseByKey.get(k)?.cells ?? []) {
          const slot = index.amounts.get(cell)?.[0];
          if (cell !== edit.cell && !fixed.has(cell) && slot && !slot.amount.blank && slot.amount.value.eq(was)) copies.add(cell);
        }
      }
      if (copies.size === 0) continue;
      const joint = evaluate([edit, ...[...copies].map((cell): Edit => ({ kind: 'amount', cell, value: edit.value }))]);
      if (!joint || joint.added.length > 0) continue;
      const more = [...joint.removed].filter((k) => remaining.has(k));
      if (more.length === 0) continue;
      for (const k of more) remaining.delete(k);
      for (const e of joint.edits) fixed.set(e.cell, editKey(e));
      c.ev = joint;
      c.options = [joint];
      c.keys = [...c.keys, ...more];
    }
  }

  // ------------------------------------------------------------------ output
  const idsOf = (keys: string[]) => keys.flatMap((k) => (byKey.get(k) ?? []).map((f) => f.id!)).filter(Boolean);
  const causes: (Cause & { weight: number[] })[] = [];
  for (const c of chosen) {
    const changesOf = (ev: Eval): Change[] => ev.edits.map((e) => change(e, index, grid, decimalsOf));
    let ids = idsOf(c.keys);
    const changes = c.unreadable && c.ev.edits.length === 0 ? [unreadableChange(c.unreadable, index)] : changesOf(c.ev);
    if (c.unreadable) {
      const read = input.findings.filter((f) => f.rule.startsWith('read.') && f.cells[0] === c.unreadable).map((f) => f.id!);
      ids = [...read, ...ids.filter((i) => !read.includes(i))];
    }
    if (ids.length === 0) continue;
    const options = c.options.length > 1 ? c.options.map(changesOf) : undefined;
    const fs = ids.map((id) => input.findings.find((f) => f.id === id)!).filter(Boolean);
    causes.push({
      id: '',
      changes,
      ...(options ? { options } : {}),
      findings: ids,
      certainty: c.certainty,
      kind: c.unreadable ? 'unreadable' : 'value',
      message: '',
      weight: [fs.filter((f) => f.severity === 'error').length, fs.length],
    });
  }
  const merged = mergeCopies(mergeSameText(causes), index);
  merged.sort((a, b) => b.weight[0] - a.weight[0] || b.weight[1] - a.weight[1]);
  const out: Cause[] = merged.map(({ weight: _w, ...c }, i) => {
    const cause = { ...c, id: `C${i + 1}` };
    cause.message = causeMessage(cause, input.findings);
    for (const fid of cause.findings) causeOf.set(fid, cause.id);
    return cause;
  });
  return { causes: out, causeOf, runs };
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i] + 1e-12) return true;
    if (a[i] < b[i] - 1e-12) return false;
  }
  return false;
}

function sameCells(a: Eval, b: Eval): boolean {
  const ka = a.edits.map((e) => e.cell).sort().join(',');
  return ka === b.edits.map((e) => e.cell).sort().join(',') && a.edits.map(editKey).sort().join() === b.edits.map(editKey).sort().join();
}

/** The same wrong text typed in several cells (a unit's name on the cover and in 表14) is one mistake. */
function mergeSameText<T extends Cause & { weight: number[] }>(causes: T[]): T[] {
  const out: T[] = [];
  const byMapping = new Map<string, T>();
  for (const c of causes) {
    const ch = c.changes[0];
    if (c.changes.length !== 1 || c.options || ch.unit !== 'text' || c.kind !== 'value') {
      out.push(c);
      continue;
    }
    const key = `${c.certainty}|${textCore(ch)}`;
    const prev = byMapping.get(key);
    if (prev) {
      prev.changes.push(ch);
      prev.findings.push(...c.findings);
      prev.weight = prev.weight.map((w, i) => w + c.weight[i]);
    } else {
      byMapping.set(key, c);
      out.push(c);
    }
  }
  return out;
}

/**
 * The same mistake in two parts of a template with parts (河北: the 部门's tables, then the same
 * tables for each 单位; with one 单位 the two are copies): the same figure of the same table, wrong
 * the same way and put right the same way, is one cause with a change in each part.
 */
function mergeCopies<T extends Cause & { weight: number[] }>(causes: T[], index: DisclosureIndex): T[] {
  /** Where a figure sits apart from its part: the table's profile id and the path inside the table. */
  const placeOf = (cell: string): { at: string; part: string } | undefined => {
    const slot = index.amounts.get(cell)?.[0];
    if (!slot?.table.part) return undefined;
    return { at: `${slot.table.id}|${slot.path.slice(2).join('/')}`, part: slot.table.part };
  };
  const signature = (c: T): { key: string; part: string } | undefined => {
    if (c.kind !== 'value') return undefined;
    let part: string | undefined;
    const sets: string[] = [];
    for (const set of c.options ?? [c.changes]) {
      const items: string[] = [];
      for (const ch of set) {
        const p = ch.unit === 'text' ? undefined : placeOf(ch.cell);
        if (!p || (part !== undefined && p.part !== part)) return undefined;
        part = p.part;
        items.push(`${p.at}=${ch.current}→${ch.suggested}`);
      }
      sets.push(items.join('&'));
    }
    return part === undefined ? undefined : { key: `${c.certainty}|${sets.join(';')}`, part };
  };
  const out: T[] = [];
  const first = new Map<string, T>();
  for (const c of causes) {
    const sig = signature(c);
    const prev = sig && first.get(sig.key);
    if (!sig || !prev || prev.parts?.includes(sig.part)) {
      if (sig && !prev) first.set(sig.key, Object.assign(c, { parts: [sig.part] }));
      out.push(c);
      continue;
    }
    prev.changes.push(...c.changes);
    if (prev.options && c.options) prev.options = prev.options.map((o, i) => [...o, ...c.options![i]]);
    prev.findings.push(...c.findings);
    prev.weight = prev.weight.map((w, i) => w + c.weight[i]);
    prev.parts!.push(sig.part);
  }
  // A cause found in one part only says nothing about parts.
  for (const c of out) if (c.parts && c.parts.length < 2) delete c.parts;
  return out;
}

/** What changes in a text cell, without the parts of the cell that stay ("单位名称：" …). */
function textCore(ch: Change): string {
  const a = ch.current;
  const b = ch.suggested ?? '';
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  // Keep whole words: extend to the full cell minus a label such as "单位名称：".
  const strip = (s: string) => s.replace(/^[^：:]*[：:]/, '').trim();
  return `${strip(a)}→${strip(b)}|${a.slice(i, a.length - j)}→${b.slice(i, b.length - j)}`;
}

function gridText(grid: Grid | undefined, cell: string): string | undefined {
  const p = parseRef(cell);
  const sheet = p && grid?.sheets.find((s) => s.name === p.sheet);
  if (!p || !sheet) return undefined;
  const c = cellAt(sheet, p.row, p.col);
  // Untrimmed: leading full-width spaces are the row's indentation and stay in the suggestion.
  return c && c.v !== null && c.v !== undefined ? (typeof c.v === 'object' ? cellText(c.v) : String(c.v)) : undefined;
}

function amountText(yuan: Decimal, unit: MoneyUnit, decimals: number): string {
  return fromYuan(yuan, unit).toFixed(decimals);
}

function change(e: Edit, index: DisclosureIndex, grid: Grid | undefined, decimalsOf: (cell: string) => number): Change {
  if (e.kind === 'text') {
    const slot = (index.texts.get(e.cell) ?? []).find((s) => s.kind === e.slot)!;
    const current = gridText(grid, e.cell) ?? slot.value;
    let suggested = current.includes(slot.value) ? current.replace(slot.value, e.value) : e.value;
    if (slot.kind === 'marker' && slot.row?.name && !current.includes(slot.value)) suggested = e.value + slot.row.name.slice(slot.value.length);
    return { cell: e.cell, current, suggested, unit: 'text' };
  }
  const dp = decimalsOf(e.cell);
  if (e.kind === 'insert') {
    const u = index.unreadable.get(e.cell)!;
    const unit = u.table?.unit ?? '元';
    return { cell: e.cell, current: u.raw, suggested: amountText(e.value, unit, dp), unit };
  }
  const slot = index.amounts.get(e.cell)![0];
  const unit = slot.table.unit;
  return {
    cell: e.cell,
    current: slot.amount.blank ? '' : amountText(slot.amount.value, unit, Math.max(dp, unit === '元' ? 2 : slot.amount.decimals)),
    suggested: amountText(e.value, unit, dp),
    unit,
  };
}

function unreadableChange(cell: string, index: DisclosureIndex): Change {
  const u = index.unreadable.get(cell)!;
  return { cell, current: u.raw, unit: u.table?.unit ?? '元' };
}

/** "48,978.00", "150.94 万元", "“表6”", "（空）" — a change's value for messages. */
/** A change's value as the report shows it: "48,978.00" (元), "46.52 万元", "“115002”", "空白". */
export function shownValue(s: string | undefined, unit: Change['unit']): string {
  if (s === undefined) return '';
  if (unit === 'text') return `“${s.trim()}”`;
  if (s === '') return '空白';
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [int, frac] = new Decimal(s).toFixed(Math.max(2, s.split('.')[1]?.length ?? 0)).split('.');
  const grouped = formatYuan(new Decimal(int)).split('.')[0];
  return `${grouped}.${frac}${unit === '元' ? '' : ` ${unit}`}`;
}

function counted(findings: Finding[]): string {
  const e = findings.filter((f) => f.severity === 'error').length;
  const w = findings.filter((f) => f.severity === 'warning').length;
  return [e ? `${e} 项错误` : '', w ? `${w} 项警告` : ''].filter(Boolean).join('、') || `${findings.length} 项问题`;
}

/** "表4!F10 应为 0.00（现为 48,978.00）"; `cells`: where the same change is made (copies in several parts). */
function changeText(ch: Change, cells: string[] = [ch.cell]): string {
  return `${cells.join('、')} 应为 ${shownValue(ch.suggested, ch.unit)}（现为 ${shownValue(ch.current, ch.unit)}）`;
}

export function causeMessage(c: Cause, findings: Finding[]): string {
  const fs = c.findings.map((id) => findings.find((f) => f.id === id)).filter((f): f is Finding => !!f);
  if (c.kind === 'unreadable') {
    const ch = c.changes[0];
    const blocked = fs.filter((f) => !f.rule.startsWith('read.'));
    const head = `${ch.cell} 无法读取为金额（${ch.current}）`;
    if (ch.suggested === undefined) return `${head}，涉及它的核对未能完成；请改为数字。`;
    return `${head}，按其他数字应为 ${shownValue(ch.suggested, ch.unit)}${blocked.length ? `：改正后另有 ${counted(blocked)}随之消失` : ''}。`;
  }
  // The same figure in several parts: said once, with the cells of every part.
  const copies = c.parts && c.parts.length > 1 ? c.parts.length : 1;
  const said = (set: Change[]): string => {
    // The same change in several cells (one figure typed wrong in several tables): said once.
    if (copies === 1 && set.length > 1 && set.every((ch) => ch.current === set[0].current && ch.suggested === set[0].suggested && ch.unit === set[0].unit)) {
      return changeText(set[0], set.map((ch) => ch.cell));
    }
    const one = set.slice(0, set.length / copies);
    return one.map((ch, i) => changeText(ch, set.filter((_, j) => j % one.length === i).map((x) => x.cell))).join('，');
  };
  const inParts = copies > 1 ? `（${copies === 2 ? '两' : ` ${copies} `}个部分的同一张表中的同一个数）` : '';
  if (c.certainty === 'ambiguous' && c.options) {
    return `以下修改任选其一都能消除 ${counted(fs)}，无法判断哪一处有误：${c.options.map(said).join('；或 ')}${inParts}。`;
  }
  const what = said(c.changes);
  const tail = c.changes.length > copies ? `：一并修改可消除 ${counted(fs)}` : `：消除 ${counted(fs)}`;
  return `${what}${inParts}${tail}${c.certainty === 'likely' ? '（可能性最大）' : ''}`;
}
