import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookApi } from '../../src/excel/api';
import type { UserCodes } from '../../src/excel/codes';
import { readCodesFile } from '../codesFile';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  input: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0, padding: 0, margin: '-1px' },
});

/**
 * 导入本地科目表: the user's own list (.xlsx or .csv: 编码, 名称, 可选 类别), read in the pane (no
 * upload), kept in this workbook; 检查 and 核对说明 then use it as the CLI's --codes does.
 */
export function CodesImport({ api, codes, busy }: { api: WorkbookApi; codes?: UserCodes; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [state, setState] = React.useState<{ status: 'idle' } | { status: 'reading'; file: string } | { status: 'error'; message: string } | { status: 'done'; file: string }>({ status: 'idle' });
  const onChange = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setState({ status: 'reading', file: f.name });
    try {
      const read = await readCodesFile(f);
      await api.setCodes(read);
      setState({ status: 'done', file: f.name });
    } catch (err) {
      setState({ status: 'error', message: (err as Error).message });
    }
  };
  return (
    <section className={styles.box} aria-label="本地科目表" data-codes={codes ? 'loaded' : 'none'}>
      <input ref={input} className={styles.input} type="file" accept=".xlsx,.csv" tabIndex={-1} aria-label="科目表文件" onChange={(e) => void onChange(e)} />
      {codes ? (
        <Text className={styles.hint} data-codes-file>
          使用本地科目表：{codes.label}（{codes.rows.length} 个编码），已保存在本工作簿中{state.status === 'done' ? '；重新检查后生效' : ''}。
        </Text>
      ) : (
        <Text className={styles.hint}>未导入本地科目表：科目编码按内置的财政部科目表核对，内置表中没有的编码只作提示。</Text>
      )}
      {state.status === 'reading' && <Spinner size="tiny" label={`正在读取“${state.file}”…`} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button size="small" disabled={busy || state.status === 'reading'} onClick={() => input.current?.click()}>
          {codes ? '更换本地科目表…' : '导入本地科目表…'}
        </Button>
        {codes && (
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => void api.setCodes(undefined).then(() => setState({ status: 'idle' }))}>
            移除
          </Button>
        )}
      </div>
    </section>
  );
}
