/**
 * Results kept by a string key, for work that recurs with the same few hundred keys over and over
 * (names, markers, titles, table headers recur in every table of every workbook). Bounded: when it
 * holds `size` results it starts again, so a folder of any size keeps memory flat.
 */
export class BoundedCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly size: number) {}

  /** The result kept for `key`, or `compute(key)` kept from now on. */
  get(key: string, compute: (key: string) => T): T {
    // One lookup for a hit (a result that is undefined needs the second).
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as T;
    const v = compute(key);
    if (this.map.size >= this.size) this.map.clear();
    this.map.set(key, v);
    return v;
  }
}

/** A memo for a pure function of a string (see BoundedCache). */
export function memoByString<T>(fn: (s: string) => T, size: number): (s: string) => T {
  const cache = new BoundedCache<T>(size);
  return (s) => cache.get(s, fn);
}
