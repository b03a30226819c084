/**
 * A copy of a Disclosure that records which cells a rule reads (for the diagnosis: a change to a
 * cell only needs the rules that read it re-run).
 *
 * Amounts and rows, the objects rules read most, are wrapped in small classes whose getters note
 * the cell and return the original's field; V8 inlines such getters, where every property read
 * through a Proxy goes through a trap (on the 15-table 陕西 example the Proxy version of this run
 * took about a quarter of the diagnosis). Tables and stated unit names, a few dozen objects, keep
 * a Proxy. What counts as reading a cell is the same as before:
 *  - any field of an Amount reads its cell (noted once per reader in turn);
 *  - a row's code, code2, name, name2, marker and label read the cell they were taken from; its
 *    other fields (level, isTotal, the cells' addresses …) are structure and read no cell;
 *  - a table's 表号 reads its numberCell; a stated unit name reads its cell.
 * The copies answer every field the originals have (test/causes/track.test.ts, which also runs every
 * rule family on both). They are not plain objects: a spread ({...row}), Object.keys(row), 'name' in
 * row or JSON.stringify(row) would see the wrapper's own fields. Rules only read fields (and
 * Object.entries of row.amounts, a plain object); keep it so, or give the classes what the new code needs.
 */
import { Amount, Disclosure, Row, Table } from '../disclosure';

/** Who is reading (an index, or -1: nobody being tracked) and which cells each reader read. */
export class ReadLog {
  current = -1;
  readonly readers = new Map<string, Set<number>>();
  note(cell: string | undefined): void {
    if (this.current < 0 || !cell) return;
    let set = this.readers.get(cell);
    if (!set) this.readers.set(cell, (set = new Set<number>()));
    set.add(this.current);
  }
}

class WatchedAmount implements Amount {
  private seen = -1;
  constructor(
    private readonly a: Amount,
    private readonly log: ReadLog,
  ) {}
  private read(): Amount {
    if (this.seen !== this.log.current) {
      this.seen = this.log.current;
      this.log.note(this.a.cell);
    }
    return this.a;
  }
  get value() {
    return this.read().value;
  }
  get cell() {
    return this.read().cell;
  }
  get decimals() {
    return this.read().decimals;
  }
  get blank() {
    return this.read().blank;
  }
  get text() {
    return this.read().text;
  }
  get terms() {
    return this.read().terms;
  }
}

class WatchedRow implements Row {
  readonly amounts: Row['amounts'];
  constructor(
    private readonly r: Row,
    private readonly log: ReadLog,
  ) {
    const amounts: Row['amounts'] = {};
    for (const k in r.amounts) {
      const a = r.amounts[k];
      amounts[k] = a && new WatchedAmount(a, log);
    }
    this.amounts = amounts;
  }
  // Structure: read no cell.
  get row() {
    return this.r.row;
  }
  get level() {
    return this.r.level;
  }
  get isTotal() {
    return this.r.isTotal;
  }
  get isOfWhich() {
    return this.r.isOfWhich;
  }
  get item() {
    return this.r.item;
  }
  get texts() {
    return this.r.texts;
  }
  /** Rates are never changed by a candidate (they are not amounts): structure. */
  get rates() {
    return this.r.rates;
  }
  get codeCell() {
    return this.r.codeCell;
  }
  get code2Cell() {
    return this.r.code2Cell;
  }
  get nameCell() {
    return this.r.nameCell;
  }
  get name2Cell() {
    return this.r.name2Cell;
  }
  get labelled() {
    return this.r.labelled;
  }
  get codeNameCell() {
    return this.r.codeNameCell;
  }
  get codeName() {
    this.log.note(this.r.codeNameCell);
    return this.r.codeName;
  }
  // What was read from a cell.
  get code() {
    this.log.note(this.r.codeCell);
    return this.r.code;
  }
  get code2() {
    this.log.note(this.r.code2Cell);
    return this.r.code2;
  }
  get name() {
    this.log.note(this.r.nameCell);
    return this.r.name;
  }
  get name2() {
    this.log.note(this.r.name2Cell);
    return this.r.name2;
  }
  get marker() {
    this.log.note(this.r.nameCell);
    return this.r.marker;
  }
  get label() {
    this.log.note(this.r.nameCell);
    return this.r.label;
  }
}

/** Every field of a Row, for the test that the copies answer them all. */
export const ROW_FIELDS: Record<keyof Row, true> = {
  row: true,
  code: true,
  codeCell: true,
  name: true,
  nameCell: true,
  code2: true,
  code2Cell: true,
  name2: true,
  name2Cell: true,
  labelled: true,
  codeName: true,
  codeNameCell: true,
  label: true,
  marker: true,
  level: true,
  isTotal: true,
  isOfWhich: true,
  amounts: true,
  item: true,
  texts: true,
  rates: true,
};
/** Every field of an Amount. */
export const AMOUNT_FIELDS: Record<keyof Amount, true> = { value: true, cell: true, decimals: true, blank: true, text: true, terms: true };

function watch<T extends object>(obj: T, log: ReadLog, cellOf: (prop: string | symbol) => string | undefined): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      log.note(cellOf(prop));
      return Reflect.get(target, prop, receiver);
    },
  });
}

export const watchedAmount = (a: Amount | undefined, log: ReadLog): Amount | undefined => a && new WatchedAmount(a, log);
export const watchedRow = (r: Row, log: ReadLog): Row => new WatchedRow(r, log);

/** The Disclosure as rules see it, with every read of a cell noted in `log`. */
export function watchedDisclosure(d: Disclosure, log: ReadLog): Disclosure {
  return {
    ...d,
    tables: d.tables.map((t) => {
      const copy: Table = {
        ...t,
        rows: t.rows.map((r) => watchedRow(r, log)),
        blocks: t.blocks?.map((b) => ({ ...b, rows: b.rows.map((r) => watchedRow(r, log)) })),
        fields: t.fields?.map((f) => ({ ...f, amount: watchedAmount(f.amount, log) })),
      };
      return watch(copy, log, (prop) => (prop === 'number' ? t.numberCell : undefined));
    }),
    unitNames: d.unitNames?.map((u) => watch({ ...u }, log, (prop) => (prop === 'name' ? u.cell : undefined))),
  };
}
