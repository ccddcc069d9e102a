import { isDictionaryWord } from './compounds.ts';
import type { Block } from './document.ts';
import { fold } from './dutch.ts';

/**
 * Turns text extracted from a PDF (or any plain text) into headings and paragraphs with their line
 * numbers, repairing the usual extraction damage: tabs between words, words hyphenated across lines,
 * page numbers and running headers, and layouts with a blank line after every line.
 */
export function textToBlocks(raw: string, options: { firstLine?: number; page?: number; furniture?: Set<string> } = {}): Block[] {
  const firstLine = options.firstLine ?? 1;
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map(normaliseLine).map(dropFootnoteMarks);
  const isWord = vocabulary(lines);
  const furniture = options.furniture ?? findRunningLines(lines);
  const blankPerLine = hasBlankAfterEveryLine(lines);

  const blocks: Block[] = [];
  let current: { lines: string[]; lineNumbers: number[]; start: number; end: number } | undefined;
  const typicalLength = typicalLineLength(lines);
  let blankRun = 0;
  // Unnumbered headings ("Tussenconclusie") sit under the numbered section they close.
  let numberedDepth = 0;

  const flush = () => {
    if (!current) return;
    const { text, lineBreaks } = joinLines(current.lines, isWord);
    if (/[\p{L}\p{N}]/u.test(text)) {
      let heading = current.lines.length === 1 ? headingLevel(text) : undefined;
      if (heading !== undefined) {
        if (NUMBERED_HEADING.test(text)) numberedDepth = heading;
        else heading = numberedDepth + 1;
      }
      blocks.push({
        kind: heading ? 'heading' : 'paragraph',
        text,
        level: heading,
        lineStart: current.start + firstLine - 1,
        lineEnd: current.end + firstLine - 1,
        lineOffsets: lineBreaks.map((offset, k) => [offset, current!.lineNumbers[k]! + firstLine - 1] as [number, number]),
        page: options.page,
      });
    }
    current = undefined;
  };

  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line === '' || isPageFurniture(line, furniture)) {
      if (line === '') blankRun++;
      // With a blank line after every line, only a longer gap ends a paragraph.
      if (line === '' && blankRun >= (blankPerLine ? 2 : 1)) flush();
      return;
    }
    blankRun = 0;
    if (current && endsParagraph(current.lines, line, typicalLength)) flush();
    if (!current) current = { lines: [], lineNumbers: [], start: lineNo, end: lineNo };
    current.lines.push(line);
    current.lineNumbers.push(lineNo);
    current.end = lineNo;
  });
  flush();
  return blocks;
}

export function normaliseLine(line: string): string {
  return line
    .replace(/\u00ad/g, '') // soft hyphens
    .replace(/[\t\u00a0\u2000-\u200b\u202f\u3000]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Footnote numbers glued to a word ("komen.1", "wijkzorgteams3") would make the word unfindable.
 * Short abbreviations keep their number: art.12, blz.3.
 */
export function dropFootnoteMarks(line: string): string {
  return line.replace(/(\p{Ll}{4}[.,;:]?)\d{1,2}(?=\s|$)/gu, '$1');
}

/**
 * Whether a word is known, from the dictionary or from this text itself (names and jargon are not in
 * the dictionary). `seenTwice` asks for a second occurrence: a fragment of a broken word occurs once.
 */
function vocabulary(lines: string[]): (word: string, seenTwice?: boolean) => boolean {
  const counts = new Map<string, number>();
  for (const line of lines) for (const w of fold(line).match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return (word, seenTwice = false) => {
    const w = fold(word);
    return (counts.get(w) ?? 0) > (seenTwice ? 1 : 0) || (w.length >= 3 && isDictionaryWord(w));
  };
}

/** Short lines that recur many times are running headers or footers, not content. */
export function findRunningLines(lines: string[], minRepeats = 5): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.length > 0 && line.length < 80) {
      const key = furnitureKey(line);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= minRepeats).map(([k]) => k));
}

/**
 * Running headers differ only in a page number at their start or end ("Kwesties en keuzes 11",
 * "12 Kwesties en keuzes"). Other numbers stay part of the key, so repeated "Telefoon: …" lines
 * with different numbers are content, not furniture; a key also needs three words to count.
 */
function furnitureKey(line: string): string {
  const key = line.toLowerCase().replace(/^\d{1,4}\s+|\s+\d{1,4}$/g, '').replace(/\s+/g, ' ').trim();
  const words = key.match(/\p{L}{2,}/gu)?.length ?? 0;
  return words >= 3 ? key : `\0${line}`;
}

