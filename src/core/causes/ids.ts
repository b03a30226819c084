/** Stable finding ids: a short hash of what identifies a finding (rule, cells, figures), unique within a result. */
import { Finding } from '../finding';
import { findingKey } from './diagnose';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Gives every finding an `id` ("F3k9x2a"): the same finding gets the same id on every run. */
export function assignFindingIds(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const base = `F${fnv1a(findingKey(f) + '|' + f.message).toString(36)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    f.id = n === 1 ? base : `${base}-${n}`;
  }
}
