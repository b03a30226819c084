import * as React from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { NarrativeNumber, NarrativeParagraph } from '../../src/core/narrative/types';
import { PLACEHOLDER_RE } from '../../src/core/narrative/types';
import { isPriorRef, splitPriorRef } from '../../src/excel/prior';

const useStyles = makeStyles({
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  num: {
    cursor: 'pointer',
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorBrandForeground1,
    borderBottom: `1px dotted ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { backgroundColor: tokens.colorBrandBackground2 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  active: { backgroundColor: tokens.colorBrandBackground2 },
  ph: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', borderRadius: tokens.borderRadiusSmall },
  source: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: `0 ${tokens.spacingHorizontalXS}`,
    marginTop: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
  },
  label: { color: tokens.colorNeutralForeground3 },
});

type Segment = { kind: 'text'; text: string } | { kind: 'ph'; text: string } | { kind: 'num'; text: string; index: number };

/** The paragraph cut into plain text, numbers (with their cells) and 【请填写…】 placeholders. */
export function segments(p: NarrativeParagraph): Segment[] {
  const marks: { start: number; end: number; seg: Segment }[] = p.numbers.map((n, index) => ({
    start: n.start,
    end: n.end,
    seg: { kind: 'num', text: p.text.slice(n.start, n.end), index },
  }));
  for (const m of p.text.matchAll(PLACEHOLDER_RE)) {
    const start = m.index ?? 0;
    if (!marks.some((x) => start < x.end && start + m[0].length > x.start)) marks.push({ start, end: start + m[0].length, seg: { kind: 'ph', text: m[0] } });
  }
  marks.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ kind: 'text', text: p.text.slice(at, m.start) });
    out.push(m.seg);
    at = m.end;
  }
  if (at < p.text.length) out.push({ kind: 'text', text: p.text.slice(at) });
  return out;
}

function unitText(n: NarrativeNumber): string {
  return n.unit === '%' ? '%' : ' 万元';
}

export function sourceTitle(n: NarrativeNumber): string {
  return `来源：${n.cells.join('、') || '无（需人工填写）'}${n.note ? `（${n.note}）` : ''}`;
}

/** This workbook's cells (selectable). */
function here(n: NarrativeNumber): string[] {
  return n.cells.filter((r) => !isPriorRef(r));
}

/** Last year's cells ("上年：2023.xlsx 表1!B36"), by file: shown as text, they are in another workbook. */
function priorGroups(n: NarrativeNumber): { file: string; refs: string[] }[] {
  const out = new Map<string, string[]>();
  for (const r of n.cells) {
    const p = splitPriorRef(r);
    if (p) out.set(p.file, [...(out.get(p.file) ?? []), p.ref]);
  }
  return [...out].map(([file, refs]) => ({ file, refs }));
}

export interface NarrativeParagraphViewProps {
  paragraph: NarrativeParagraph;
  onSelect(refs: string[]): void;
}

/**
 * One generated paragraph. Every number is focusable: hover or focus shows its source cells
 * under the paragraph (and in the title tooltip); click or Enter selects them in the workbook.
 */
export function NarrativeParagraphView({ paragraph: p, onSelect }: NarrativeParagraphViewProps): React.JSX.Element {
  const styles = useStyles();
  const [active, setActive] = React.useState<number | null>(null);
  const shown = active === null ? undefined : p.numbers[active];
  return (
    <div data-paragraph>
      <p className={styles.text}>
        {segments(p).map((s, i) => {
          if (s.kind === 'text') return <React.Fragment key={i}>{s.text}</React.Fragment>;
          if (s.kind === 'ph')
            return (
              <mark key={i} className={styles.ph} data-placeholder>
                {s.text}
              </mark>
            );
          const n = p.numbers[s.index];
          const go = () => n.cells.length && onSelect(n.cells);
          return (
            <span
              key={i}
              role="button"
              tabIndex={0}
              className={active === s.index ? `${styles.num} ${styles.active}` : styles.num}
              title={sourceTitle(n)}
              aria-label={`${n.text}${unitText(n)}，${sourceTitle(n)}；按 Enter 定位`}
              data-number={n.text}
              data-cells={n.cells.join(',')}
              onMouseEnter={() => setActive(s.index)}
              onFocus={() => setActive(s.index)}
              onClick={go}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  go();
                }
              }}
            >
              {s.text}
            </span>
          );
        })}
      </p>
      {shown && (
        <div className={styles.source} data-source>
          <span className={styles.label}>
            {shown.text}
            {unitText(shown)} 来自
          </span>
          {here(shown).slice(0, 6).map((ref) => (
            <Link key={ref} as="button" onClick={() => onSelect([ref])} aria-label={`定位到 ${ref}`}>
              {ref}
            </Link>
          ))}
          {here(shown).length > 6 && <span>等 {here(shown).length} 个单元格</span>}
          {priorGroups(shown).map((g) => (
            <span key={g.file} data-prior-cells>
              <span className={styles.label}>上年：{g.file}</span> {g.refs.slice(0, 6).join('、')}
              {g.refs.length > 6 ? ` 等 ${g.refs.length} 个单元格` : ''}
            </span>
          ))}
          {shown.note && <span className={styles.label}>（{shown.note}）</span>}
        </div>
      )}
    </div>
  );
}
