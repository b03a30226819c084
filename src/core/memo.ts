/**
 * A memo for pure functions of a string that are called with the same few hundred strings over
 * and over (names, markers, titles recur in every table of every workbook). Bounded: when it holds
 * `size` results it starts again, so a folder of any size keeps memory flat.
 */
export function memoByString<T>(fn: (s: string) => T, size: number): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    // One lookup for a hit (a result that is undefined needs the second).
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= size) cache.clear();
    cache.set(s, v);
    return v;
  };
}
