import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PriorAssessment } from '../../src/excel/prior';
import { PriorState, clearPrior, loadPriorFile } from '../priorWorkbook';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  // The native input stays in the page (for assistive technology and tests) but the button is what is seen and tabbed to.
  input: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0, padding: 0, margin: '-1px' },
});

export interface PriorYearPickerProps {
  state: PriorState;
  /** How the loaded workbook fits this year's (null when none is loaded). */
  assessment: PriorAssessment | null;
}

/** 选择上年工作簿…: last year's .xlsx, read in the browser, for the 较上年 figures of the 说明. */
export function PriorYearPicker({ state, assessment }: PriorYearPickerProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const pick = () => input.current?.click();
  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = ''; // picking the same file again reads it again
    if (f) void loadPriorFile(f);
  };
  const loading = state.status === 'loading';
  const has = state.status === 'loaded' || state.status === 'error';
  return (
    <section className={styles.box} aria-label="上年数据" data-prior={state.status}>
      <Text className={styles.heading}>上年数据</Text>
      <input ref={input} className={styles.input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" tabIndex={-1} aria-label="上年工作簿文件" onChange={onChange} />
      {state.status === 'none' && (
        <Text className={styles.hint}>选择上年同一模板的预算公开工作簿（.xlsx），说明中即写出较上年增减的金额和幅度。文件只在本机读取，不会上传。</Text>
      )}
      {state.status === 'loading' && <Spinner size="tiny" label={`正在读取“${state.file}”…`} />}
      {state.status === 'loaded' && <PriorSummary state={state} assessment={assessment} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button size="small" appearance={has ? 'secondary' : 'primary'} disabled={loading} onClick={pick}>
          {has ? '更换上年工作簿…' : '选择上年工作簿…'}
        </Button>
        {(has || loading) && (
          <Button size="small" appearance="subtle" onClick={clearPrior}>
            清除上年
          </Button>
        )}
      </div>
    </section>
  );
}

function PriorSummary({ state, assessment }: { state: Extract<PriorState, { status: 'loaded' }>; assessment: PriorAssessment | null }): React.JSX.Element {
  const styles = useStyles();
  const p = state.prior;
  const d = p.disclosure;
  const kb = Math.max(1, Math.round(p.size / 1024));
  return (
    <>
      <Text data-prior-file>
        <span className={styles.file}>{p.file}</span>
        <span className={styles.hint}>
          {' '}
          （{p.year ? `${p.year} 年，` : ''}
          {kb} KB）
        </span>
      </Text>
      {d && p.result.profile && (
        <Text className={styles.hint} data-prior-template>
          模板：{p.result.profile.name}
          {d.unitName ? ` · 单位：${d.unitName}` : ''} · 识别表格 {p.result.tables.length} 张
        </Text>
      )}
      {assessment?.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{assessment.error}</MessageBarBody>
        </MessageBar>
      ) : (
        <Text className={styles.hint}>较上年增减按此文件计算；上年的来源单元格标为“上年：{p.file}”。</Text>
      )}
      {assessment?.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
