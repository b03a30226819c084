/** planMarks: what to paint, from findings alone (src/core/marks.ts). */
import { Finding } from '../../src/core/finding';
import { MARK_CAPS, MARK_COLOR, NOTE_PREFIX, markArgb, planMarks } from '../../src/core/marks';
import { SEVERITY_FILL } from '../../src/file/write';

const F = (severity: Finding['severity'], cells: string[], message = '测试'): Finding => ({ rule: 'summary.block', severity, message, cells });

describe('planMarks', () => {
  test('one mark per cell, worst severity wins, every finding’s line in the note, ranges expanded', () => {
    const marks = planMarks([F('warning', ['表1!B5'], '金额以文本保存'), F('error', ['表1!B5', '表1!B6'], '合计不等'), F('info', ['表2!C4:D5'])]);
    const b5 = marks.find((m) => m.address === 'B5')!;
    expect(b5).toMatchObject({ sheet: '表1', kind: 'error', color: MARK_COLOR.error, findings: [0, 1] });
    expect(b5.lines).toEqual(['警告：金额以文本保存', '错误：合计不等']);
    expect(b5.note.startsWith(`${NOTE_PREFIX}\n`)).toBe(true);
    expect(marks.filter((m) => m.sheet === '表2').map((m) => m.address)).toEqual(['C4', 'D4', 'C5', 'D5']);
  });

  test('caps: a range flags at most MARK_CAPS.cellsPerRef cells, a note lists MARK_CAPS.noteLines lines and counts the rest', () => {
    expect(planMarks([F('info', ['表1!A1:Z100'])])).toHaveLength(MARK_CAPS.cellsPerRef);
    const many = Array.from({ length: 8 }, (_, i) => F('warning', ['表1!A1'], `问题${i}`));
    const [m] = planMarks(many);
    expect(m.note.split('\n')).toHaveLength(1 + MARK_CAPS.noteLines + 1);
    expect(m.note).toContain(`另有 ${8 - MARK_CAPS.noteLines} 条`);
  });

  test('a caller can mark a cause: the suspect red, the other cells pale with a note naming the suspect', () => {
    const f = F('error', ['表4!F10', '表4!F7', '表4!F8'], '应等于下级之和');
    const marks = planMarks([f], {
      kindOf: (_f, ref) => (ref === '表4!F10' ? 'error' : 'related'),
      lineOf: (x, ref) => (ref === '表4!F10' ? `错误：${x.message}` : `相关：${x.message}，可疑单元格 表4!F10`),
    });
    expect(marks.map((m) => [m.address, m.kind, m.color])).toEqual([
      ['F10', 'error', MARK_COLOR.error],
      ['F7', 'related', MARK_COLOR.related],
      ['F8', 'related', MARK_COLOR.related],
    ]);
    expect(marks[1].note).toContain('可疑单元格 表4!F10');
  });

  test('the annotated copy uses the same colours', () => {
    expect(SEVERITY_FILL).toEqual({ error: markArgb('error'), warning: markArgb('warning'), info: markArgb('info') });
    expect(markArgb('error')).toBe('FFFFC7CE');
  });
});
