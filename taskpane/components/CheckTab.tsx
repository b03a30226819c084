import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../src/core/finding';
import type { SessionState, WorkbookApi } from '../../src/excel/api';
import { Toolbar } from './Toolbar';
import { SeverityFilter } from './SeverityFilter';
import { TemplateInfo } from './TemplateInfo';
import { FindingsList } from './FindingsList';
import { Notices } from './Notices';
import { CodesImport } from './CodesImport';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface CheckTabProps {
  api: WorkbookApi;
  session: SessionState;
}

export function CheckTab({ api, session }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const outcome = session.outcome;
  const units = React.useMemo(() => new Map((outcome?.result.tables ?? []).map((t) => [t.title, t.unit])), [outcome]);
  // Errors are already in the session state (Chinese); the promise rejections need no handling here.
  const run = () => void api.check().catch(() => undefined);
  const clear = () => void api.clearMarks().catch(() => undefined);
  return (
    <div className={styles.stack}>
      <Toolbar busy={session.busy} progress={session.progress} checked={!!outcome} onCheck={run} onClear={clear} />
      <Notices session={session} />
      {outcome && (
        <>
          <SeverityFilter findings={outcome.result.findings} shown={shown} onChange={setShown} />
          <TemplateInfo result={outcome.result} />
          <FindingsList findings={outcome.result.findings} units={units} shown={shown} onSelect={(refs) => void api.select(refs)} />
        </>
      )}
      <CodesImport api={api} codes={session.codes} busy={session.busy} />
    </div>
  );
}
