/**
 * Generates the 说明 from the Disclosure (and last year's, when given) with the template of the
 * workbook's province (its folder's `narrative`), or the national template for any other profile.
 */
import { Disclosure } from '../disclosure';
import { Narrative, NarrativeSection } from './types';
import { nationalNarrative } from '../profiles/national/narrative';
import { BUILTIN_PROFILES } from '../profiles';
import type { Profile } from '../recognise/profile';
import { subjectOf } from './builder';
import { figureById } from './figures';
import { WorkbookCheck, suspectFigures, suspectNotes } from './suspects';

export { P, PLACEHOLDER_PRIOR } from './builder';

export interface GenerateOptions {
  profiles?: Profile[];
  /**
   * The workbook's own check (the engine's findings and causes): figures taken from cells it found
   * wrong are listed in the notes, first (see suspects.ts).
   */
  check?: WorkbookCheck;
}

export function generateNarrative(d: Disclosure, prior?: Disclosure | null, opts: GenerateOptions = {}): Narrative {
  const notes: string[] = [];
  const template = (opts.profiles ?? BUILTIN_PROFILES).find((p) => p.id === d.profile.id)?.narrative;
  let sections: NarrativeSection[];
  let title: string;
  if (template) {
    sections = template.sections(d, prior, notes);
    title = template.title(d.unitName);
  } else {
    // Any other profile (the national layer, a province without a template of its own).
    sections = nationalNarrative(d, prior, notes, subjectOf(d));
    title = `${d.unitName ?? '本部门'}部门预算公开说明`;
  }
  if (!prior) {
    // Only where the “三公” table has a 上年 column is last year's “三公” figure known without --prior.
    const threeFromTable = !!figureById('three.total').prior?.(d);
    notes.push(`未提供上年数据（--prior），较上年增减处留有占位符${threeFromTable ? '；“三公”经费的上年数取自“三公”经费表的上年栏' : ''}。`);
  }
  for (const m of d.missing) notes.push(`缺少“${m.title}”，相关说明未生成。`);
  const placeholders = sections.reduce((a, s) => a + s.paragraphs.reduce((b, p) => b + p.placeholders, 0), 0);
  const suspects = opts.check ? suspectFigures(sections, opts.check) : [];
  notes.unshift(...suspectNotes(suspects));
  return { source: d.source, profile: d.profile, title, sections, placeholders, hasPrior: !!prior, notes, suspects };
}
