import * as React from 'react';
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookApi } from '../../src/excel/api';
import type { Disclosure } from '../../src/core/disclosure';
import { Finding, countBySeverity, sortFindings } from '../../src/core/finding';
import { builtinCatalogue } from '../../src/core/codes/catalogue';
import { checkNarrative } from '../../src/core/narrative/check';
import { splitParagraphs } from '../../src/core/narrative/extract';
import { NarrativeFindingItem } from './NarrativeFindingItem';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '100px' },
  area: { width: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Offset of each paragraph (as splitParagraphs numbers them) in the text. */
export function paragraphOffsets(text: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.replace(/\r$/, '').trim() !== '') out.push(at);
    at += line.length + 1;
  }
  return out;
}

export interface NarrativeCheckPanelProps {
  api: WorkbookApi;
  disclosure: Disclosure | null;
  /** Findings on the workbook's own 说明 sheet from the last 检查. */
  sheetFindings: number;
  checked: boolean;
}

/** Paste a 说明, 核对 against the tables of the last check (or the text alone), list the findings. */
export function NarrativeCheckPanel({ api, disclosure, sheetFindings, checked }: NarrativeCheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState('');
  const [findings, setFindings] = React.useState<Finding[] | null>(null);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const run = () => {
    const paragraphs = splitParagraphs(text);
    // the user's own 科目表 when one is kept in this workbook (导入本地科目表), as the CLI's --codes
    setFindings(sortFindings(checkNarrative(paragraphs, disclosure, { codes: api.state().codes?.catalogue ?? builtinCatalogue() })));
  };
  const showText = (f: Finding) => {
    const el = area.current;
    if (!el || !f.text) return;
    const start = paragraphOffsets(text)[f.text.paragraph - 1];
    if (start === undefined) return;
    el.focus();
    el.setSelectionRange(start + f.text.start, start + f.text.end);
  };
  const n = findings ? countBySeverity(findings) : null;
  return (
    <div className={styles.stack}>
      <Text className={styles.hint}>
        {disclosure
          ? '对照本工作簿的报表核对说明中的金额、编码、合计与增减。'
          : checked
            ? '未识别出预算公开模板：只核对文字本身的计算（合计、增减、增幅）。'
            : '尚未检查工作簿：只核对文字本身的计算（合计、增减、增幅）。先在“检查”页运行检查，可对照报表核对。'}
        {checked && `工作簿中名称含“说明”的工作表在检查时已自动核对${sheetFindings ? `，发现 ${sheetFindings} 条，见“检查”页` : ''}。`}
      </Text>
      <Field label="说明文字（每段一行）">
        <Textarea
          className={styles.area}
          textarea={{ ref: area }}
          resize="vertical"
          rows={8}
          value={text}
          placeholder="在此粘贴已写好的公开说明……"
          onChange={(_, d) => {
            setText(d.value);
            setFindings(null);
          }}
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" className={styles.grow} disabled={!text.trim()} onClick={run}>
          核对
        </Button>
        <Button className={styles.grow} disabled={!text} onClick={() => (setText(''), setFindings(null))}>
          清空
        </Button>
      </div>
      {findings && n && (
        <Text role="status" data-check-summary>
          {findings.length === 0 ? '未发现问题。' : `发现 ${findings.length} 条：错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}。`}
        </Text>
      )}
      {findings && findings.length > 0 && (
        <ul className={styles.list} aria-label="核对结果">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`}>
              <NarrativeFindingItem finding={f} onSelect={(refs) => void api.select(refs)} onShowText={showText} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
