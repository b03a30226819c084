/**
 * Totals whose parts are fixed by definition (the 财政部 tables' own structure), for reading and
 * checking 其中 lists in 说明 text:
 *   三公 = 因公出国(境) + 公务接待 + 公务用车购置及运行;
 *   公务用车购置及运行 = 购置 + 运行;
 *   基本支出 = 人员经费 + 公用经费, or = 工资福利 + 商品和服务 + 对个人和家庭的补助.
 * Any other 其中 list may leave items out.
 */

type Definition = { total: (t: string) => boolean; parts: RegExp[] };

const DEFINITIONS: Definition[] = [
  { total: (t) => /三公/.test(t), parts: [/出国/, /接待/, /用车|公车|车辆/] },
  { total: (t) => /(?:用车|公车|车辆)/.test(t) && /购置/.test(t) && /运行/.test(t), parts: [/购置/, /运行/] },
  { total: (t) => /基本支出/.test(t), parts: [/人员经费/, /公用经费/, /工资福利/, /商品和服务/, /对个人和家庭/] },
];

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

/** True when `subject` names one of the parts `total` is made of by definition (基本支出 → 公用经费). */
export function definedPart(total: string, subject: string): boolean {
  const d = DEFINITIONS.find((x) => x.total(total));
  return !!d && d.parts.some((re) => re.test(subject));
}
