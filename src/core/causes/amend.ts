/**
 * Where each cell lives in a Disclosure, and copies of the Disclosure with some cells changed.
 *
 * Re-running the rules on an amended Disclosure is far cheaper than re-reading the workbook: an
 * amended copy shares every object with the original except the containers on the path to the
 * changed values (copy on write), so building one costs a few object spreads.
 *
 * Only the documented Disclosure fields are touched (amounts, row codes and names, block markers,
 * 表号, stated unit names), never anything a particular rule computes.
 */
import Decimal from 'decimal.js';
import { Amount, Disclosure, Row, Table } from '../disclosure';
import { MoneyUnit } from '../money';
import { parseRef } from '../grid';

type Path = (string | number)[];

/**
 * Where a slot's path leads: the index of its table; for a figure on a table row (not a block
 * line, not a form field) the row index and column key; for a block line, the block index. The
 * paths are built below.
 */
export function pathPlace(path: Path): { table?: number; row?: number; key?: string; block?: number } {
  if (path[0] !== 'tables' || typeof path[1] !== 'number') return {};
  // ['tables', ti, 'rows', ri, 'amounts', key]
  if (path[2] === 'rows' && path[4] === 'amounts') return { table: path[1], row: path[3] as number, key: path[5] as string };
  // ['tables', ti, 'blocks', bi, 'rows', ri, …]
  if (path[2] === 'blocks' && typeof path[3] === 'number') return { table: path[1], block: path[3] };
  return { table: path[1] };
}

/** An amount cell read by recognition. */
export interface AmountSlot {
  kind: 'amount';
  cell: string;
  path: Path;
  amount: Amount;
  table: Table;
}

/** A text value recognition extracted from a cell: a code, a name, a marker, a 表号. */
export interface TextSlot {
  kind: 'code' | 'name' | 'number' | 'marker';
  cell: string;
  path: Path;
  /** The extracted value ("115002", "表8", "十四、"). */
  value: string;
  table?: Table;
  row?: Row;
  /** For markers: where the row sits, to find its siblings. */
  block?: { tableIndex: number; blockIndex: number; rowIndex: number };
}

/** An amount cell recognition could not read (#REF!, words): where its Amount would go. */
export interface UnreadableSlot {
  kind: 'unreadable';
  cell: string;
  path: Path | null;
  table?: Table;
  raw: string;
}

export interface DisclosureIndex {
  amounts: Map<string, AmountSlot[]>;
  texts: Map<string, TextSlot[]>;
  unreadable: Map<string, UnreadableSlot>;
  /** Every code in the Disclosure (for neighbour codes). */
  codes: Set<string>;
}

export function indexDisclosure(d: Disclosure): DisclosureIndex {
  const amounts = new Map<string, AmountSlot[]>();
  const texts = new Map<string, TextSlot[]>();
  const codes = new Set<string>();
  const addAmount = (a: Amount | undefined, path: Path, table: Table) => {
    if (!a) return;
    let list = amounts.get(a.cell);
    if (!list) amounts.set(a.cell, (list = []));
    list.push({ kind: 'amount', cell: a.cell, path, amount: a, table });
  };
  const addText = (s: TextSlot) => {
    let list = texts.get(s.cell);
    if (!list) texts.set(s.cell, (list = []));
    list.push(s);
  };
  const addRow = (r: Row, base: Path, table: Table, block?: TextSlot['block']) => {
    for (const k in r.amounts) addAmount(r.amounts[k], [...base, 'amounts', k], table);
    if (r.code && r.codeCell) {
      addText({ kind: 'code', cell: r.codeCell, path: [...base, 'code'], value: r.code, table, row: r });
      codes.add(r.code);
    }
    if (r.code2 && r.code2Cell) {
      addText({ kind: 'code', cell: r.code2Cell, path: [...base, 'code2'], value: r.code2, table, row: r });
      codes.add(r.code2);
    }
    if (r.name && r.nameCell) addText({ kind: 'name', cell: r.nameCell, path: [...base, 'name'], value: r.name, table, row: r });
    if (r.name2 && r.name2Cell) addText({ kind: 'name', cell: r.name2Cell, path: [...base, 'name2'], value: r.name2, table, row: r });
    if (r.codeName && r.codeNameCell) addText({ kind: 'name', cell: r.codeNameCell, path: [...base, 'codeName'], value: r.codeName, table, row: r });
    if (r.marker && r.nameCell && block) addText({ kind: 'marker', cell: r.nameCell, path: [...base, 'marker'], value: r.marker, table, row: r, block });
  };
  d.tables.forEach((t, ti) => {
    t.rows.forEach((r, ri) => addRow(r, ['tables', ti, 'rows', ri], t));
    (t.blocks ?? []).forEach((b, bi) =>
      b.rows.forEach((r, ri) => addRow(r, ['tables', ti, 'blocks', bi, 'rows', ri], t, { tableIndex: ti, blockIndex: bi, rowIndex: ri })),
    );
    (t.fields ?? []).forEach((f, fi) => addAmount(f.amount, ['tables', ti, 'fields', fi, 'amount'], t));
    if (t.number && t.numberCell) addText({ kind: 'number', cell: t.numberCell, path: ['tables', ti, 'number'], value: t.number, table: t });
  });
  (d.unitNames ?? []).forEach((u, i) => addText({ kind: 'name', cell: u.cell, path: ['unitNames', i, 'name'], value: u.name }));

  const unreadable = new Map<string, UnreadableSlot>();
  for (const issue of d.parseIssues) {
    const raw = typeof issue.raw === 'object' && issue.raw ? (issue.raw as { error: string }).error : String(issue.raw ?? '');
    unreadable.set(issue.cell, { kind: 'unreadable', cell: issue.cell, raw, ...placeOf(d, issue.cell) });
  }
  return { amounts, texts, unreadable, codes };
}

