import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../src/core/engine';
import { countTables, tablesText } from '../../src/excel/marks';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  missing: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The recognised template, its tables, and the expected tables that were not found. */
export function TemplateInfo({ result }: { result: CheckResult }): React.JSX.Element {
  const styles = useStyles();
  if (!result.profile) {
    return (
      <Text className={styles.missing}>
        未识别出预算公开模板：没有找到“收支总表”等表格的标题。请确认打开的是预算公开报表工作簿。
      </Text>
    );
  }
  const n = countTables(result.tables);
  return (
    <div className={styles.box}>
      <Text weight="semibold">模板：{result.profile.name}</Text>
      <Text className={styles.muted} data-table-count>
        {tablesText(result.tables)}
        {result.missing.length ? `，缺少 ${result.missing.length} 张` : ''}
      </Text>
      <Accordion collapsible multiple>
        <AccordionItem value="tables">
          <AccordionHeader size="small">已识别的表格（{n.blocks > n.tables ? `${n.tables} 张，${n.blocks} 个区块` : `${n.tables} 张`}）</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {result.tables.map((t) => (
                <li key={`${t.id}-${t.sheet}-${t.titleCell}`}>
                  {t.number ? `${t.number} ` : ''}
                  {t.title}
                  {t.part ? `（${t.part}）` : ''}
                  {t.empty ? '（空表）' : ''} · {t.unit}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        {result.missing.length > 0 && (
          <AccordionItem value="missing">
            <AccordionHeader size="small">未找到的表格（{result.missing.length}）</AccordionHeader>
            <AccordionPanel>
              <ul className={`${styles.list} ${styles.missing}`}>
                {result.missing.map((m) => (
                  <li key={m.id}>{m.title}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </div>
  );
}
