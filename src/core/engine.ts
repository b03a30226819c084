/**
 * The engine's single entry point: Grid in, findings out. Used by the CLI, the Excel adapter
 * and the browser alike; imports nothing from Office, React or Node.
 */
import { Grid } from './grid';
import { Finding, sortFindings } from './finding';
import { Disclosure, TableKind } from './disclosure';
import { recognise } from './recognise/recognise';
import { Profile } from './recognise/profile';
import { BUILTIN_PROFILES } from './recognise/profiles';
import { RULE_FAMILIES } from './rules';
import { RuleFamily } from './rules/types';
import { CodeCatalogue, builtinCatalogue } from './codes/catalogue';
import { Cause, assignFindingIds, diagnose } from './causes';

export interface CheckOptions {
  /** Profiles to try; default: the built-in ones. */
  profiles?: Profile[];
  /** Code catalogue; default: the built-in (partial) one. */
  codes?: CodeCatalogue;
  /** Work out the causes of the findings (default true; the mutation baseline turns it off). */
  diagnose?: boolean;
}

export interface TableSummary {
  id: string;
  kind: TableKind;
  title: string;
  number?: string;
  sheet: string;
  titleCell: string;
  unit: string;
  part?: string;
  rows: number;
  empty: boolean;
}

export interface CheckResult {
  source: string;
  profile: { id: string; name: string } | null;
  tables: TableSummary[];
  missing: { id: string; kind: TableKind; title: string }[];
  findings: Finding[];
  /** The cell changes that explain the findings, most important first (src/core/causes). */
  causes?: Cause[];
  disclosure: Disclosure | null;
}

export function checkGrid(grid: Grid, opts: CheckOptions = {}): CheckResult {
  const profiles = opts.profiles ?? BUILTIN_PROFILES;
  const codes = opts.codes ?? builtinCatalogue();
  let rec: ReturnType<typeof recognise>;
  try {
    rec = recognise(grid, profiles);
  } catch (e) {
    // Never a stack trace for odd data: say what happened and where.
    rec = {
      disclosure: null,
      findings: [
        {
          rule: 'table.internal',
          severity: 'error',
          message: `识别“${grid.source}”中的报表时出错：${(e as Error).message}。请把该工作簿反馈给开发人员。`,
          cells: [],
        },
      ],
    };
  }
  const findings: Finding[] = [...rec.findings];
  const d = rec.disclosure;
  const byFamily = new Map<RuleFamily, Finding[]>();
  if (d) {
    for (const family of RULE_FAMILIES) {
      try {
        const out = family.run({ disclosure: d, codes, grid });
        byFamily.set(family, out);
        findings.push(...out);
      } catch (e) {
        findings.push({
          rule: `${family.id}.internal`,
          severity: 'info',
          message: `规则组“${family.title}”未能完成检查：${(e as Error).message}`,
          cells: [],
        });
      }
    }
  }
  const sorted = sortFindings(findings);
  assignFindingIds(sorted);
  let causes: Cause[] = [];
  if (d && opts.diagnose !== false) {
    try {
      const dx = diagnose({ disclosure: d, findings: sorted, families: RULE_FAMILIES, codes, grid, baseline: byFamily });
      causes = dx.causes;
      for (const f of sorted) {
        const c = f.id && dx.causeOf.get(f.id);
        if (c) f.cause = c;
      }
    } catch (e) {
      sorted.push({ rule: 'cause.internal', severity: 'info', message: `未能找出各项问题的根源：${(e as Error).message}`, cells: [] });
    }
  }
  return {
    source: grid.source,
    profile: d ? d.profile : null,
    tables: d
      ? d.tables.map((t) => ({
          id: t.id,
          kind: t.kind,
          title: t.title,
          number: t.number,
          sheet: t.sheet,
          titleCell: t.titleCell,
          unit: t.unit,
          part: t.part,
          rows: t.rows.length + (t.blocks ?? []).reduce((n, b) => n + b.rows.length, 0),
          empty: t.empty,
        }))
      : [],
    missing: d ? d.missing : [],
    findings: sorted,
    causes,
    disclosure: d,
  };
}