/** Where an Amount for `cell` would sit: the row and column (or field) of a table on its sheet. */
function placeOf(d: Disclosure, cell: string): { path: Path | null; table?: Table } {
  const p = parseRef(cell);
  if (!p) return { path: null };
  for (let ti = 0; ti < d.tables.length; ti++) {
    const t = d.tables[ti];
    if (t.sheet !== p.sheet) continue;
    const fi = (t.fields ?? []).findIndex((f) => f.cell === cell && !f.amount);
    if (fi >= 0) return { path: ['tables', ti, 'fields', fi, 'amount'], table: t };
    const ri = t.rows.findIndex((r) => r.row === p.row);
    const col = t.columns.find((c) => c.col === p.col);
    if (ri >= 0 && col && !t.rows[ri].amounts[col.key]) return { path: ['tables', ti, 'rows', ri, 'amounts', col.key], table: t };
    for (let bi = 0; bi < (t.blocks ?? []).length; bi++) {
      const b = t.blocks![bi];
      const bri = b.rows.findIndex((r) => r.row === p.row);
      if (bri < 0) continue;
      const key = b.amountCol === p.col ? 'amount' : b.extra?.find((e) => e.col === p.col)?.key;
      if (key && !b.rows[bri].amounts[key]) return { path: ['tables', ti, 'blocks', bi, 'rows', bri, 'amounts', key], table: t };
    }
  }
  return { path: null };
}

export type Edit =
  | { kind: 'amount'; cell: string; value: Decimal }
  | { kind: 'text'; cell: string; slot: TextSlot['kind']; value: string }
  | { kind: 'insert'; cell: string; value: Decimal };

/** Keys already made: an Edit is never changed once made, and the diagnosis asks for its key many times. */
const editKeys = new WeakMap<Edit, string>();

export function editKey(e: Edit): string {
  let k = editKeys.get(e);
  if (k === undefined) {
    k = `${e.cell}=${e.kind === 'text' ? `${e.slot}:${e.value}` : e.value.toFixed()}`;
    editKeys.set(e, k);
  }
  return k;
}

/** The key of a set of edits, whatever their order. */
export function editsKey(edits: Edit[]): string {
  return edits.length === 1 ? editKey(edits[0]) : edits.map(editKey).sort().join('&');
}

/** A copy of `d` with the edits applied; everything not on an edited path is shared. */
export function amend(d: Disclosure, index: DisclosureIndex, edits: Edit[]): Disclosure {
  const root = { ...d } as unknown as Record<string | number, unknown>;
  const copied = new Set<object>([root]);
  const set = (path: Path, value: unknown) => {
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i];
      let child = node[k] as Record<string | number, unknown>;
      if (!copied.has(child)) {
        child = (Array.isArray(child) ? child.slice() : { ...child }) as Record<string | number, unknown>;
        copied.add(child);
        node[k] = child;
      }
      node = child;
    }
    node[path[path.length - 1]] = value;
  };
  for (const e of edits) {
    if (e.kind === 'amount') {
      for (const s of index.amounts.get(e.cell) ?? []) {
        set(s.path, { ...s.amount, value: e.value, blank: false, terms: undefined } satisfies Amount);
      }
    } else if (e.kind === 'insert') {
      const s = index.unreadable.get(e.cell);
      if (s?.path) set(s.path, { value: e.value, cell: e.cell, decimals: 2, blank: false, text: false } satisfies Amount);
    } else {
      for (const s of index.texts.get(e.cell) ?? []) {
        if (s.kind !== e.slot) continue;
        set(s.path, e.value);
        // A renumbered line keeps its name in step with its marker ("十四、债务付息支出" → "十三、…").
        if (s.kind === 'marker' && s.row?.name?.startsWith(s.value)) set([...s.path.slice(0, -1), 'name'], e.value + s.row.name.slice(s.value.length));
      }
    }
  }
  return root as unknown as Disclosure;
}

/** The unit an amount cell is printed in. */
export function unitOf(slot: { table?: Table }): MoneyUnit {
  return slot.table?.unit ?? '元';
}
