/** Grid helpers: A1 references as findings use them, and header text seen through merges. */
import { a1, cellRef, colLetters, lettersToCol, mergedTextAt, parseRef, Sheet } from '../../src/core/grid';

test('A1 references round-trip, sheet names with spaces and ! included', () => {
  expect([colLetters(1), colLetters(26), colLetters(27), colLetters(703)]).toEqual(['A', 'Z', 'AA', 'AAA']);
  expect(lettersToCol('AB')).toBe(28);
  expect(a1(36, 2)).toBe('B36');
  expect(cellRef('表1', 36, 2)).toBe('表1!B36');
  expect(parseRef('4财政拨款收支总表!G8')).toEqual({ sheet: '4财政拨款收支总表', row: 8, col: 7 });
  expect(parseRef("'My Sheet!'!A1:C3")).toEqual({ sheet: 'My Sheet!', row: 1, col: 1, endRow: 3, endCol: 3 });
  expect(parseRef('no sheet')).toBeNull();
});

test('a cell inside a merged header reads as the merge’s top-left text', () => {
  const sheet: Sheet = {
    name: '表2',
    rows: [[{ v: '单位编码' }, { v: '单位名称' }, { v: '部门预算' }], [undefined, undefined, { v: '合计' }, { v: '一般公共预算拨款' }]],
    merges: [
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 3, bottom: 1, right: 4 },
    ],
  };
  expect(mergedTextAt(sheet, 2, 1)).toBe('单位编码');
  expect(mergedTextAt(sheet, 1, 4)).toBe('部门预算');
  expect(mergedTextAt(sheet, 2, 4)).toBe('一般公共预算拨款');
});
