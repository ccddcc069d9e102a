import type { Passage } from '../knowledge/search-passages.ts';
import { splitSentences } from '../knowledge/sentences.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';
import type { EntityType } from '../privacy/index.ts';
import { support } from './grounding.ts';
import { anonymiseModelAnswer, introducedIdentifiers, type ModelPassage } from './model-guard.ts';

/** The refusal word, also as a model may bend it ("NIET IN DE BRONNEN", lower case). */
const REFUSAL = /NIET[_\s]IN[_\s](DE[_\s])?BRONNEN/i;
/** A cited sentence must share at least half of its words (or synonyms) with the fragment it cites. */
const SENTENCE_SUPPORT = 0.5;
/** The answer itself, then supporting points: the same shape as the answer without a model. */
const MAX_LEAD_SENTENCES = 2;
const MAX_POINTS = 2;
const BARE_YES_NO = /^(ja|nee|yes|no)[.!,]?$/i;
const POINT = /^\s*([-•*]|\d+[.)])\s+/;
/** A line so short it may still become a point ("-", "2", "2."). */
const MAYBE_POINT = /^\s*([-•*]|\d+[.)]?)?$/;

export type ModelAnswer =
  /** Text anonymised, markers renumbered 1, 2, 3 in order of first mention; `cited[k - 1]` is the passage (1-based) behind [k]. */
  | { kind: 'answer'; text: string; cited: number[] }
  /** The model says the passages do not answer the question. */
  | { kind: 'not-found' }
  /** Not to be trusted: no sentence grounded in a cited passage, or identifiers found in no source. */
  | { kind: 'rejected'; reason: 'ungrounded' | 'identifiers'; identifiers?: Partial<Record<EntityType, number>> };

/**
 * Checks a model's answer as it is written, one finished sentence at a time, and gives back only
 * what may be shown: a sentence whose citations the cited passage bears out (half its words or more,
 * and every number in it), without an identifier that no source holds, anonymised, its markers
 * renumbered. The pieces it gives add up to the final answer text in the answer-first shape: at most
 * two lead sentences (after "Ja." or "Nee."), then at most two supporting points.
 *
 * This is what makes streaming safe: a channel shows these pieces while the model is still writing,
 * never the raw text. The verdict at the end is taken on the whole raw answer, as before: a refusal
 * word or an identifier anywhere rejects it, so a channel that streamed pieces replaces them with the
 * answer the core falls back to (the quoted one). What was shown until then had passed every check.
 */
export class ModelAnswerCheck {
  private raw = '';
  /** Where the line being written starts in `raw`, and how many of its sentences were taken. */
  private lineStart = 0;
  private taken = 0;
  private stopped = false;
  private claims = 0;
  private yesNo: string | undefined;
  private points = 0;
  private inPoint = false;
  /** Points written before the lead had a claim: shown once the lead is done. */
  private held: Piece[] = [];
  private leadClosed = false;
  private shown = '';
  private readonly cited: number[] = [];

  constructor(
    private readonly sources: string[],
    private readonly sent: ModelPassage[],
    private readonly passages: Passage[],
    private readonly synonyms: Synonyms,
  ) {}

  /** Adds what the model wrote next; returns the pieces that became final and passed. */
  add(chunk: string): string[] {
    this.raw += chunk;
    if (REFUSAL.test(this.raw)) this.stopped = true;
    const out: string[] = [];
    while (!this.stopped) {
      const newline = this.raw.indexOf('\n', this.lineStart);
      const line = this.raw.slice(this.lineStart, newline < 0 ? undefined : newline);
      if (newline < 0) {
        // The line is still being written: its last sentence may not be finished.
        if (!MAYBE_POINT.test(line)) out.push(...this.takeSentences(line, false));
        break;
      }
      out.push(...this.takeSentences(line, true));
      this.lineStart = newline + 1;
      this.taken = 0;
      this.inPoint = false;
    }
    return out;
  }

  /** The model is done: the last sentence counts, and held points follow the lead. */
  finish(): string[] {
    const out = this.stopped ? [] : this.takeSentences(this.raw.slice(this.lineStart), true);
    return [...out, ...this.closeLead()];
  }

  /** The verdict on the whole answer, after `finish`. */
  verdict(): ModelAnswer {
    if (REFUSAL.test(this.raw)) return { kind: 'not-found' };
    const identifiers = introducedIdentifiers(this.raw, this.sources);
    if (Object.keys(identifiers).length > 0) return { kind: 'rejected', reason: 'identifiers', identifiers };
    if (this.claims === 0) return { kind: 'rejected', reason: 'ungrounded' };
    return { kind: 'answer', text: this.shown, cited: [...this.cited] };
  }

