import { Disclosure } from '../disclosure';
import type { CodeCatalogue } from '../codes/catalogue';
import { ExtractedText } from './extract';
import { TextFindings } from './textcheck';

export function checkAgainstTables(x: ExtractedText, d: Disclosure | null, out: TextFindings, codes?: CodeCatalogue): void {
  void x; void d; void out; void codes;
}
