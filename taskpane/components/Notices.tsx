import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { SessionState } from '../../src/excel/api';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Errors, read warnings, cells that could not be marked, and the result of 清除标记. */
export function Notices({ session }: { session: SessionState }): React.JSX.Element | null {
  const styles = useStyles();
  const items: React.JSX.Element[] = [];
  if (session.error) {
    items.push(
      <MessageBar key="error" intent="error">
        <MessageBarBody>{session.error}</MessageBarBody>
      </MessageBar>,
    );
  }
  const o = session.outcome;
  if (o) {
    for (const [i, w] of o.read.warnings.entries()) {
      items.push(
        <MessageBar key={`w${i}`} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>,
      );
    }
    if (o.marks.skipped.length) {
      items.push(
        <MessageBar key="skipped" intent="warning">
          <MessageBarBody>
            <MessageBarTitle>有 {o.marks.skipped.length} 个单元格未能标记</MessageBarTitle>
            {o.marks.skipped[0].reason}
            {o.marks.skipped.length > 1 ? ' 等' : ''}
          </MessageBarBody>
        </MessageBar>,
      );
    }
  }
  if (session.cleared && !session.busy) {
    const c = session.cleared;
    items.push(
      <MessageBar key="cleared" intent="success">
        <MessageBarBody>
          已清除标记：恢复 {c.restored} 个单元格的原有格式{c.notesRemoved ? `，删除 ${c.notesRemoved} 条批注` : ''}
          {c.resultsSheetRemoved ? '，删除“校验结果”工作表' : ''}
          {c.keptUserChanges ? `；${c.keptUserChanges} 个单元格的填充已被您修改，保持不变` : ''}。
        </MessageBarBody>
      </MessageBar>,
    );
  }
  return items.length ? <div className={styles.stack}>{items}</div> : null;
}
