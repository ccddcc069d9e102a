import { isDutchWord, isInfinitive, isVerbStem, splitCompound } from '../knowledge/compounds.ts';
import { contentWords, editDistance, fold, stem, STOPWORDS, words } from '../knowledge/dutch.ts';
import { wordClassAt, wordClasses } from '../knowledge/word-class.ts';

/**
 * What a coach asks for, which decides the sentence that answers it: "hoe lang" wants a duration,
 * "wie" a person or role, "waar verwijs ik" a service, "welke stappen" a sequence, "mag ik" a rule.
 */
export type QuestionType =
  | 'how-long'
  | 'how-many'
  | 'how-often'
  | 'amount'
  | 'who'
  | 'refer'
  | 'steps'
  | 'what-is'
  | 'which'
  | 'when'
  | 'why'
  | 'may-must'
  | 'open';

export interface QuestionAnalysis {
  type: QuestionType;
  /** Asked with the verb first ("Mag ik …?", "Ga je …?"): a "ja" or "nee" may lead the answer. */
  yesNo: boolean;
  /** About an earlier or similar case of the team, with or without the word "casus". */
  pastCase: boolean;
  /** Leans on the conversation: "en verlengen?", "en als er ook schulden zijn?", "hoe lang mag dat?". */
  followUp: boolean;
  /** Stems of the words that name the asked-for thing ("hoeveel vakantie-uren" → vakantie-uren). */
  focus: string[];
  /**
   * The focus is what is counted ("hoeveel mensen staan er op de wachtlijst?"), so the number must be
   * about the rest of the question too; not so when it is the subject measured ("hoe lang duurt een roddelmethode?").
   */
  counted: boolean;
  /**
   * The action a "mag ik …?" question asks about ("kan ik de zoon laten tolken?" → tolken): part of
   * the asked-for thing when the sources know the word, ignored when they do not.
   */
  action: string[];
  /**
   * The kind of thing a "welk …?" question asks for ("welk antidepressivum", "welke 3 routes"). The
   * answer names instances rather than the kind, so it need not be found; but sources that do not
   * know the word at all cannot say which one.
   */
  kind: string[];
  /** Stems that only frame the question ("hebben we eerder … gehad", "wat moet ik doen"): never what must be found. */
  frame: Set<string>;
  /** The question without the words about earlier cases, for searching the case discussions. */
  topicText: string;
  /** Asks for contact details (a telephone number, address, opening hours): only a source that gives them answers. */
  contact: boolean;
  /** Numbered parts the question names: "dilemma 9", "stap 5". */
  references: string[];
  /**
   * Stems only in the sentences that sketch the situation before the question itself ("Meneer komt
   * alleen voor een scootmobiel. Moet ik ook naar zijn geld vragen?"): they set the scene; what is
   * asked is in the last sentence. Empty when that sentence names nothing of its own ("Waar verwijs ik heen?").
   */
  setting: Set<string>;
}

