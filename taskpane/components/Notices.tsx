import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { SessionState } from '../../src/excel/api';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** A read warning that only says what this host cannot do. */
const isHostLimit = (w: string) => w.startsWith('此版本的 Excel');

function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '此前';
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

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
  if (!o && !session.busy && !session.cleared && !session.error) {
    const saved = session.saved;
    if (saved?.summary) {
      const c = saved.summary.counts;
      items.push(
        <MessageBar key="saved" intent="info" layout="multiline" data-notice="saved">
          <MessageBarBody>
            本工作簿已有校验标记（{formatWhen(saved.markedAt)} 检查：错误 {c.error} 个，警告 {c.warning} 个，提示 {c.info} 个）。点击“重新检查”查看问题清单，或点击“清除标记”恢复原样。
          </MessageBarBody>
        </MessageBar>,
      );
    } else {
      items.push(
        <MessageBar key="before" intent="info" layout="multiline" data-notice="before-first-check">
          <MessageBarBody>检查会给有问题的单元格填色（Excel 支持时另加批注），并新增“校验结果”工作表；不改动任何数值，“清除标记”可全部恢复原样。</MessageBarBody>
        </MessageBar>,
      );
    }
  }
  if (session.selectNote) {
    items.push(
      <MessageBar key="select" intent="info" layout="multiline">
        <MessageBarBody>{session.selectNote}</MessageBarBody>
      </MessageBar>,
    );
  }
  if (o && session.saved && session.saved.markedAt !== o.marks.markedAt && !session.busy) {
    // the ribbon (another runtime, no shared runtime) or another pane checked the workbook since
    items.push(
      <MessageBar key="stale" intent="warning" layout="multiline" data-notice="stale">
        <MessageBarBody>工作簿在 {formatWhen(session.saved.markedAt)} 又检查过一次（例如从功能区），下面的清单可能已过时：请点击“重新检查”。</MessageBarBody>
      </MessageBar>,
    );
  } else if (o && !session.saved && session.cleared === undefined && o.marks.markedAt && session.savedRead && !session.busy) {
    items.push(
      <MessageBar key="gone" intent="warning" layout="multiline" data-notice="stale">
        <MessageBarBody>工作簿中的校验标记已被清除（例如从功能区），下面的清单不再对应单元格上的标记：请点击“重新检查”。</MessageBarBody>
      </MessageBar>,
    );
  }
  if (o) {
    // What this version of Excel cannot do: one box, not one per item.
    const limits = [...o.read.warnings.filter(isHostLimit), ...o.marks.degraded];
    if (limits.length) {
      items.push(
        <MessageBar key="limits" intent="info" layout="multiline" data-notice="host-limits">
          <MessageBarBody>
            <MessageBarTitle>此版本 Excel 的限制（{limits.length} 项）</MessageBarTitle>
            <ul className={styles.list}>
              {limits.map((l, i) => (
                <li key={i}>{l.replace(/^此版本的 Excel /, '')}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>,
      );
    }
    for (const [i, w] of o.read.warnings.filter((x) => !isHostLimit(x)).entries()) {
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
