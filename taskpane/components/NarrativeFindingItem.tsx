import * as React from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../src/core/finding';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  quote: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    overflowWrap: 'anywhere',
  },
});

export interface NarrativeFindingItemProps {
  finding: Finding;
  onSelect(refs: string[]): void;
  /** Selects the excerpt in the pasted text. */
  onShowText?(f: Finding): void;
}

/** A finding on 说明 text: where in the text (paragraph and excerpt), then the finding with its table cells. */
export function NarrativeFindingItem({ finding: f, onSelect, onShowText }: NarrativeFindingItemProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.item}>
      {f.text && (
        <div className={styles.quote} data-excerpt>
          {onShowText ? (
            <Link as="button" onClick={() => onShowText(f)} aria-label={`在文字中显示第 ${f.text.paragraph} 段的这一处`}>
              第 {f.text.paragraph} 段
            </Link>
          ) : (
            <span>第 {f.text.paragraph} 段</span>
          )}
          ：“{f.text.excerpt}”
        </div>
      )}
      <FindingItem finding={f} onSelect={onSelect} />
    </div>
  );
}
