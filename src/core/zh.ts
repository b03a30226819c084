/**
 * Small helpers for Chinese text shared by the rules, the diagnosis and the 说明: numerals as the
 * tables and the 说明 write them (“十四、”, “（三）”), and the test behind every “is this an
 * abbreviation of that name” question.
 */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3 → "三", 10 → "十", 13 → "十三", 21 → "二十一" (1–99; the inverse of chineseNumberValue). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** "十四" → 14, "二十" → 20, "三" → 3 (1–99); undefined when `t` is not such a numeral. */
export function chineseNumberValue(t: string): number | undefined {
  if (t === '十') return 10;
  const i = t.indexOf('十');
  if (i < 0) return t.length === 1 ? VALUE[t] : undefined;
  const tens = i === 0 ? 1 : VALUE[t.slice(0, i)];
  const ones = i === t.length - 1 ? 0 : VALUE[t.slice(i + 1)];
  return tens === undefined || ones === undefined || t.indexOf('十', i + 1) >= 0 ? undefined : tens * 10 + ones;
}

/**
 * Every character of `short` appears in `full`, in order (“医保” in “医疗保险”, “社保经办机构” in
 * “社会保险经办机构”). Only the order test: what else makes an abbreviation (same first or last
 * character, a length) is the caller's to say.
 */
export function charactersInOrder(short: string, full: string): boolean {
  let i = 0;
  for (const ch of full) if (ch === short[i]) i++;
  return i === short.length;
}
