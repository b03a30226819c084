export type { Cause, Change, Certainty } from './types';
export { diagnose, findingKey, causeMessage, shownValue } from './diagnose';
export type { DiagnoseInput, Diagnosis } from './diagnose';
export { assignFindingIds } from './ids';
export { causeMarks, causeMarkKind, causeMarkLines } from './marks';
export type { CellRole } from './marks';
export { causeRows, CAUSE_HEADER, CERTAINTY_LABEL } from './rows';
export type { CauseRow } from './rows';
