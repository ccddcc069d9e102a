import { fold } from '../knowledge/dutch.ts';

const NEGATION = /\b(niet|geen|nooit|nergens|niemand|zonder)\b/;
const CONDITION = /\b(alleen als|alleen wanneer|pas als|pas na|tenzij|mits|afhankelijk van|hangt af van|behalve als)\b/;
const AFFIRM = /\b(altijd|moet|moeten|mag|mogen|verplicht|wel|steeds)\b/;
/** "Alleen" in "ga ik alleen?" against the sources' "samen", "in koppels", "met z'n tweeën". */
const ALONE = /\b(alleen (gaan|op pad|langs|naar)|(ga|gaat|gaan|doe|doet) (ik|je|jij|we|een coach|de coach)\b.*\balleen\b|in (mijn|je|m'n|z'n|zijn|haar) eentje|zonder collega|solo)\b/;
const TOGETHER = /\b(samen|in koppels|met z'n tweeen|met zijn tweeen|twee wijkcoaches|twee coaches|met een collega)\b/;

/**
 * "Ja", "Nee" or "Dat hangt ervan af" when the lead sentence settles the question: a negation the
 * question does not have, a condition, or the question's own rule affirmed. Otherwise nothing: a
 * wrong "ja" is worse than none.
 */
export function yesOrNo(question: string, lead: string): string | undefined {
  const q = fold(question);
  // "wel of geen indicatie" names both sides: no negation.
  const s = fold(lead).replace(/\bwel of (niet|geen)\b/g, '');
  if (ALONE.test(q) && TOGETHER.test(s)) return 'Nee.';
  if (CONDITION.test(s)) {
    const on = /\b(?:afhankelijk van|hangt af van) ([^,.;]+)/.exec(s)?.[1];
    return on ? `Dat hangt af van ${on}.` : 'Dat hangt ervan af.';
  }
  // "Mag ik zonder toestemming delen?" – "Zonder toestemming delen mag niet.": the question's own "zonder" is its subject, not a negation.
  const withoutAsked = (text: string) => (/\bzonder\b/.test(q) ? text.replace(/\bzonder\b/g, '') : text);
  if (NEGATION.test(withoutAsked(s)) && !NEGATION.test(withoutAsked(q))) return 'Nee.';
  if (!NEGATION.test(s) && AFFIRM.test(s) && /^(mag|mogen|moet|moeten|kan|kun|is|zijn)\b/.test(q)) return 'Ja.';
  return undefined;
}

