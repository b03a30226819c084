/**
 * 说明 files: read .docx (mammoth) / .txt / .md into paragraphs; write the generated 说明 as
 * .docx (docx library: a title, headings and paragraphs a Word user can paste into the report).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Paragraph as DocxParagraph } from 'docx';
import type { Narrative } from '../core/narrative/types';
import { splitParagraphs } from '../core/narrative/extract';
import { systemReason } from './errors';

export class NarrativeFileError extends Error {
  constructor(
    public readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'NarrativeFileError';
  }
}

/** Paragraphs of a .docx, .txt or .md file; a Chinese NarrativeFileError when it cannot be read. */
export async function readNarrativeFile(file: string): Promise<string[]> {
  const name = path.basename(file);
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    throw new NarrativeFileError(file, `无法打开说明文件“${file}”：${systemReason(e, 'read')}。`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docx') {
    if (buf[0] !== 0x50 || buf[1] !== 0x4b) {
      throw new NarrativeFileError(file, `说明文件“${name}”不是 .docx 格式${buf[0] === 0xd0 ? '（可能是旧版 .doc，请在 Word 或 WPS 中另存为 .docx）' : ''}。`);
    }
    try {
      // Loaded on first use: the command line starts faster without mammoth and docx.
      const mammoth = (await import('mammoth')).default;
      const r = await mammoth.extractRawText({ buffer: buf });
      return splitParagraphs(r.value);
    } catch (e) {
      throw new NarrativeFileError(file, `说明文件“${name}”无法读取：文件可能已损坏，或不是 Word 文档。请在 Word 或 WPS 中打开并另存为 .docx 后再检查。`);
    }
  }
  if (ext === '.doc') throw new NarrativeFileError(file, `说明文件“${name}”是旧版 .doc 格式，请另存为 .docx 或 .txt 后再检查。`);
  if (ext === '.pdf') throw new NarrativeFileError(file, `不支持 PDF 说明文件“${name}”，请先转换为 .docx 或 .txt。`);
  let text = buf.toString('utf8');
  if (text.includes('\ufffd')) {
    // Not UTF-8: try GB18030 (common for Chinese .txt files saved on Windows).
    try {
      text = new TextDecoder('gb18030').decode(buf);
    } catch {
      throw new NarrativeFileError(file, `说明文件“${name}”不是 UTF-8 编码的文本，请另存为 UTF-8 后再检查。`);
    }
  }
  return splitParagraphs(text.replace(/^\ufeff/, ''));
}

/** The generated 说明 as a .docx: title, section headings, body paragraphs (仿宋-like body, 2-char indent). */
export async function narrativeToDocx(n: Narrative): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const children: DocxParagraph[] = [];
  children.push(new Paragraph({ text: n.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }));
  for (const s of n.sections) {
    children.push(new Paragraph({ text: s.title, heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) {
      children.push(new Paragraph({ children: [new TextRun({ text: p.text, size: 28 })], indent: { firstLine: 560 }, spacing: { line: 360 } }));
    }
  }
  const doc = new Document({ creator: '预算公开校验助手', title: n.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
