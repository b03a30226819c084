import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SessionState, WorkbookApi } from '../../src/excel/api';
import { generateNarrative } from '../../src/core/narrative/generate';
import { NarrativeView } from './NarrativeView';
import { NarrativeCheckPanel } from './NarrativeCheckPanel';
import { PriorYearPicker } from './PriorYearPicker';
import { usePriorWorkbook } from '../priorWorkbook';
import { assessPrior } from '../../src/excel/prior';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface NarrativeTabProps {
  api: WorkbookApi;
  session: SessionState;
}

/** 说明: the 说明 generated from the last check (复制, sources, 写入“公开说明”), and 核对 of a pasted one. */
export function NarrativeTab({ api, session }: NarrativeTabProps): React.JSX.Element {
  const styles = useStyles();
  const [view, setView] = React.useState<'generate' | 'check'>('generate');
  const result = session.outcome?.result;
  const disclosure = result?.disclosure ?? null;
  // Last year's workbook (picked in this tab): used when it is the same template as this year's.
  const priorState = usePriorWorkbook();
  const loaded = priorState.status === 'loaded' ? priorState.prior : null;
  const assessment = React.useMemo(() => (loaded ? assessPrior(loaded, disclosure) : null), [loaded, disclosure]);
  const prior = loaded && !assessment?.error ? loaded.disclosure : null;
  const narrative = React.useMemo(() => (result && disclosure ? generateNarrative(disclosure, prior, { check: result }) : null), [result, disclosure, prior]);
  const sheetFindings = result ? result.findings.filter((f) => f.rule.startsWith('narrative.')).length : 0;
  return (
    <div className={styles.stack}>
      <TabList className={styles.tabs} size="small" appearance="subtle" selectedValue={view} onTabSelect={(_, d) => setView(d.value as 'generate' | 'check')} aria-label="说明功能">
        <Tab value="generate">生成说明</Tab>
        <Tab value="check">核对说明</Tab>
      </TabList>
      {session.selectNote && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{session.selectNote}</MessageBarBody>
        </MessageBar>
      )}
      {session.error && (
        <MessageBar intent="error">
          <MessageBarBody>{session.error}</MessageBarBody>
        </MessageBar>
      )}
      <PriorYearPicker state={priorState} assessment={assessment} />
      {view === 'generate' ? (
        narrative ? (
          <NarrativeView api={api} narrative={narrative} busy={session.busy} />
        ) : result ? (
          <MessageBar intent="warning">
            <MessageBarBody>未识别出预算公开模板，无法生成说明。请确认工作簿包含收支总表等公开报表。</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <Text>说明根据检查时读取的报表生成：每个数字都注明来源单元格。请先检查本工作簿。</Text>
            <Button appearance="primary" disabled={session.busy} onClick={() => void api.check().catch(() => undefined)}>
              {session.busy ? '正在检查…' : '检查并生成说明'}
            </Button>
          </>
        )
      ) : (
        <NarrativeCheckPanel api={api} disclosure={disclosure} prior={prior} sheetFindings={sheetFindings} checked={!!result} />
      )}
    </div>
  );
}