  private takeSentences(line: string, complete: boolean): string[] {
    const point = POINT.test(line);
    const sentences = splitSentences(point ? line.replace(POINT, '') : line);
    const ready = complete ? sentences.length : sentences.length - 1;
    const out: string[] = [];
    for (; this.taken < ready && !this.stopped; this.taken++) out.push(...this.take(sentences[this.taken]!, point));
    return out;
  }

  private take(sentence: string, point: boolean): string[] {
    if (point) return this.takePoint(sentence);
    if (this.leadClosed || this.claims === MAX_LEAD_SENTENCES) return [];
    // "Ja." or "Nee." before the cited sentence that says why carries no claim of its own.
    if (BARE_YES_NO.test(sentence)) {
      if (this.claims === 0) this.yesNo ??= sentence;
      return [];
    }
    const grounded = this.checked(sentence);
    if (!grounded) return [];
    const before = this.claims === 0 ? (this.yesNo ? `${this.yesNo} ` : '') : ' ';
    this.claims++;
    const out = [this.show(before, grounded)];
    return this.claims === MAX_LEAD_SENTENCES ? [...out, ...this.closeLead()] : out;
  }

  private takePoint(sentence: string): string[] {
    const grounded = this.checked(sentence);
    if (!grounded) return [];
    if (!this.inPoint) {
      if (this.points === MAX_POINTS) return [];
      this.points++;
      this.inPoint = true;
      return this.after(['\n• ', grounded]);
    }
    return this.after([' ', grounded]);
  }

  /** A point comes after the lead: the lead ends with the first point once it has a claim. */
  private after(piece: Piece): string[] {
    if (this.claims === 0) {
      this.held.push(piece);
      return [];
    }
    return [...this.closeLead(), this.show(...piece)];
  }

  private closeLead(): string[] {
    if (this.leadClosed || this.claims === 0) return [];
    this.leadClosed = true;
    const held = this.held.map((piece) => this.show(...piece));
    this.held = [];
    return held;
  }

  /** The sentence with only the citations its passage bears out, or undefined (also when it names an unknown identifier, which stops the answer). */
  private checked(sentence: string): string | undefined {
    if (Object.keys(introducedIdentifiers(sentence, this.sources)).length > 0) {
      this.stopped = true;
      return undefined;
    }
    const plain = sentence.replace(/\[(\d+)\]|\[[A-Z]+-\d+\]/g, ' ');
    let kept = 0;
    const text = sentence.replace(/\s*\[(\d+)\]/g, (marker, n: string) => {
      const holds = this.bearsOut(plain, Number(n) - 1);
      if (holds) kept++;
      return holds ? marker : '';
    });
    return kept > 0 ? text.trim() : undefined;
  }

  /** The words as the model saw them; numbers also as the document has them (the model saw a placeholder). */
  private bearsOut(plain: string, i: number): boolean {
    const seen = this.sent[i];
    const passage = this.passages[i];
    if (!seen || !passage) return false;
    const asSeen = { ...passage, title: '', heading: null, text: seen.block };
    const numbers = new Set([...numbersIn(seen.block), ...numbersIn(passage.text)]);
    return support(plain.replace(NUMBER, ' '), asSeen, this.synonyms) >= SENTENCE_SUPPORT && numbersIn(plain).every((x) => numbers.has(x));
  }

  /** The sentence anonymised (placeholders numbered after all before it), markers renumbered in order of first mention. */
  private show(separator: string, sentence: string): string {
    const safe = separator + anonymiseModelAnswer(sentence, [...this.sources, this.shown]);
    const renumbered = safe.replace(/\[(\d+)\]/g, (_m, n: string) => {
      if (!this.cited.includes(Number(n))) this.cited.push(Number(n));
      return `[${this.cited.indexOf(Number(n)) + 1}]`;
    });
    this.shown += renumbered;
    return renumbered;
  }
}

/** What goes before a sentence (a space, a new point) and the sentence itself. */
type Piece = [separator: string, sentence: string];

const NUMBER_WORDS = 'twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|honderd';
const NUMBER = new RegExp(`\\d+|\\b(?:${NUMBER_WORDS})\\b`, 'gi');

function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((n) => n.toLowerCase());
}
