/**
 * Scores checkNarrative on the real 说明 passages in test/corpus/narrative against their key
 * (key.json: every arithmetic check of each passage, verdict OK / ROUNDING / CONTRADICTION).
 *
 * A finding is placed on the passage with line breaks removed (the key's `sentence` is a verbatim
 * substring of that text) and matched to the key checks whose sentence it overlaps.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { checkNarrative, splitParagraphs } from '../../src/core/narrative';
import { Finding } from '../../src/core/finding';

export const CORPUS = path.join(__dirname, '..', 'corpus', 'narrative');

export interface KeyCheck {
  sentence: string;
  stated: string;
  expected: string;
  verdict: 'OK' | 'ROUNDING' | 'CONTRADICTION';
  why: string;
  type: string;
}
export interface KeyFile {
  file: string;
  province: string;
  kind: string;
  checks: KeyCheck[];
}

export function loadKey(dir = CORPUS): KeyFile[] {
  return (JSON.parse(readFileSync(path.join(dir, 'key.json'), 'utf8')) as { files: KeyFile[] }).files;
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS).filter((f) => /^\d\d-.*\.txt$/.test(f)).sort();
}

/** The passage (line 1 is the source line), its paragraphs, and where each paragraph starts in the joined text. */
export function passage(file: string, dir = CORPUS): { paragraphs: string[]; joined: string; starts: number[] } {
  const raw = readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
  const lines = raw.split('\n').slice(1);
  const joined = lines.join('');
  const paragraphs = splitParagraphs(lines.join('\n'));
  const starts: number[] = [];
  let off = 0;
  let k = 0;
  for (const line of lines) {
    const t = line.replace(/\s+$/, '');
    if (t.trim() !== '' && k < paragraphs.length && paragraphs[k] === t) {
      starts.push(off);
      k++;
    }
    off += line.length;
  }
  if (starts.length !== paragraphs.length) throw new Error(`${file}: paragraphs do not map to lines`);
  return { paragraphs, joined, starts };
}

function occurrences(hay: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  let i = hay.indexOf(needle);
  while (i >= 0) {
    out.push([i, i + needle.length]);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

export interface FileScore {
  file: string;
  contradictions: number;
  found: KeyCheck[];
  missed: KeyCheck[];
  /** Errors on sentences of OK / ROUNDING checks only. */
  falseOnKeyed: { finding: Finding; checks: KeyCheck[] }[];
  /** Errors on text no key check covers. */
  unkeyed: Finding[];
  warnings: number;
  findings: Finding[];
}

export function scoreFile(kf: KeyFile, dir = CORPUS): FileScore {
  const { paragraphs, joined, starts } = passage(kf.file, dir);
  const findings = checkNarrative(paragraphs, null);
  const spans = kf.checks.map((c) => {
    const occ = occurrences(joined, c.sentence);
    if (occ.length === 0) throw new Error(`${kf.file}: key sentence not in the passage: ${c.sentence}`);
    return occ;
  });
  const place = (f: Finding): [number, number] | undefined => {
    if (!f.text) return undefined;
    const s = starts[f.text.paragraph - 1] + f.text.start;
    return [s, starts[f.text.paragraph - 1] + f.text.end];
  };
  const overlapping = (f: Finding): KeyCheck[] => {
    const p = place(f);
    if (!p) return [];
    return kf.checks.filter((_, i) => spans[i].some(([a, b]) => p[0] < b && a < p[1]));
  };
  const errors = findings.filter((f) => f.severity === 'error');
  const score: FileScore = { file: kf.file, contradictions: 0, found: [], missed: [], falseOnKeyed: [], unkeyed: [], warnings: findings.filter((f) => f.severity === 'warning').length, findings };
  const hit = new Set<KeyCheck>();
  for (const f of errors) {
    const cs = overlapping(f);
    if (cs.length === 0) score.unkeyed.push(f);
    else if (cs.some((c) => c.verdict === 'CONTRADICTION')) cs.filter((c) => c.verdict === 'CONTRADICTION').forEach((c) => hit.add(c));
    else score.falseOnKeyed.push({ finding: f, checks: cs });
  }
  for (const c of kf.checks) {
    if (c.verdict !== 'CONTRADICTION') continue;
    score.contradictions++;
    (hit.has(c) ? score.found : score.missed).push(c);
  }
  return score;
}
