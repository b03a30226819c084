import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../src/core/finding';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export const OTHER_GROUP = '其他';

/** Findings grouped by table, in the order the tables first appear. */
export function groupByTable(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.table || OTHER_GROUP;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()];
}

export interface FindingsListProps {
  findings: Finding[];
  /** Unit of each table by its title (元 / 万元). */
  units?: Map<string, string>;
  shown: Record<Severity, boolean>;
  onSelect(refs: string[]): void;
}

export function FindingsList({ findings, shown, onSelect, units }: FindingsListProps): React.JSX.Element {
  const styles = useStyles();
  const visible = findings.filter((f) => shown[f.severity]);
  if (findings.length === 0) return <Text>未发现问题。</Text>;
  if (visible.length === 0) return <Text>所选类别下没有问题。</Text>;
  return (
    <div>
      {groupByTable(visible).map(([table, fs]) => (
        <section key={table} className={styles.group} aria-label={table}>
          <h2 className={styles.heading}>
            {table}（{fs.length}）
          </h2>
          <ul className={styles.list}>
            {fs.map((f, i) => (
              <li key={`${f.rule}-${i}-${f.cells[0] ?? ''}`}>
                <FindingItem finding={f} onSelect={onSelect} tableUnit={f.table ? units?.get(f.table) : undefined} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