const TYPE_PATTERNS: [QuestionType, RegExp][] = [
  // "Om de hoeveel tijd …?" asks how often, however much it sounds like "hoeveel tijd".
  ['how-often', /\bom de hoeveel\b/],
  // "Wat zijn de wachttijden?", "wat is de termijn?": a duration asked for with a noun.
  ['how-long', /\bwat (is|zijn) (nu |eigenlijk |ongeveer )?(de|het) (wachttijd|wachttijden|termijn|termijnen|duur|doorlooptijd|doorlooptijden|wachtlijst)\b/],
  ['amount', /\bwat (is|zijn) (nu |eigenlijk |ongeveer )?(de|het) (kosten|prijs|tarief|tarieven|eigen bijdrage|vergoeding|hoogte)\b/],
  ['how-long', /\b(hoe ?lang|hoeveel (tijd|dagen|weken|maanden|jaren|jaar|uur|uren|minuten)|binnen (hoeveel|welke) (tijd|termijn|dagen|weken)|welke termijn|uiterlijk wanneer|wat is de termijn|tot wanneer|how long|how much time)\b/],
  ['amount', /\b(hoe (hoog|duur)|wat kost|hoeveel (geld|euro|kost|krijg|krijgt|krijgen|betaal|betaalt|betalen|ontvangt|ontvangen|verdient|verdienen)|welk bedrag|tot welk (inkomen|bedrag)|inkomensgrens|bedrag|how much (money|does))\b/],
  ['how-often', /\b(hoe vaak|hoe regelmatig|hoe vaak per|hoeveel keer per|how often)\b/],
  ['how-many', /\b(wat (is|zijn) (de|het) (maximale|minimale|maximum|minimum|gemiddelde|hoogste|laagste)|hoeveel|how many|vanaf welke leeftijd|tot welke leeftijd|welke leeftijd|hoe oud)\b/],
  ['who', /(^|[^\p{L}])(wie|bij wie|met wie|aan wie|naar wie|welke (collega|persoon|organisatie|instantie)|who|whom)([^\p{L}]|$)/u],
  ['refer', /\b(waar (verwijs|stuur|kan|moet|ga|kunnen|zit|meld)|waarheen|naar welke|doorverwijz\w*|verwijs ik|verwijzen|terecht|refer|where (can|do|should))\b/],
  ['steps', /\b(welke stappen|stappen|stappenplan|hoe pak ik|hoe ga ik (te werk|om)|hoe moet ik|hoe kan ik|wat moet ik doen|wat doe ik|wat kan ik doen|wat te doen|hoe werkt|hoe verloopt|hoe gaat .* in zijn werk|aanpak|procedure|what (should|do) i do|which steps|steps)\b/],
  ['what-is', /(^|, ?)(wat (is|zijn|betekent|betekenen|houdt|houden|doet|doen|bedoelen (we|ze|jullie|ze) met|wordt bedoeld)|wat is het verschil|waar (ging|gaat) (dat|het|dit)\b.* over|what (is|are|does)|explain)\b|\b(waar staat\b.*\bvoor|afkorting van|voluit|stand for)\b/],
  ['which', /\b(via welke|welke|welk|which)\b/],
  ['when', /\b(wanneer|op welk moment|in welke (gevallen|situaties)|voor of na|vooraf of achteraf|eerst of|when)\b/],
  ['why', /\b(waarom|waartoe|om welke reden|why)\b/],
  ['may-must', /\b(mag|mogen|moet|moeten|hoef|hoeft|hoeven|verplicht|toegestaan|verboden|may i|must i|do i have to|am i allowed|can i)\b/],
];

/** A finite verb first: the question is answered by yes or no. */
const VERB_FIRST = /^(is|zijn|ben|was|ga|gaat|gaan|kan|kun|kunt|kunnen|mag|mogen|moet|moeten|heb|hebt|heeft|hebben|hoef|hoeft|hoeven|word|wordt|worden|krijg|krijgt|krijgen|doe|doet|doen|blijft|blijf|valt|vallen|telt|geldt|gelden|klopt|bestaat|bestaan|werkt|werk|komt|kom|staat|zit|zitten|neem|neemt|zou|zouden|wil|wilt|willen|maak|maakt|vraag|vraagt|betaalt|is het|do|does|did|is|are|can|should|may|must|will|would)\b/;
const TAG_QUESTION = /\b(toch|klopt (dat|het)|of niet|right|correct)\s*\?*\s*$/;

