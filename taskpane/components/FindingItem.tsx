import * as React from 'react';
import { Badge, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Finding, SEVERITY_LABEL } from '../../src/core/finding';
import { cardMessage, figureInUnit } from '../format';

const useStyles = makeStyles({
  card: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    font: 'inherit',
    color: 'inherit',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  target: { cursor: 'pointer', borderRadius: tokens.borderRadiusSmall, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalXXS },
  more: { fontSize: tokens.fontSizeBase200 },
  details: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, marginTop: tokens.spacingVerticalXXS },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  label: { color: tokens.colorNeutralForeground3 },
  diff: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  cells: { display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalS}`, marginTop: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
});

const BADGE: Record<Finding['severity'], 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingItemProps {
  finding: Finding;
  onSelect(refs: string[]): void;
  /** The unit the finding's table is printed in (元 / 万元): figures are shown in it. */
  tableUnit?: string;
}

/** One finding: clicking it selects all its cells (both ends of a cross-table pair); each cell link jumps to that cell. */
export function FindingItem({ finding: f, onSelect, tableUnit }: FindingItemProps): React.JSX.Element {
  const styles = useStyles();
  const hasFigures = f.expected !== undefined || f.actual !== undefined;
  const message = hasFigures ? cardMessage(f) : f.message;
  // A very long sentence (a list of every title looked for) is folded; 展开全文 shows it.
  const long = message.length > 200;
  const [expanded, setExpanded] = React.useState(false);
  return (
    <div className={mergeClasses(styles.card, styles[f.severity])} data-rule={f.rule}>
      <div
        role="button"
        tabIndex={0}
        className={styles.target}
        aria-label={`${SEVERITY_LABEL[f.severity]}：${f.message}，定位到 ${f.cells[0] ?? ''}`}
        onClick={() => f.cells.length && onSelect(f.cells)}
        onKeyDown={(e) => {
          if ((e.key === 'Enter' || e.key === ' ') && f.cells.length) {
            e.preventDefault();
            onSelect(f.cells);
          }
        }}
        data-finding
      >
        <div className={styles.top}>
          <Badge size="small" appearance="filled" color={BADGE[f.severity]}>
            {SEVERITY_LABEL[f.severity]}
          </Badge>
        </div>
        <div className={styles.message}>{long && !expanded ? `${message.slice(0, 140)}……` : message}</div>
        {hasFigures && (
          <div className={styles.figures}>
            <span className={styles.label}>应为</span>
            <span>{figureInUnit(f.expected, f.unit, tableUnit)}</span>
            <span className={styles.label}>实为</span>
            <span>{figureInUnit(f.actual, f.unit, tableUnit)}</span>
            {f.difference !== undefined && f.difference !== '' && (
              <>
                <span className={styles.label}>差额</span>
                <span className={styles.diff}>{figureInUnit(f.difference, f.unit, tableUnit)}</span>
              </>
            )}
          </div>
        )}
      </div>
      {long && (
        <Link as="button" className={styles.more} onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
          {expanded ? '收起' : '展开全文'}
        </Link>
      )}
      {f.cells.length > 0 && (
        <div className={styles.cells}>
          {f.cells.slice(0, 8).map((ref) => (
            <Link key={ref} as="button" onClick={() => onSelect([ref])} aria-label={`定位到 ${ref}`}>
              {ref}
            </Link>
          ))}
          {f.cells.length > 8 ? <span>等 {f.cells.length} 个单元格</span> : null}
        </div>
      )}
      <details className={styles.details}>
        <summary>详情</summary>
        规则编号 {f.rule}
        {f.cells.length > 8 ? `；单元格 ${f.cells.join('、')}` : ''}
      </details>
    </div>
  );
}
