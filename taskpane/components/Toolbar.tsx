import * as React from 'react';
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../../src/excel/api';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '120px' },
});

export interface ToolbarProps {
  busy: boolean;
  progress?: Progress;
  checked: boolean;
  onCheck(): void;
  onClear(): void;
}

export function Toolbar({ busy, progress, checked, onCheck, onClear }: ToolbarProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div>
      <div className={styles.row}>
        <Button appearance="primary" className={styles.grow} disabled={busy} onClick={onCheck}>
          {checked ? '重新检查' : '检查'}
        </Button>
        <Button className={styles.grow} disabled={busy} onClick={onClear}>
          清除标记
        </Button>
      </div>
      {busy && progress && (
        <Field validationMessage={progress.label} validationState="none" aria-live="polite">
          <ProgressBar value={progress.fraction} max={1} thickness="large" />
        </Field>
      )}
    </div>
  );
}