const PAST_CASE = [
  /\b(hoe|wat) (pakten|deden|spraken|hadden|besloten|adviseerden|regelden) (we|jullie|wij)\b/,
  // "wat besloot het team toen?", "wie heeft die begeleiding toen opgepakt?": a question about then.
  /\b(wat|wie|hoe|welke?|waar|wanneer)\b[^,.:;?!]*\btoen\b/,
  /\b(wat|hoe) (besloot|adviseerde|deed|regelde|pakte|sprak) (het team|de coach|de wijkcoach|het wijkteam|ze|zij|hij)\b/,
  /\bwat (was|waren) (de|het) (team)?(afspraak|afspraken|besluit|uitkomst|advies|conclusie|oplossing)\b/,
  /\bhoe (is|was) (dat|het|die|dit)\b.*\b(afgelopen|verlopen|gegaan|geeindigd)\b/,
  /\bhoe (liep|ging|verliep|eindigde) (dat|het|dit)\b/,
  /\b(wie|wat) (heeft|hebben) (dat|het|dit) toen\b/,
  /\bvorig(e)? (jaar|maand|week|keer)\b|\blaatst hadden we\b|\ber (was|stond|stonden|zat|kwam) (een keer|ooit|laatst)\b/,
  /\b(die|met die|bij die|van die) (meneer|mevrouw|man|vrouw|moeder|vader|jongen|meisje|familie|gezin|client|cliente|inwoner|bewoner)\b.*\b(toen|afgelopen|gedaan|aangepakt|afgesproken)\b/,
  // "die keer met die wietplantjes …", "bij die zwangere jonge vrouw …, hoe lang bleef de coach …?",
  // "die proef met het inloopspreekuur, hoe lang hebben we die laten lopen?": one case the team had.
  /\bdie keer (met|dat|toen|bij|waar|van)\b/,
  /^(bij |met |van |over |in )?(die|dat) (\p{L}+ ){0,3}(meneer|mevrouw|man|vrouw|moeder|vader|jongen|jongere|meisje|familie|gezin|client|cliente|inwoner|bewoner|proef|pilot)\b[^?]*\b(bleef|bleven|kregen|kreeg|begonnen|begon|hadden|gingen|ging|deden|wilde|wilden|werd|werden|hebben we|hadden we|zijn we|waren we)\b/u,
  // "We hebben toch eens hh ingezet …", "hoe lang hebben we dat als proef gedraaid?": the team's own past.
  /\b(we|wij|jullie) (hebben|hadden)\b.*\b(toch|eens|een keer|ooit|toen|destijds)\b.*\b(aan|af|in|op|uit|mee|door|toe|na|over|terug|bij|voor)?ge\p{L}{2,}(d|t|en)\b/u,
  /\b(hebben|hadden) (we|wij|jullie)\b.*\b(toen|destijds|eerst|ooit|eens)\b.*\b(aan|af|in|op|uit|mee|door|toe|na|over|terug|bij|voor)?ge\p{L}{2,}(d|t|en)\b/u,
  /\b(eerder|vaker|ooit|al eens|weleens|wel eens|eens eerder|destijds|toen)\b.*\b(gehad|besproken|meegemaakt|gezien|voorgekomen|gedaan|aangepakt|opgelost|afgesproken|besloten|geadviseerd|geregeld|ingezet|toegevoegd|geprobeerd|langs ?gekomen)\b/,
  /\b(hoe|wat) (hebben|hadden) (we|jullie|wij|ze|zij) (dat|dit|het|zoiets|zo'n|zulke)?\s*(toen|destijds|eerder|vorige keer|de vorige keer)\b/,
  /\b(vergelijkbare|soortgelijke|eerdere|vorige|zelfde|net zo'n) (casus|casussen|situatie|situaties|gezin|gezinnen|geval|gevallen|zaak|zaken|bespreking|vraag)\b/,
  // "casus met huishoudelijke hulp …: hoe lang?", "er was een casus waar …", "in die casus over …", "was er eerder zoiets?".
  /^(eerdere |die |de )?casus\b|\b(er was|was er|in die|bij die|die|dat) (niet )?(een )?(casus|casusbespreking)\b/,
  /\b(eerder|ooit|al eens) zoiets\b|\bzoiets (eerder|al eens|ooit)\b/,
  /\b(ging|gingen|besloot|koos|adviseerde) (het team|de coach|de wijkcoach|het wijkteam)\b/,
  /\b(casus|casussen|casusbespreking(en)?|casuistiek)\b.*\b(eerder|vaker|ooit|gehad|besproken|vergelijkbaar|vergelijkbare|soortgelijke?|lijkt|zoals)\b/,
  /\b(eerder|ooit|vergelijkbare|soortgelijke?)\b.*\bcasus/,
  /\b(hebben|hadden|is|zijn) (we|wij|jullie|er) (ook |al |wel )?(een |ooit een )?(casus|casussen|casusbespreking|casusbesprekingen)\b/,
  /\b(similar|previous|earlier) (case|cases|situation)\b|\bhave we (had|seen|discussed)\b/,
  // "die moeder waar we huishoudelijke hulp gaven, voor hoe lang was dat?": what the team did then.
  /\bwaar (we|wij|jullie)\b[^,.?!]*\b(gaven|deden|hadden|zetten|regelden|besloten|kozen|adviseerden|boden|gingen)\b/,
];

/** Words about earlier cases themselves, left out when the case discussions are searched. */
const CASE_FRAME =
  'eerder eerdere vaker ooit eens weleens destijds toen vorige keer gehad besproken meegemaakt gezien voorgekomen gedaan aangepakt opgelost afgesproken besloten geadviseerd ' +
  'vergelijkbaar vergelijkbare soortgelijk soortgelijke zelfde zoiets casus casussen casusbespreking casusbesprekingen casuistiek situatie team jullie ' +
  'pakten deden spraken regelden geregeld ingezet liep ging verliep adviseerden afgelopen verlopen gegaan geeindigd uiteindelijk opgepakt vorig vorige laatst stond stonden keer ' +
  'meneer mevrouw similar previous earlier case cases discussed';

/**
 * Words that frame a question rather than say what it is about: the asker, the setting every
 * passage shares, and verbs of asking and doing. They are searched like any word, but a passage
 * need not contain them to answer.
 */
const FRAME =
  'iemand inwoner inwoners client clienten bewoner bewoners wijkcoach wijkcoaches coach coaches wijkteam team ons onze jij ik wij ' +
  'doen gedaan gebeurt gebeuren aanpakken aanpak regelen zetten zet weten weet vinden vind zien zie denken denk zeggen zegt vragen vraag ' +
  'stel stellen hoort horen kunnen mogelijk handig verstandig zinnig zinvol raadzaam beste goed goede slim nodig precies eigenlijk sowieso zomaar ' +
  'geval gevallen situatie manier dingen ding iets wat welke hoe waar wanneer wie waarom eerst eerste daarna dan nou even ' +
  'geldt klopt bestaat werkt werken zit staat hebben heb krijg krijgen terecht heen naartoe bedoelen bedoelt betekent betekenen vindt past passen best ander andere toepassen toegepast gebruiken hanteren stuur sturen stuurt blijkt blijken bleek lijkt lijken leek schijnt idee gedachte achter volgende vorige komende eerstvolgende ' +
  'had hadden vertel vertelt vertelde vertelden vertellen zei zeiden stond stonden ging gingen kwam kwamen zag zagen deed deden wist wisten dacht dachten ' +
  'vond vonden kreeg kregen nam namen gaf gaven bleef bleven hield hielden liep liepen lag lagen zat zaten wilde wilden kon konden moest moesten mocht mochten hoefde allemaal helemaal ineens opeens trouwens wellicht lukt lukken helpen ' +
  'gemiddeld ongeveer meestal doorgaans normaal meteen direct gelijk snel pak pakken pakt ' +
  // "oké, en met hoeveel mensen doe je dat dan?": an acknowledgement before a follow-up.
  'oke okay ok prima helder duidelijk dank dankjewel bedankt thanks ' +
  // "SoNeStra, waar is dat een afkorting van?": what the term stands for, not the word "afkorting".
  'afkorting afkortingen voluit ' +
  // Who the question is about, in everyday words: the setting of nearly every question.
  'meneer mevrouw persoon net hing hingen vent kerel gozer dame heer jongeman ' +
  // "in plaats van doorverwijzen": the alternative named is the subject, not "plaats".
  'plaats ' +
  // "in het overleg viel de term stepped care": the term is what is asked about, not the word "term".
  'term termen viel vielen ' +
  // When it happens, as a chat message says it: "ik zie haar morgen", "qua verwijzing".
  'morgen vandaag gisteren straks zometeen vanmiddag vanochtend vanavond binnenkort qua ' +
  ' what which how where when who why do does should can could would i we you my our long much many often allowed myself someone somebody person one worried worry concerned follow happen happens';

const FOLLOW_UP_START = /^(en|maar|of|ook|dus|dan|en als|en wat als|wat als|stel dat|en dan|daarna|en daarna|en hoe|en wie|en wanneer|en waar|en bij|en voor|en met|en zonder|hoe zit het met|geldt dat|geldt dit|is dat|and|but|what if|what about|and if)\b/;
const ANAPHOR = /\b(ze|zij|hij|het|dat|dit|die|daar|daarvoor|daarmee|daarbij|daarover|daarin|daarna|daarvan|daarop|daaraan|daaruit|daartegen|daarachter|eraan|ervan|erbij|ervoor|ermee|erover|hem|haar|zo'n|zoiets|that|this|it|them)\b/;

/** "svp kort", "graag in het kort": a wish about the answer, not part of the question. */
export function withoutMetaRequests(question: string): string {
  return question.replace(/[,.;!]?\s*\b(svp|aub|graag|pls|please)?\s*(kort|in het kort|kort en bondig|kort antwoord)( graag| svp| aub)?\s*[.!?]*\s*$/i, '').trim() || question;
}

export function analyseQuestion(question: string): QuestionAnalysis {
  const folded = withoutFrameTypos(fold(question).replace(/\s+/g, ' ').trim());
  const yesNo = startsWithVerb(lastClause(folded)) || TAG_QUESTION.test(folded);
  const matched = TYPE_PATTERNS.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'open';
  // "Moet ik … zeggen hoe lang de hulp mag duren?" asks whether, not how long: a question that
  // starts with its verb is about a rule or a fact, whatever question word it contains further on.
  const choice = /\b(voor of na|vooraf of achteraf)\b/.test(folded);
  const type = choice ? 'when' : yesNo && !/^(hoe|wat|wie|waar|wanneer|waarom|welke?|hoeveel)\b/.test(lastClause(folded)) ? (TYPE_PATTERNS.find(([t]) => t === 'may-must')![1].test(folded) ? 'may-must' : 'open') : matched;
  const pastCase = PAST_CASE.some((p) => p.test(folded));
  const counted = type === 'how-long' || type === 'how-many' || type === 'how-often';
  const frame = new Set([...FRAME.split(' ').map(stem), ...(pastCase ? CASE_FRAME.split(' ').map(stem) : []), ...(counted ? MEASURES : [])]);
  const own = contentWords(folded).filter((w) => !frame.has(stem(w)));
  return {
    type,
    yesNo: yesNo && !choice,
    pastCase,
    followUp: FOLLOW_UP_START.test(folded) || (own.length <= 2 && ANAPHOR.test(folded)),
    // The asked action only counts when the modal clause is the whole question ("hoe pak ik dit aan,
    // moet ik meteen bellen?" asks more than whether to call).
    focus: focusOf(folded, frame),
    counted: measuredSubject(folded, frame).length === 0,
    action: folded.split(/[,.?!]\s*/).filter((x) => x.trim()).length === 1 ? [...askedAction(lastClause(folded), frame), ...howAction(lastClause(folded), frame)] : howAction(lastClause(folded), frame),
    frame,
    kind: kindAsked(folded, frame),
    contact: (CONTACT.test(folded) && !WRONG_CONTACT.test(folded)) || OWN_NAME.test(folded) || SCHEDULE.test(folded) || OWN_SCHEDULE.test(folded),
    references: [...folded.matchAll(/\b(dilemma|stap|route|rol|onderdeel|kernwaarde|module) (\d{1,2})\b/g)].map((m) => `${m[1]} ${m[2]}`),
    topicText: pastCase ? words(folded).filter((w) => !CASE_FRAME.split(' ').includes(w)).join(' ') : question,
    // In a question about an earlier case, the situation sketched is what finds the case.
    setting: pastCase ? new Set() : new Set([...settingOf(folded, frame), ...(type === 'how-long' ? boundaryOf(folded, frame) : [])]),
  };
}

function settingOf(folded: string, frame: Set<string>): Set<string> {
  const { question, rest } = splitQuestion(folded);
  if (!rest) return new Set();
  // The question names a subject of its own with a noun ("… naar zijn geld vragen?"), not with "waar verwijs ik heen?".
  const tokens = words(question);
  const asking = new Set(contentWords(question).map(stem).filter((s) => !frame.has(s)));
  const named = tokens.some((w, i) => asking.has(stem(w)) && ['noun', 'unknown'].includes(wordClassAt(tokens, i)));
  if (!named) return new Set();
  return new Set(contentWords(rest).map(stem).filter((s) => !asking.has(s) && !frame.has(s)));
}

/**
 * "Hoe lang mag ik zelf begeleiden voordat ik moet doorverwijzen?": the duration is of the main
 * clause; what comes after "voordat" marks its end and only sets the scene.
 */
function boundaryOf(folded: string, frame: Set<string>): string[] {
  const clause = /\b(voordat|totdat|before|until)\b([^?.!]*)/.exec(splitQuestion(folded).question)?.[2] ?? '';
  return contentWords(clause).map(stem).filter((s) => !frame.has(s));
}

/**
 * The sentence that asks (the last one with a question mark, else the last one) and the sentences
 * around it, which sketch the situation: "doen collega's alleen stukjes? ik krijg het nooit rond".
 */
export function splitQuestion(folded: string): { question: string; rest: string } {
  const sentences = folded.split(/(?<=[.?!:;])\s+/).filter((x) => /\p{L}/u.test(x));
  const asked = sentences.map((x) => x.trim().endsWith('?')).lastIndexOf(true);
  const index = asked >= 0 ? asked : sentences.length - 1;
  return { question: sentences[index] ?? '', rest: sentences.filter((_, i) => i !== index).join(' ') };
}

/** Words that decide how a question is read, also when mistyped ("terrecht", "wanner"). */
const KEY_WORDS = new Set([...FRAME.split(' '), 'wanneer', 'hoeveel', 'waarom', 'terecht', 'verwijs', 'verwijzen', 'eerder', 'gehad', 'besproken', 'afgelopen', 'aangepakt', 'afgesproken'].filter((w) => w.length >= 5));

function withoutFrameTypos(folded: string): string {
  return folded.replace(/\p{L}{5,}/gu, (word) => {
    if (KEY_WORDS.has(word) || isDutchWord(word)) return word;
    for (const key of KEY_WORDS) if (Math.abs(key.length - word.length) <= 1 && editDistance(word, key, 1) <= 1) return key;
    return word;
  });
}

/** "Cliënt blijft aandringen. Is een mondeling nee genoeg?": the question is its last sentence or clause. */
function lastClause(folded: string): string {
  // "Ben net begonnen. In welke volgorde …?": a statement that drops its subject is no question; the asked sentences are.
  const all = folded.split(/(?<=[.?!])\s+/).filter((x) => /\p{L}/u.test(x));
  const asked = all.filter((x) => x.trim().endsWith('?'));
  const sentences = (asked.length ? asked : all).map((x) => x.replace(/[.?!]+\s*$/, '')).filter((x) => x.trim());
  const last = [...sentences].reverse().find((x) => startsWithVerb(x.trim())) ?? sentences.at(-1) ?? folded;
  const clauses = last.split(/,\s*/);
  // "in het overleg viel de term X, hoe werkt dat?": a clause that opens with a question word asks.
  if (/^(hoe|wat|wie|waar|wanneer|waarom|welke?|hoeveel)\b/.test(clauses.at(-1)!.trim())) return clauses.at(-1)!.trim();
  return [...clauses].reverse().find((x) => startsWithVerb(x.trim()))?.trim() ?? last.trim();
}

/** "Kiezen ze …?", "Werkt dat …?": a finite verb first, as in a yes/no question. */
function startsWithVerb(clause: string): boolean {
  if (VERB_FIRST.test(clause)) return true;
  const first = /^\p{L}+/u.exec(clause)?.[0] ?? '';
  const pronoun = /^\p{L}+ (ik|je|jij|u|we|wij|ze|zij|hij|het|dat|dit|die|er|jullie|men)\b/u.test(clause);
  return pronoun && (isInfinitive(first) || (first.endsWith('t') && isVerbStem(first.slice(0, -1))) || isVerbStem(first));
}

/** In "Kan ik de zoon laten tolken bij het gesprek?" the asked action is the verb at the end: tolken. */
const MODAL_FIRST = /^(mag|mogen|moet|moeten|kan|kun|kunt|kunnen|hoef|hoeft|hoeven|durf|wil|wilt|zal|zou)\b/;

function askedAction(clause: string, frame: Set<string>): string[] {
  if (!MODAL_FIRST.test(clause)) return [];
  // "… zetten zodat een collega het kan checken": the action is in the main clause. "Kan de huisarts
  // aanmelden of moet de cliënt zelf bellen?" weighs two actions: neither alone is what must be found.
  const main = clause.split(/\b(zodat|omdat|want|als|wanneer|terwijl|voordat|nadat|zonder dat|so that|because|if|when)\b/)[0]!;
  if (/\b(of|or)\b/.test(main)) return [];
  const verbs = words(main).slice(2).filter((w) => w.length > 3 && isInfinitive(w) && !frame.has(stem(w)) && !STOPWORDS.has(w));
  return verbs.length ? [stem(verbs.at(-1)!)] : [];
}

/** In "Hoe declareer ik mijn kilometers?" the asked action is the verb after "hoe": declareren ("waar meld ik …?" asks for a place). */
function howAction(clause: string, frame: Set<string>): string[] {
  const verb = /^hoe (\p{L}{4,}) (?:ik|je|jij|we|wij|u)\b/u.exec(clause)?.[1];
  return verb && !frame.has(stem(verb)) && !STOPWORDS.has(verb) && !MODAL_FIRST.test(verb) && wordClasses(verb).has('verb') ? [stem(verb)] : [];
}

/**
 * The asked-for thing: the words right after "hoeveel", "hoe hoog is", "wat is", "wie beslist over"
 * up to the next preposition or clause. An answer that does not name it does not answer.
 */
const FOCUS_AFTER =
  /\b(?:hoeveel|hoe (?:hoog|duur|groot) (?:is|zijn|wordt|worden)|wat (?:is|zijn|betekent|houdt|kost|kosten)|how many|how much|what is|what are)\s+(?:(?:de|het|een|mijn|onze|ons|je|jouw|zijn|haar|hun|the|a|an|my|our|his|her|their)\s+)?((?:[\p{L}\p{N}'-]+\s*){1,3})/u;
/** Words that say which measure is asked for, not what it is about: "hoeveel tijd", "hoe vaak". */
const MEASURES = new Set(['duurt', 'duren', 'duur', 'months', 'weeks', 'days', 'hours', 'minutes', 'years', 'time', 'binnen', 'tijd', 'lang', 'vaak', 'keer', 'dagen', 'weken', 'maanden', 'jaar', 'jaren', 'uur', 'uren', 'minuten', 'geld', 'euro'].map(stem));
const FOCUS_STOP = /^(voor|van|bij|in|op|met|als|dat|om|die|tussen|wanneer|aan|naar|over|per|is|zijn|heb|heeft|krijg|krijgt|mag|moet|kan|wordt|was|waren|had|hadden|moest|moesten|mocht|mochten|kon|konden|zou|zouden|werd|werden|kreeg|kregen|for|of|in|on|with|do|does|is|are|i|we)$/;

/** "De rol van de procesbegeleider", "de voorwaarden voor een indicatie": the asked-for thing is what follows. */
const RELATIONAL = new Set(
  'rol taak taken doel functie bedoeling betekenis verschil idee nut waarde plek positie definitie uitleg werkwijze procedure opdracht verantwoordelijkheid voorwaarden criteria eisen gevolgen voordelen nadelen risicos kenmerken onderdelen soorten vormen mogelijkheden opties alternatieven regels'
    .split(' ')
    .map(stem),
);

const MEASURED =
  /\b(?:hoeveel (?:geld|euro|tijd|dagen|uren|weken|maanden|jaar)|hoe ?lang|hoe vaak) (?:is|zijn|kost|kosten|krijgt|krijg|duurt|duren|bedraagt|loopt|lopen) (?:de|het|een|mijn|je|jouw|onze|ons|zo'n)?\s*([\p{L}-]+)/u;

/** "hoe lang duurt een roddelmethode" → roddelmethode; "hoe lang duurt het voordat …" names no subject. */
function measuredSubject(folded: string, frame: Set<string>): string[] {
  const measured = MEASURED.exec(folded)?.[1];
  if (!measured || FOCUS_STOP.test(measured)) return [];
  return contentWords(measured).map(stem).filter((s) => !frame.has(s) && !MEASURES.has(s));
}

function isVerbOnly(word: string): boolean {
  const classes = wordClasses(word);
  return classes.has('verb') && !classes.has('noun') && !classes.has('unknown');
}

/** The first content word after "welk(e)" / "which", numbers and adjectives skipped. */
function kindAsked(folded: string, frame: Set<string>): string[] {
  const after = /\b(?:welke?|which)\s+((?:[\p{L}\p{N}'-]+\s*){1,3})/u.exec(folded)?.[1];
  const noun = contentWords(after ?? '').find((w) => !/^\d+$/.test(w) && !frame.has(stem(w)) && !wordClasses(w).has('adjective'));
  return noun ? [stem(noun)] : [];
}

function focusOf(folded: string, frame: Set<string>): string[] {
  // A term put between quotes ("wat is het idee achter 'eerst plan, dan indicatie'?") is what is asked about.
  const quoted = /(?:^|[\s(])['"‘“]([^'"’”]{3,60})['"’”]/.exec(folded)?.[1];
  if (quoted) {
    // "dat is weer die risico-regelreflex": a term in the quote (a compound, a hyphenated word) is what is asked about.
    const quotedWords = contentWords(quoted).filter((w) => !frame.has(stem(w)));
    const terms = quotedWords.filter((w) => w.length >= 8 && (w.includes('-') || splitCompound(w).length > 0 || !isDutchWord(w)));
    return (terms.length ? terms : quotedWords).map(stem);
  }
  // "in het overleg viel de term stepped-care, hoe werkt dat?": the term named is what is asked about.
  const termed = /\b(?:de term|het begrip|het woord|de afkorting)\s+([\p{L}\p{N}-]+)/u.exec(folded)?.[1];
  if (termed && !frame.has(stem(termed))) return contentWords(termed).map(stem);
  // "Hoeveel euro is de mantelzorgwaardering?": the measure is asked, of the thing after the verb.
  // "Hoe lang duurt een roddelmethode?": the duration of the thing after the verb.
  const measured = measuredSubject(folded, frame);
  if (measured.length) return measured;
  const match = FOCUS_AFTER.exec(folded);
  if (!match) return [];
  const focus: string[] = [];
  for (const w of match[1]!.trim().split(/\s+/)) {
    // "hoeveel moest de gemeente bezuinigen": a verb after "hoeveel" asks an amount of that verb, not of a thing.
    if (FOCUS_STOP.test(w) || isVerbOnly(w)) break;
    for (const part of contentWords(w)) if (!frame.has(stem(part)) && !MEASURES.has(stem(part))) focus.push(stem(part));
  }
  if (focus.length && focus.every((f) => RELATIONAL.has(f))) {
    const owner = new RegExp(`${match[1]!.trim().split(/\s+/)[0]}\\s+(?:van|voor|bij|tussen|in)\\s+(?:de|het|een)?\\s*([\\p{L}-]+)`, 'u').exec(folded)?.[1];
    return owner ? contentWords(owner).map(stem).filter((s) => !frame.has(s)) : [];
  }
  return focus;
}

/** "naar het verkeerde mailadres gestuurd": a slip to handle, no address asked for. */
const WRONG_CONTACT = /\b(verkeerde?|foute?|oude) (telefoonnummer|mailadres|e-mailadres|emailadres|adres|postadres)\b/;
const CONTACT = /\b(telefoonnummer|mailadres|e-mailadres|emailadres|bezoekadres|postadres|openingstijden|website|contactgegevens|contactpersoon|phone number|email address|opening hours)\b/;
/** "Wanneer is de volgende intervisie?": a date of the team's own agenda, which no source holds. */
const SCHEDULE = /\b(wanneer|hoe laat|welke dag|welke datum|op welke dag)\b.*\b(volgende|eerstvolgende|komende)\s+(\w+)?(vergadering|teamvergadering|overleg|intervisie|bijeenkomst|heidag|teamdag|training|cursus|borrel|uitje|studiedag|sessie)\b/;
/** "Op welke dag en hoe laat is onze teamvergadering?": the team's own agenda again. */
const OWN_SCHEDULE = /\b(wanneer|hoe laat|op welke dag|welke dag|welk tijdstip)( en hoe laat)? (is|zijn|begint|start|houden we|hebben we) (onze|ons) (\w+ )?(vergadering|teamvergadering|overleg|teamoverleg|intervisie|bijeenkomst|heidag|teamdag|studiedag)\b/;
/** "Hoe heet onze privacy officer?": a name from the own organisation, which no general source holds. */
const OWN_NAME = /\b(hoe heet|wie is) (onze|ons|mijn) /;
/** A telephone number, e-mail or web address, postcode or opening hours. */
const CONTACT_DETAIL = /(\b0\d{1,3}[- ]?\d{6,8}\b|\b0800\b|\S+@\S+|\bwww\.|https?:\/\/|\b\d{4} ?[a-z]{2}\b|\b(ma|di|wo|do|vr|maandag|dinsdag|woensdag|donderdag|vrijdag)\b[^.]*\d{1,2}[.:]\d{2})/;

export function givesContact(foldedText: string): boolean {
  return CONTACT_DETAIL.test(foldedText);
}

/** What a sentence must contain to answer a question of a type; types without one are judged by their words alone. */
const ANSWER_EVIDENCE: Partial<Record<QuestionType, RegExp>> = {
  'how-long':
    /\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|zestig|negentig|enkele|paar|halve?)\s*(-\s*)?(minuten|minuut|min|uur|uren|werkdagen|werkdag|dagen|dag|weken|week|maanden|maand|jaar|jaren|kwartaal)\b/,
  'how-many':
    /\b(\d+|een keer|eenmaal|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig|dertig|keer|maximaal|minstens|hooguit|\w*wekelijks\w*|\w*maandelijks\w*|dagelijks\w*|jaarlijks\w*|om de (week|maand)|eens per|per (week|maand|jaar|kwartaal))\b/,
  amount: /(€|\d+ ?euro\b|\d+ ?%|\bprocent\b|\d+ (miljoen|miljard)\b)/,
  'how-often':
    /\b(\w*wekelijks\w*|\w*maandelijks\w*|\w*jaarlijks\w*|dagelijks\w*|(eens|keer|maal) per|per (week|maand|jaar|kwartaal)|om de (week|maand|\w+ weken)|elke (week|maand|\w+ weken)|iedere (week|maand))\b/,
};

export function answersType(type: QuestionType, foldedText: string): boolean {
  return ANSWER_EVIDENCE[type]?.test(foldedText) ?? true;
}

/** A concept of the question a passage must speak to, with its weight (rarity in the index). */
export interface SalientConcept {
  /** Position in the search's concepts, whose per-passage matches it reads. */
  index: number;
  asked: string;
  weight: number;
  /** Per form the stems that must all be present; any form will do. */
  forms: string[][];
  /** Names the asked-for thing ("hoeveel vakantie-uren"): the passage that answers must name it. */
  focus: boolean;
  /** From the question before a follow-up: sets the scene, is not what is asked now. */
  context: boolean;
}
