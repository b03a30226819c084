import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { SessionState, WorkbookApi } from '../../src/excel/api';

export interface NarrativeTabProps {
  api: WorkbookApi;
  session: SessionState;
}

/** Slot for the 说明 (narrative) feature; owned by the narrative engineer. */
export function NarrativeTab(_props: NarrativeTabProps): React.JSX.Element {
  return <Text>说明功能由后续版本提供。</Text>;
}
