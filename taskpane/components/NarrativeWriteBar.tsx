import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookApi } from '../../src/excel/api';
import type { NarrativeWriteOutcome } from '../../src/excel/narrative';
import type { Narrative } from '../../src/core/narrative/types';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  button: { width: '100%' },
});

export interface NarrativeWriteBarProps {
  api: WorkbookApi;
  narrative: Narrative;
  busy: boolean;
}

/** 写入“公开说明”工作表, and what happened: written, refused (not our sheet), or edited since (confirm). */
export function NarrativeWriteBar({ api, narrative, busy }: NarrativeWriteBarProps): React.JSX.Element {
  const styles = useStyles();
  const [outcome, setOutcome] = React.useState<NarrativeWriteOutcome | null>(null);
  React.useEffect(() => setOutcome(null), [narrative]);
  // Excel errors are in the session state (Chinese) and shown by the tab.
  const write = (overwrite = false) =>
    void api.writeNarrative(narrative, { overwrite }).then(setOutcome, () => setOutcome(null));
  return (
    <div className={styles.stack}>
      <Button appearance="primary" className={styles.button} disabled={busy} onClick={() => write()}>
        写入“公开说明”工作表
      </Button>
      {outcome?.status === 'written' && (
        <MessageBar intent="success">
          <MessageBarBody>
            {outcome.replaced ? '已重新写入' : '已写入'}“{outcome.sheet}”工作表：{outcome.rows} 行，B 列为每段数字的来源单元格。
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.status === 'foreign' && (
        <MessageBar intent="warning">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.status === 'edited' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => write(true)}>
              仍然覆盖
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setOutcome(null)}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
