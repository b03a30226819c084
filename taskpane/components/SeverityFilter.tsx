import * as React from 'react';
import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { Finding, SEVERITY_LABEL, Severity, countBySeverity } from '../../src/core/finding';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXS },
  button: { flexGrow: 1, flexBasis: 0, minWidth: 0, display: 'flex', flexDirection: 'column', paddingTop: '4px', paddingBottom: '4px' },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground2 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export interface SeverityFilterProps {
  findings: Finding[];
  shown: Record<Severity, boolean>;
  onChange(next: Record<Severity, boolean>): void;
}

/** The counts by severity; each is also a toggle that shows or hides that severity. */
export function SeverityFilter({ findings, shown, onChange }: SeverityFilterProps): React.JSX.Element {
  const styles = useStyles();
  const n = countBySeverity(findings);
  return (
    <div className={styles.row} role="group" aria-label="按严重程度筛选">
      {SEVERITIES.map((s) => (
        <ToggleButton
          key={s}
          className={styles.button}
          checked={shown[s]}
          appearance={shown[s] ? 'outline' : 'subtle'}
          onClick={() => onChange({ ...shown, [s]: !shown[s] })}
          aria-label={`${SEVERITY_LABEL[s]} ${n[s]} 个，${shown[s] ? '已显示' : '已隐藏'}`}
          data-severity={s}
        >
          <span className={`${styles.count} ${styles[s]}`}>{n[s]}</span>
          <span>{SEVERITY_LABEL[s]}</span>
        </ToggleButton>
      ))}
    </div>
  );
}
