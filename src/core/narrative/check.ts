/**
 * checkNarrative: a 说明 text (paragraphs) against itself and, when given, against the tables.
 */
import { Disclosure } from '../disclosure';
import { Finding } from '../finding';
import type { CodeCatalogue } from '../codes/catalogue';
import { extract } from './extract';
import { TextFindings, checkTextArithmetic } from './textcheck';
import { checkAgainstTables } from './match';

export interface NarrativeCheckOptions {
  /** The cell each paragraph was read from (a 说明 sheet); findings then point at it first. */
  paragraphCells?: (string | undefined)[];
  /** Code catalogue for codes in the text (名称 beside a code). */
  codes?: CodeCatalogue;
  /** A label for messages: the file or sheet the text came from. */
  source?: string;
  /**
   * Last year's workbook (CLI --prior, the pane's 上年 picker). 较上年 changes and 上年 figures are
   * compared with it only when given; otherwise only with a table's own 上年 column (三公), if any.
   */
  prior?: Disclosure | null;
}

export function checkNarrative(paragraphs: string[], d: Disclosure | null, opts: NarrativeCheckOptions = {}): Finding[] {
  const x = extract(paragraphs);
  const out = new TextFindings(x, { paragraphCells: opts.paragraphCells });
  checkTextArithmetic(x, out);
  checkAgainstTables(x, d, out, opts.codes, opts.prior);
  return out.findings;
}
