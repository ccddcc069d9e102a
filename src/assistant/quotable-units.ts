import { splitSentences } from '../knowledge/sentences.ts';

export const GENERAL_GUIDANCE = '(Algemene richtlijn, niet uit de bronnen.)';

/** A piece of a passage that can be quoted on its own: a sentence, or a list with the line that introduces it. */
export interface Unit {
  text: string;
  /** The source marks it as general guidance rather than something the sources say. */
  general: boolean;
  /** Order in the passage. */
  position: number;
  /** The source's own question right before it ("Heb je per ongeluk gegevens verstuurd?"), which it answers. */
  answers?: string;
}

const LABEL = /\(algemene richtlijn, niet uit de bronnen\.?\)/i;
const LABEL_LINE = /^([^()]{0,60}:\s*)?\(algemene richtlijn, niet uit de bronnen\.?\)\s*$/i;
const LIST_ITEM = /^(•|\d+[.)])\s+/;
/**
 * Starts that point back at the sentence before ("Dat gesprek …", "Ook …", "Ze duurt …"), and
 * conclusions early in the sentence ("Een mondelinge nee is dus niet genoeg", "Blijf dan bij je eigen
 * verkenning"): never quoted alone.
 */
const DANGLING = /^(dat|die|dit|deze|daarom|daardoor|daarmee|daarbij|daarnaast|daarvoor|daar|hierdoor|hiermee|hierbij|ook|zo|dan|toch|bovendien|verder|hij|zij|ze|hem|haar)\b|^(\S+\s+){1,4}(dus|daarom|daardoor)\b|^\S+ (dan|daarom|dus)\b/i;
/** A sentence that names where it comes from is from the sources, even in a passage that also gives general guidance. */
const ATTRIBUTED = /\b(handboek|scriptie|volgens|portengen|bron|bronnen|artikel|bundel|onderzoek|procesevaluatie|jaarplan|convenant|respondent|wijkteam x|enschede|velve|r\d+|p\. ?\d+|auteur|vos|kwesties en keuzes)\b/i;
/** "Het handboek zegt niet hoe lang …", "Namen en openingstijden staan hier bewust niet": the source is silent, it does not answer. */
const ABSENCE =
  /\b(zegt|zeggen|noemt|noemen|beschrijft|beschrijven|legt|leggen|vermeldt|vermelden|staat|staan|geeft|geven|weten|kennen)\b[^.;:]{0,40}\b(niet|geen|nergens)\b[^.;:]{0,40}\b(uit|in|hoe|wie|wat|welke|wanneer|waar|of|hier|bekend|vermeld|beschreven)\b|\bbewust niet\b|\bkennen we niet\b|\b(niet|geen) (bekend|beschreven|uitgelegd|vermeld|genoemd)\b/i;
/** Sentences about the page itself ("Deze pagina beschrijft …", "Hier staan de missie en …"): they answer nothing. */
const META = /\b(deze pagina|op deze pagina|deze kennisbank|dit bestand|hier staan|hieronder staat|hieronder staan|de bron noemt alleen|uitleg, voorbeelden)\b/i;
const MIN_CHARS = 25;
const MAX_LIST_CHARS = 480;

/**
 * Cuts a passage into quotable units. Never a table row, a question, a fragment ending in ";" or
 * ":", a source line, a sentence that only says the sources are silent, or a sentence that leans
 * on the one before it without that one; a list is quoted together with the line that introduces
 * it. When the passage marks general guidance outside a sentence (a label line, its source line),
 * every unit that names no source carries the label.
 */
