/** A1 addresses for WPS Range(): src/wps never asks WPS for an address back (Range.Address's arguments differ between hosts). */
import { a1 } from '../core/grid';

/** "B3" or "B3:D9" for a block of `rows` × `cols` cells starting at (row, col), 1-based. */
export function boxAddress(row: number, col: number, rows: number, cols: number): string {
  const tl = a1(row, col);
  return rows === 1 && cols === 1 ? tl : `${tl}:${a1(row + rows - 1, col + cols - 1)}`;
}
