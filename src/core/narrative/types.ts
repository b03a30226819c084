/**
 * The generated 说明: sections → paragraphs → text, with every number traced to its cells.
 */
import type { SuspectFigure } from './suspects';

/** One number written into a paragraph. */
export interface NarrativeNumber {
  /** Offsets of the number's digits in the paragraph text. */
  start: number;
  end: number;
  /** As written: "150.94" (万元) or "11.94" (%). */
  text: string;
  unit: '万元' | '%';
  /** The cells the number comes from ("<sheet>!A1"); for a change: this year's and last year's cells. */
  cells: string[];
  /** How it was computed, when not a single cell: "本年 − 上年", "Σ 6 行" … */
  note?: string;
}

export interface NarrativeParagraph {
  text: string;
  numbers: NarrativeNumber[];
  /** Placeholders 【请填写…】 left in this paragraph. */
  placeholders: number;
}

export interface NarrativeSection {
  /** Stable id, e.g. "shaanxi.4.1". */
  id: string;
  /** Heading as printed: "（一）收支预算总体情况". */
  title: string;
  /** 1 for part headings (四、收支说明), 2 for sub-sections. */
  level: 1 | 2;
  paragraphs: NarrativeParagraph[];
}

export interface Narrative {
  source: string;
  profile: { id: string; name: string };
  title: string;
  sections: NarrativeSection[];
  /** Total placeholders left for the user (reasons for changes, figures without a source). */
  placeholders: number;
  /** Whether last year's figures were available. */
  hasPrior: boolean;
  /** Things the user should know: figures from cells the check found wrong, tables missing, sections not generated. */
  notes: string[];
  /** Figures taken from cells the workbook's check found wrong (only when the check was given). */
  suspects?: SuspectFigure[];
}

export const PLACEHOLDER_REASON = '【请填写原因】';
export const PLACEHOLDER_RE = /【请填写[^】]*】/g;

/** The narrative as plain paragraphs (headings included), in order: what checkNarrative reads back. */
export function narrativeParagraphs(n: Narrative): string[] {
  const out: string[] = [];
  for (const s of n.sections) {
    out.push(s.title);
    for (const p of s.paragraphs) out.push(p.text);
  }
  return out;
}

/** Plain text (.txt) or Markdown (.md): the 说明 only, without the tool's status line. */
export function narrativeToText(n: Narrative, format: 'txt' | 'md' = 'txt'): string {
  const lines: string[] = [];
  lines.push(format === 'md' ? `# ${n.title}` : n.title, '');
  for (const s of n.sections) {
    lines.push(format === 'md' ? `${s.level === 1 ? '##' : '###'} ${s.title}` : s.title, '');
    for (const p of s.paragraphs) lines.push(p.text, '');
  }
  // Only the 说明 itself: the count of 【请填写…】 left is the tool's status, shown by the CLI and the pane.
  return lines.join('\n');
}
