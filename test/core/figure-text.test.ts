/** How a finding's expected / actual / difference are shown in the report, the task pane and the 校验结果 sheet. */
import { figureText } from '../../src/core/finding';

describe('figureText', () => {
  test('both money units are grouped in thousands, as the sentences write them', () => {
    expect(figureText('7290000.00', '万元')).toBe('7,290,000.00 万元');
    expect(figureText('1400400.00', '元')).toBe('1,400,400.00 元');
    expect(figureText('-1183095.00', '元')).toBe('-1,183,095.00 元');
  });
  test('at least two decimals, more where the figure has them; the sign is kept', () => {
    expect(figureText('-0.5', '万元')).toBe('-0.50 万元');
    expect(figureText('-0.001', '万元')).toBe('-0.001 万元');
    expect(figureText('-0.00', '元')).toBe('0.00 元');
  });
  test('rates, texts and figures without a unit as given', () => {
    expect(figureText('12.5', '%')).toBe('12.5%');
    expect(figureText('表6', 'text')).toBe('表6');
    expect(figureText('', '元')).toBe('');
  });
});

test('a change in a 千元 or 亿元 table is labelled with its unit, not as 元', () => {
  expect(figureText('2654.52', '千元')).toBe('2,654.52 千元');
  expect(figureText('1.23', '亿元')).toBe('1.23 亿元');
});
