/**
 * The 说明 (narrative): generate it from the tables, check one already written.
 *
 *   generateNarrative(d, prior?, {check})   sections → paragraphs → text + numbers with cells (and
 *                                           the figures taken from cells the check found wrong)
 *   checkNarrative(paragraphs, d, opts?)     findings on the text (with text positions and cells)
 *   narrativeFromGrid(grid, sheetNameMatch)  paragraphs + their cells from a 说明 sheet
 */
export { generateNarrative, PLACEHOLDER_PRIOR } from './generate';
export { checkNarrative } from './check';
export type { NarrativeCheckOptions } from './check';
export { narrativeFromGrid, narrativeFromSheet } from './sheet';
export type { SheetNarrative } from './sheet';
export { splitParagraphs, extract } from './extract';
export type { SuspectFigure, WorkbookCheck } from './suspects';
export type { Narrative, NarrativeSection, NarrativeParagraph, NarrativeNumber } from './types';
export { narrativeParagraphs, narrativeToText, PLACEHOLDER_REASON, PLACEHOLDER_RE } from './types';
export { narrativeRules, NARRATIVE_RULES } from './rules';
