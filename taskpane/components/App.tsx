import * as React from 'react';
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { WorkbookApi } from '../../src/excel/api';
import { useSession } from '../useSession';
import { CheckTab } from './CheckTab';
import { NarrativeTab } from './NarrativeTab';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
});

export interface AppProps {
  api: WorkbookApi;
}

export function App({ api }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const session = useSession(api);
  const [tab, setTab] = React.useState<'check' | 'narrative'>('check');
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>预算公开校验助手</h1>
        <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'check' | 'narrative')} aria-label="功能">
          <Tab value="check">检查</Tab>
          <Tab value="narrative">说明</Tab>
        </TabList>
      </header>
      <main className={styles.body}>
        {tab === 'check' ? <CheckTab api={api} session={session} /> : <NarrativeTab api={api} session={session} />}
      </main>
    </FluentProvider>
  );
}
