import * as React from 'react';
import type { SessionState, WorkbookApi } from '../src/excel/api';

/** The shared session (pane and ribbon) as React state. */
export function useSession(api: WorkbookApi): SessionState {
  const [state, setState] = React.useState<SessionState>(api.state());
  React.useEffect(() => {
    setState(api.state());
    return api.subscribe(setState);
  }, [api]);
  return state;
}
