import { charactersInOrder, chineseNumber, chineseNumberValue } from '../../src/core/zh';
import { markerNumber } from '../../src/core/rules/summary';

describe('Chinese numerals', () => {
  test('written as the tables write them', () => {
    expect([1, 9, 10, 11, 13, 20, 21, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '十三', '二十', '二十一', '九十九']);
  });

  test('read back: every number from 1 to 99 round-trips', () => {
    for (let n = 1; n <= 99; n++) expect(chineseNumberValue(chineseNumber(n))).toBe(n);
  });

  test('what is not a numeral reads as nothing, not as a wrong number', () => {
    for (const t of ['十十', '二三', '二十三十', '', '百']) expect(chineseNumberValue(t)).toBeUndefined();
  });

  test('row markers of the 收支总表 (“十四、”, “（三）”, “2.”) give their number', () => {
    expect(['十四、债务付息支出', '（三）', '(12)', '2.', '十、'].map(markerNumber)).toEqual([14, 3, 12, 2, 10]);
  });
});

describe('charactersInOrder', () => {
  test('a short name whose characters stand in order in the full one', () => {
    expect(charactersInOrder('子洲县医保经办中心', '子洲县医疗保险经办中心')).toBe(true);
    expect(charactersInOrder('通城县人社局', '通城县人力资源和社会保障局')).toBe(true);
  });

  test('characters out of order, or one the full name lacks', () => {
    expect(charactersInOrder('保医', '医疗保险')).toBe(false);
    expect(charactersInOrder('医疗卫生', '医疗保险')).toBe(false);
  });
});
