import * as React from 'react';
import { Badge, Button, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../src/core/finding';
import type { Cause, Change } from '../../src/core/causes';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  sure: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  unsure: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  target: { cursor: 'pointer', borderRadius: tokens.borderRadiusSmall, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalXXS },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  changes: {
    display: 'grid',
    gridTemplateColumns: 'auto auto auto',
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  label: { color: tokens.colorNeutralForeground3 },
  suggested: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  option: { marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  findings: { listStyle: 'none', margin: `${tokens.spacingVerticalXS} 0 0 ${tokens.spacingHorizontalM}`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const CERTAINTY: Record<Cause['certainty'], { label: string; color: 'danger' | 'warning' }> = {
  sure: { label: '确定', color: 'danger' },
  likely: { label: '很可能', color: 'warning' },
  ambiguous: { label: '无法确定是哪一处', color: 'warning' },
};

/** "48,978.00" / "150.94 万元" / "（空白）" / the text itself. */
function shown(s: string | undefined, unit: Change['unit']): string {
  if (s === undefined) return '（无法确定）';
  if (s === '') return '（空白）';
  if (unit === 'text' || !/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [i, f] = s.split('.');
  const neg = i.startsWith('-');
  const digits = (neg ? i.slice(1) : i).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${digits}${f !== undefined ? `.${f}` : ''}${unit === '元' ? '' : ` ${unit}`}`;
}

export interface CausesListProps {
  causes: Cause[];
  findings: Finding[];
  units?: Map<string, string>;
  onSelect(refs: string[]): void;
}

/**
 * The causes of the findings, first: which cells to change and to what (never applied). Clicking a
 * cause selects its suspect cells; each cause expands to the findings it explains.
 */
export function CausesList({ causes, findings, units, onSelect }: CausesListProps): React.JSX.Element | null {
  const styles = useStyles();
  const [open, setOpen] = React.useState<Record<string, boolean>>({});
  if (causes.length === 0) return null;
  const byId = new Map(findings.map((f) => [f.id, f]));
  return (
    <section className={styles.group} aria-label="需修改的单元格">
      <h2 className={styles.heading}>需修改的单元格（{causes.length} 处根因，建议值仅供核对，不会自动修改）</h2>
      <ul className={styles.list}>
        {causes.map((c) => {
          const suspects = [...new Set((c.options ?? [c.changes]).flat().map((ch) => ch.cell))];
          const fs = c.findings.map((id) => byId.get(id)).filter((f): f is Finding => !!f);
          const select = () => onSelect(suspects);
          return (
            <li key={c.id} className={mergeClasses(styles.card, c.certainty === 'sure' ? styles.sure : styles.unsure)} data-cause={c.id}>
              <div
                role="button"
                tabIndex={0}
                className={styles.target}
                onClick={select}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    select();
                  }
                }}
              >
                <div className={styles.top}>
                  <Badge appearance="filled" color={CERTAINTY[c.certainty].color}>
                    {c.kind === 'unreadable' ? '无法读取' : CERTAINTY[c.certainty].label}
                  </Badge>
                </div>
                <div className={styles.message}>{c.message}</div>
              </div>
              {(c.options ?? [c.changes]).map((changes, oi) => (
                <div key={oi}>
                  {c.options && <div className={styles.option}>改法 {oi + 1}：</div>}
                  <div className={styles.changes}>
                    <span className={styles.label}>单元格</span>
                    <span className={styles.label}>现为</span>
                    <span className={styles.label}>应为</span>
                    {changes.map((ch) => (
                      <React.Fragment key={ch.cell}>
                        <Link onClick={() => onSelect([ch.cell])}>{ch.cell}</Link>
                        <span>{shown(ch.current, ch.unit)}</span>
                        <span className={styles.suggested}>{shown(ch.suggested, ch.unit)}</span>
                      </React.Fragment>
                    ))}
                  </div>
                </div>
              ))}
              {fs.length > 0 && (
                <Button appearance="subtle" size="small" aria-expanded={!!open[c.id]} onClick={() => setOpen({ ...open, [c.id]: !open[c.id] })}>
                  {open[c.id] ? '收起' : '展开'}它消除的 {fs.length} 项问题
                </Button>
              )}
              {open[c.id] && (
                <ul className={styles.findings}>
                  {fs.map((f) => (
                    <li key={f.id}>
                      <FindingItem finding={f} onSelect={onSelect} tableUnit={f.table ? units?.get(f.table) : undefined} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