export function splitUnits(text: string): Unit[] {
  const units: Unit[] = [];
  // Units that start by pointing back with nothing before them to point at: never quoted.
  const leansBack = new Set<Unit>();
  let labelled = false;
  const labelledHere = new Set<Unit>();
  let question: string | undefined;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^bron(nen)?:/i.test(line)) {
      if (LABEL.test(line)) labelled = true;
      continue;
    }
    if (LABEL_LINE.test(line)) {
      labelled = true;
      continue;
    }
    if (isTableRow(line)) continue;
    if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && LIST_ITEM.test(lines[i]!); i++) items.push(lines[i]!.replace(LIST_ITEM, '').trim());
      i--;
      const intro = units.at(-1);
      const bare = items.map((t) => t.replace(/[;,.]\s*$/, ''));
      if (intro?.text.endsWith(':') && !items.some((t) => t.endsWith('?'))) {
        // A short list is quoted whole with its introduction; of a long one, each item with it.
        const joined = bare.join('; ');
        if (intro.text.length + joined.length < MAX_LIST_CHARS) intro.text = `${intro.text} ${joined}.`;
        else {
          const introText = intro.text;
          units.pop();
          for (const item of bare) units.push({ text: `${introText} ${item}.`, general: false, position: units.length });
        }
      } else {
        for (const item of items) for (const s of splitSentences(item)) units.push({ text: s, general: false, position: units.length });
      }
      continue;
    }
    let first = true;
    const lineStart = units.length;
    for (const sentence of splitSentences(line)) {
      const previous = units.at(-1);
      // "… met de inwoner. (Algemene richtlijn, niet uit de bronnen.)" labels what came before it on that line.
      if (LABEL_LINE.test(sentence)) {
        for (const u of units.slice(lineStart)) labelledHere.add(u);
        continue;
      }
      // "Deze pagina beschrijft …" says nothing; joined to the sentence before, it would make that one unquotable too.
      if (META.test(sentence)) continue;
      if (sentence.endsWith('?')) {
        question = sentence;
        first = false;
        continue;
      }
      // "Ziet de coach een stapel post? Dan is de formulierenhulp de eerste stap.": after the source's
      // own question, "Dan …" is its answer, not a sentence that leans on the one before.
      if (!DANGLING.test(sentence) || question) units.push({ text: sentence, general: false, position: units.length, answers: question });
      else if (!first && previous && !leansBack.has(previous)) previous.text = `${previous.text} ${sentence}`;
      else leansBack.add(units[units.push({ text: sentence, general: false, position: units.length }) - 1]!);
      first = false;
      question = undefined;
    }
  }
  return units
    .filter((u) => !leansBack.has(u) && isQuotable(u.text))
    .map((u, position) => ({ ...u, position, general: LABEL.test(u.text) || labelledHere.has(u) || (labelled && !ATTRIBUTED.test(u.text)) }));
}

/**
 * The sentences in which the source says what it does not say ("Het handboek zegt niet hoe lang die
 * verlenging mag duren"): never quoted as an answer, but the sign that the sources are silent on it.
 */
export function absenceNotes(text: string): string[] {
  return text.split('\n').flatMap((line) => splitSentences(line.trim())).filter((s) => ABSENCE.test(s) && !s.endsWith('?'));
}

function isTableRow(line: string): boolean {
  return line.startsWith('|') || (line.match(/\|/g)?.length ?? 0) >= 2;
}

function isQuotable(text: string): boolean {
  return (
    text.length >= MIN_CHARS &&
    /\p{L}{3}/u.test(text) &&
    !/[?:;,]["”’)]*$/.test(text) &&
    !/^\p{Ll}/u.test(text) &&
    !/\bseed \d/i.test(text) &&
    !LABEL_LINE.test(text) &&
    !ABSENCE.test(text) &&
    !META.test(text) &&
    !/^(zie|lees) (ook |verder )?(de pagina |het kopje )?["“„(]/i.test(text)
  );
}

/**
 * Two items of one list, each quoted with the list's introduction ("Afspraken: …"), read as one
 * sentence with the introduction once.
 */
export function joinListItems(first: string, second: string): string | undefined {
  const intro = /^[^:]{3,120}:\s/.exec(first)?.[0];
  return intro && second.startsWith(intro) ? `${first.replace(/\.$/, '')}; ${second.slice(intro.length)}` : undefined;
}