function isPageFurniture(line: string, furniture: Set<string>): boolean {
  if (/^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$/.test(line)) return true; // bare page number
  if (/^(?:pagina|page|blz\.?)\s*\d+(?:\s*(?:van|of|\/)\s*\d+)?$/i.test(line)) return true;
  if (/^[.\s•·_…-]+$/.test(line)) return true; // dotted fill-in lines and rules
  return furniture.has(furnitureKey(line));
}

function hasBlankAfterEveryLine(lines: string[]): boolean {
  let pairs = 0;
  let textLines = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i] !== '') {
      textLines++;
      if (lines[i + 1] === '') pairs++;
    }
  }
  return textLines > 10 && pairs / textLines > 0.8;
}

const NUMBERED_HEADING = /^(?:hoofdstuk\s+)?\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\p{Lu}/iu;

/** A lone short line without closing punctuation that looks like a title. Returns its depth. */
export function headingLevel(line: string): number | undefined {
  if (line.length > 80 || line.length < 3) return undefined;
  if (/[.,;:!?)"”’]$/.test(line) && !/^\d+(\.\d+)*\.?\s/.test(line)) return undefined;
  if (/^[•·\-–*]/.test(line)) return undefined;
  const words = line.split(/\s+/);
  if (words.length > 10) return undefined;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered) {
    const number = /^(?:hoofdstuk\s+)?(\d+(?:\.\d+)*)/i.exec(line)![1]!;
    // A numbered line ending a sentence fragment is more likely a footnote or list item.
    return words.length <= 9 ? number.split('.').length : undefined;
  }
  return /^\p{Lu}/u.test(line) && words.length <= 6 && !/\d{3,}/.test(line) ? 1 : undefined;
}

function endsParagraph(previous: string[], next: string, typicalLength: number): boolean {
  const last = previous[previous.length - 1]!;
  // A heading-looking line stands alone, and so does a new bullet or a numbered heading.
  if (previous.length === 1 && headingLevel(last) !== undefined && /^\p{Lu}/u.test(next)) return true;
  if (/^[•·▪●◦]\s|^[-–*]\s/.test(next)) return true;
  if (NUMBERED_HEADING.test(next) && headingLevel(next) !== undefined) return true;
  // A sentence that ends well before the right margin ends its paragraph.
  const sentenceEnd = /[.!?:"”’)]$/.test(last);
  if (sentenceEnd && last.length < typicalLength * 0.75) return true;
  return sentenceEnd && headingLevel(next) !== undefined;
}

/** The length of a full line in this text (its 80th percentile), to recognise short last lines. */
function typicalLineLength(lines: string[]): number {
  const lengths = lines.filter((l) => l.length > 0).map((l) => l.length).sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length * 0.8)]! : 80;
}

/**
 * Joins a paragraph's lines, repairing words hyphenated across a line break ("ge-\nzinnen") and,
 * given a word test, words whose hyphen the extractor dropped ("routi\nne", "maat\nschappelijke"):
 * joined when the whole is a word and the two pieces are not both words. Returns where each line
 * starts in the joined text so a part of the paragraph can name its lines.
 */
export function joinLines(lines: string[], isWord?: (word: string, seenTwice?: boolean) => boolean): { text: string; lineBreaks: number[] } {
  let text = '';
  const lineBreaks: number[] = [];
  for (const line of lines) {
    if (text === '') {
      lineBreaks.push(0);
      text = line;
    } else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line) && !/^(?:en|of|tot|en\/of)\b/.test(line)) {
      text = text.slice(0, -1);
      lineBreaks.push(text.length);
      text += line;
    } else if (isWord && brokenWord(text, line, isWord)) {
      lineBreaks.push(text.length);
      text += line;
    } else {
      lineBreaks.push(text.length + 1);
      text += ' ' + line;
    }
  }
  return { text, lineBreaks };
}

function brokenWord(before: string, after: string, isWord: (word: string, seenTwice?: boolean) => boolean): boolean {
  const head = /(?:^|[^\p{L}])(\p{Ll}+)$/u.exec(before)?.[1];
  const tail = /^(\p{Ll}+)(?![\p{L}])/u.exec(after)?.[1];
  if (!head || !tail) return false;
  return isWord(head + tail) && !(isWord(head, true) && isWord(tail, true));
}
