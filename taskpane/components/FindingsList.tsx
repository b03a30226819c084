import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../src/core/finding';
import { FindingItem } from './FindingItem';
import { foldNotFound, notFoundSentence } from '../../src/core/missing';

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
/** The section that lists, once, the tables the template expects and the workbook lacks. */
export const NOT_FOUND_GROUP = '未找到的报表';

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
  // Tables simply not found are one card per severity (which tables, the advice once), after the
  // tables' own findings: one card per table would bury them (src/core/missing.ts).
  const { groups, rest } = foldNotFound(visible);
  return (
    <div>
      {groupByTable(rest).map(([table, fs]) => (
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
      {groups.length > 0 && (
        <section className={styles.group} aria-label={NOT_FOUND_GROUP}>
          <h2 className={styles.heading}>
            {NOT_FOUND_GROUP}（{groups.reduce((n, g) => n + g.titles.length, 0)} 张）
          </h2>
          <ul className={styles.list}>
            {groups.map((g) => (
              <li key={g.severity}>
                <FindingItem finding={{ rule: 'table.missing', severity: g.severity, message: notFoundSentence(g), cells: [] }} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
