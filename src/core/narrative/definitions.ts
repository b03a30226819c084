/**
 * Totals whose parts are fixed by definition (the 财政部 tables' own structure), for reading and
 * checking 其中 lists in 说明 text:
 *   三公 = 因公出国(境) + 公务接待 + 公务用车购置及运行;
 *   公务用车购置及运行 = 购置 + 运行;
 *   基本支出 = 人员经费 + 公用经费, or = 工资福利 + 商品和服务 + 对个人和家庭的补助.
 * Any other 其中 list may leave items out.
 */

/**
 * The breakdowns of a total by definition, each a list of its parts' names as written (anchored:
 * the whole name, with an optional 支出 / 决算 / 预算 after it). A part's own details
 * (“人员经费中离退休费”, “公用经费包含…”), a restatement (“人员经费和公用经费合计”), another scope
 * (“人员经费（政府性基金）”) or a sub-part (“公务用车购置费” of the 三公 item 公务用车购置及运行维护费) is
 * no part of the breakdown.
 */
const BREAKDOWNS: { total: (t: string) => boolean; parts: RegExp[] }[] = [
  { total: (t) => /基本支出/.test(t), parts: [/^人员经费$/, /^公用经费$/] },
  { total: (t) => /基本支出/.test(t), parts: [/^工资福利支出$/, /^商品和服务支出$/, /^对个人和家庭的?补助(?:支出)?$/] },
  { total: (t) => /三公/.test(t), parts: [/^因公出国[（(]境[)）]费(?:用)?$/, /^公务接待费$/, /^公务用车购置及运行(?:维护)?费$/] },
];

/** A name as written, and without the 决算 / 预算 / 数 / 为 and then the 支出 that may follow it. */
function partNames(subject: string): string[] {
  const bare = subject.replace(/\s+/g, '').replace(/(?:决算|预算)?数?(?:为|是)?$/, '');
  return [bare, bare.replace(/支出$/, '')];
}

/**
 * A list whose items are by definition the whole of its total. Only such a list (or a list of
 * coded lines) that falls short of its total proves an error.
 */
export function completeList(total: string, parts: string[]): boolean {
  const has = (re: RegExp) => parts.some((p) => re.test(p));
  if (/三公/.test(total)) return has(/出国/) && has(/接待/) && has(/用车|公车|车辆/);
  if (/(?:用车|公车|车辆)/.test(total) && /购置/.test(total) && /运行/.test(total)) return has(/购置/) && has(/运行/);
  // An expense split by its kinds: 人员经费 + 公用经费 + 专项业务费 (or 项目支出), all three listed.
  if (parts.length >= 3 && parts.every((p) => /^(?:人员经费|公用经费|专项业务(?:经)?费|专项经费|项目支出)/.test(p)) && has(/^人员经费/) && has(/^公用经费/) && has(/^(?:专项|项目)/)) return true;
  if (/基本支出/.test(total)) return (has(/人员经费/) && has(/公用经费/)) || (has(/工资福利/) && has(/商品和服务/) && has(/对个人和家庭/));
  return false;
}

/**
 * Whether a list of `listed` parts of `total` may go on with `next`: all of them, and `next`, are
 * whole names of the parts of one breakdown of the total's definition, and `next` is not listed yet
 * (基本支出: 人员经费 → 公用经费; 三公: 因公出国（境）费 → 公务接待费 → 公务用车购置及运行维护费).
 */
export function nextDefinedPart(total: string, listed: string[], next: string): boolean {
  return BREAKDOWNS.some((b) => {
    if (!b.total(total)) return false;
    const at = listed.map((n) => partIndex(n, b.parts));
    const n = partIndex(next, b.parts);
    return at.length > 0 && at.every((i) => i >= 0) && n >= 0 && !at.includes(n);
  });
}

/** Which of a breakdown's parts `name` is (its index), or -1. */
function partIndex(name: string, parts: RegExp[]): number {
  return parts.findIndex((re) => partNames(name).some((x) => re.test(x)));
}

/** Whether `part` is by definition one of the parts of `total` (人员经费 of 基本支出, 公务接待费 of 三公). */
export function definedPartOf(total: string, part: string): boolean {
  return BREAKDOWNS.some((b) => b.total(total) && partIndex(part, b.parts) >= 0);
}

/** Whether `a` and `b` are two different parts of one breakdown (工资福利支出 and 商品和服务支出 of 基本支出). */
export function definedSiblings(a: string, b: string): boolean {
  return BREAKDOWNS.some((br) => {
    const i = partIndex(a, br.parts);
    const j = partIndex(b, br.parts);
    return i >= 0 && j >= 0 && i !== j;
  });
}
