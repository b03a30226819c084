import * as React from 'react';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { NarrativeSection } from '../../src/core/narrative/types';
import { CopyButton } from './CopyButton';
import { NarrativeParagraphView } from './NarrativeParagraphView';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  part: { marginTop: tokens.spacingVerticalS },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  h2: { margin: 0, flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  h3: { margin: 0, flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** A section's heading and paragraphs; a part heading (四、…) copies its sub-sections too. */
export function sectionText(sections: NarrativeSection[], index: number): string {
  const s = sections[index];
  const lines = [s.title, ...s.paragraphs.map((p) => p.text)];
  if (s.level === 1) {
    for (let i = index + 1; i < sections.length && sections[i].level === 2; i++) lines.push(sections[i].title, ...sections[i].paragraphs.map((p) => p.text));
  }
  return lines.join('\n');
}

export interface NarrativeSectionCardProps {
  sections: NarrativeSection[];
  index: number;
  onSelect(refs: string[]): void;
}

export function NarrativeSectionCard({ sections, index, onSelect }: NarrativeSectionCardProps): React.JSX.Element {
  const styles = useStyles();
  const s = sections[index];
  const placeholders = s.paragraphs.reduce((a, p) => a + p.placeholders, 0);
  const Heading = s.level === 1 ? 'h2' : 'h3';
  return (
    <section className={mergeClasses(styles.section, s.level === 1 && styles.part)} aria-label={s.title} data-section={s.id}>
      <div className={styles.head}>
        <Heading className={s.level === 1 ? styles.h2 : styles.h3}>{s.title}</Heading>
        {placeholders > 0 && (
          <Badge className={styles.badge} size="small" appearance="tint" color="warning" title={`本节尚有 ${placeholders} 处待填写`}>
            待填 {placeholders}
          </Badge>
        )}
        <CopyButton label={`复制${s.title}`} text={() => sectionText(sections, index)} />
      </div>
      {s.paragraphs.map((p, i) => (
        <NarrativeParagraphView key={i} paragraph={p} onSelect={onSelect} />
      ))}
    </section>
  );
}
