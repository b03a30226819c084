import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { copyText } from '../clipboard';

export interface CopyButtonProps {
  /** The text to copy, computed when clicked. */
  text: () => string;
  /** What is copied, for screen readers: "复制（一）收支预算总体情况". */
  label: string;
  children?: React.ReactNode;
}

/** 复制 → 已复制 (or 复制失败) for two seconds; the result is announced to screen readers. */
export function CopyButton({ text, label, children = '复制' }: CopyButtonProps): React.JSX.Element {
  const [state, setState] = React.useState<'idle' | 'done' | 'failed'>('idle');
  React.useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <Button
      size="small"
      appearance="subtle"
      aria-label={label}
      data-copy
      onClick={async () => setState((await copyText(text())) ? 'done' : 'failed')}
    >
      <span aria-live="polite">{state === 'done' ? '已复制' : state === 'failed' ? '复制失败' : children}</span>
    </Button>
  );
}
