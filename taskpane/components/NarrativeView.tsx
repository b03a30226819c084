import * as React from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { WorkbookApi } from '../../src/excel/api';
import type { Narrative } from '../../src/core/narrative/types';
import { narrativeToText } from '../../src/core/narrative/types';
import { suspectNotes } from '../../src/core/narrative/suspects';
import { isPriorRef } from '../../src/excel/prior';
import { CopyButton } from './CopyButton';
import { NarrativeSectionCard } from './NarrativeSectionCard';
import { NarrativeWriteBar } from './NarrativeWriteBar';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  pending: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorPaletteYellowBackground2,
  },
  done: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  suspects: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** Suspect figures listed one by one above the 说明 (as many as the CLI's notes); the rest are counted. */
const SHOWN_SUSPECTS = 8;

export interface NarrativeViewProps {
  api: WorkbookApi;
  narrative: Narrative;
  busy: boolean;
}

/** The generated 说明: summary, 写入, then each section with its own 复制. */
export function NarrativeView({ api, narrative: n, busy }: NarrativeViewProps): React.JSX.Element {
  const styles = useStyles();
  // Last year's cells ("上年：2023.xlsx 表1!B36") are in another workbook: shown, never selected.
  const select = (refs: string[]) => {
    const here = refs.filter((r) => !isPriorRef(r));
    if (here.length) void api.select(here);
  };
  // Figures copied from cells the check found wrong: a warning of their own (each cell selectable),
  // not among the notes.
  const suspects = n.suspects ?? [];
  const suspectLines = new Set(suspectNotes(suspects));
  const notes = n.notes.filter((x) => !suspectLines.has(x));
  return (
    <div className={styles.stack}>
      {suspects.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-suspects={suspects.length}>
          <MessageBarBody>
            <MessageBarTitle>说明中有 {suspects.length} 个数字取自检查发现有问题的单元格</MessageBarTitle>
            <div>已按报表原样写出；请先修正报表，再重新生成说明。</div>
            <ul className={styles.suspects}>
              {suspects.slice(0, SHOWN_SUSPECTS).map((x) => (
                <li key={x.cell} data-suspect={x.cell}>
                  {x.sections.length > 1 ? `“${x.sections[0]}”等 ${x.sections.length} 节` : `“${x.sections[0]}”`}中的 {x.number} {x.unit}取自{' '}
                  <Link as="button" onClick={() => select([x.cell])} aria-label={`定位到 ${x.cell}`}>
                    {x.cell}
                  </Link>
                  ，{x.reason.replace(/[。；]$/, '')}。
                </li>
              ))}
              {suspects.length > SHOWN_SUSPECTS && <li>另有 {suspects.length - SHOWN_SUSPECTS} 个数字同样取自有问题的单元格（见“检查”页的问题列表）。</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.summary} aria-label="说明概况">
        <Text className={styles.title}>{n.title}</Text>
        <div className={styles.row}>
          <span className={mergeClasses(styles.pending, n.placeholders === 0 && styles.done)} data-placeholders={n.placeholders}>
            {n.placeholders > 0 ? `尚有 ${n.placeholders} 处待填写（黄色标出）` : '无待填写内容'}
          </span>
          <CopyButton label="复制全文" text={() => narrativeToText(n)}>
            复制全文
          </CopyButton>
        </div>
        <Text className={styles.hint}>金额为万元（元四舍五入到两位小数）。将鼠标移到数字上或用 Tab 键选中数字可查看其来源单元格，点击或按 Enter 在工作簿中定位{n.hasPrior ? '（较上年的数字还列出上年工作簿的单元格，只显示不定位）' : ''}。</Text>
        {notes.length > 0 && (
          <ul className={styles.notes}>
            {notes.map((x, i) => (
              <li key={i}>{x.replace('（--prior）', '')}</li>
            ))}
          </ul>
        )}
      </div>
      <NarrativeWriteBar api={api} narrative={n} busy={busy} />
      {n.sections.map((s, i) => (
        <NarrativeSectionCard key={s.id} sections={n.sections} index={i} onSelect={select} />
      ))}
    </div>
  );
}
