import { describe, expect, it } from 'vitest';
import { stem } from '../../src/knowledge/dutch.ts';
import { analyseQuestion, answersType, givesContact, withoutMetaRequests } from '../../src/assistant/question-analysis.ts';
import { yesOrNo } from '../../src/assistant/yes-no.ts';

describe('question types', () => {
  it.each([
    ['Hoe lang heb ik om de hulpvraag te verkennen?', 'how-long'],
    ['binnen hoeveel weken moet dat klaar zijn?', 'how-long'],
    ['hoe vaak is de teamvergadering?', 'how-often'],
    ['met hoeveel mensen zit je in een balintgroep', 'how-many'],
    ['Hoe hoog is de eigen bijdrage dit jaar?', 'amount'],
    ['wie leidt een wat-werkt-gesprek?', 'who'],
    ['waar stuur ik iemand met schulden heen?', 'refer'],
    ['welke stappen moet ik zetten bij een vermoeden van verwaarlozing?', 'steps'],
    ['wat bedoelen ze met procesbewaker', 'what-is'],
    ['waarom zou ik eerst naar het netwerk kijken?', 'why'],
    ['Mag ik zonder toestemming informatie delen?', 'may-must'],
    // A question that starts with its verb asks whether, whatever question word follows.
    ['Moet ik de aanbieder bij de start zeggen hoe lang de hulp mag duren?', 'may-must'],
    ['moet mijn collega voor of na mijn besluit meekijken?', 'when'],
    ['om de hoeveel tijd is het teamoverleg?', 'how-often'],
    ['wat zijn de wachttijden voor de ggz?', 'how-long'],
    ['wat is de maximale caseload van een coach?', 'how-many'],
    ['wat zijn de kosten van bewindvoering?', 'amount'],
    ['hoeveel krijgt een mantelzorger als waardering van de gemeente?', 'amount'],
  ])('"%s" is a %s question', (question, type) => {
    expect(analyseQuestion(question).type).toBe(type);
  });

  it('recognises yes/no questions by the verb first, also in the last sentence or with an uncommon verb', () => {
    expect(analyseQuestion('Ga je voor het eerste huisbezoek alleen?').yesNo).toBe(true);
    expect(analyseQuestion('cliënt blijft aandringen. is een mondeling nee genoeg?').yesNo).toBe(true);
    expect(analyseQuestion('kiezen ze bij buurtbemiddeling partij?').yesNo).toBe(true);
    expect(analyseQuestion('Wat is SoNeStra?').yesNo).toBe(false);
    expect(analyseQuestion('moet mijn collega voor of na mijn besluit meekijken?').yesNo).toBe(false);
    // A statement that drops its subject ("Ben net begonnen.") is no question.
    expect(analyseQuestion('Ben net begonnen. In welke volgorde loopt een traject?').yesNo).toBe(false);
    // The clause that opens with a question word asks, not the remark before it.
    expect(analyseQuestion('in het overleg viel de term stepped-care, hoe werkt dat principe?').yesNo).toBe(false);
  });

  it('tells the situation sketched from the question itself', () => {
    const analysis = analyseQuestion('Meneer komt alleen voor een scootmobiel. Moet ik dan ook naar zijn geld vragen?');
    expect(analysis.setting.has(stem('scootmobiel'))).toBe(true);
    expect(analysis.setting.has(stem('geld'))).toBe(false);
    // "Waar verwijs ik heen?" names nothing itself: then the situation is the subject.
    expect(analyseQuestion('Twee buren maken ruzie. Waar verwijs ik heen?').setting.size).toBe(0);
    // The question need not come last: a remark after it sketches the situation too.
    const after = analyseQuestion("doen collega's het hele sonestra-traject of alleen stukjes? ik krijg het nooit rond naast m'n caseload");
    expect(after.setting.has(stem('caseload'))).toBe(true);
    expect(after.setting.has(stem('stukjes'))).toBe(false);
  });

  it('takes what follows "voordat" in a how-long question as the end of the period, not its subject', () => {
    const until = analyseQuestion('hoe lang mag ik zelf begeleiden voordat ik moet doorverwijzen?');
    expect(until.setting.has(stem('doorverwijzen'))).toBe(true);
    expect(until.setting.has(stem('begeleiden'))).toBe(false);
  });
});

describe('past cases, follow-ups and what is asked for', () => {
  it.each([
    'hebben we zoiets eerder gehad, iemand met schulden die ook gokt?',
    'hoe hebben we dat toen aangepakt met die eenzame vrouw?',
    'hoe pakten we dat aan met die man die schuldhulp wilde',
    'er stonden een keer wietplantjes op zolder, hoe is dat afgelopen?',
    'Hebben we eerder een vergelijkbare casus besproken?',
    'die aanbieder met de gratis maaltijd, wat besloot het team toen?',
    'we hebben toch eens huishoudelijke hulp ingezet buiten de richtlijn? hoe lang was dat?',
    'hebben we een casusbespreking over hennep in een huurhuis?',
    'wat was de afspraak na dat gedoe met de woningcorporatie?',
    'die moeder waar we buiten de kaders huishoudelijke hulp gaven, voor hoe lang was dat ook alweer?',
    'die keer met dat gezin en de hennep, hoeveel tijd kregen ze?',
    'bij die oudere vrouw zonder familie, hoe lang bleef de coach betrokken?',
    'die proef met het spreekuur in de wijk, hoe lang hebben we die gedraaid?',
  ])('"%s" asks about earlier cases', (question) => {
    expect(analyseQuestion(question).pastCase).toBe(true);
  });

  it('does not take a question about the procedure for one about earlier cases', () => {
    expect(analyseQuestion('Hoe lang heb ik om de hulpvraag te verkennen?').pastCase).toBe(false);
    expect(analyseQuestion('Wanneer moet ik het vier-ogenprincipe toepassen?').pastCase).toBe(false);
    expect(analyseQuestion("collega zei 'dat is die regelreflex' toen er een formulier bij kwam. wat bedoelt ze?").pastCase).toBe(false);
    expect(analyseQuestion('dilemma 14, welke was dat ook alweer?').pastCase).toBe(false);
    expect(analyseQuestion('die meneer heeft schulden en schaamt zich, waar verwijs ik hem heen?').pastCase).toBe(false);
    expect(analyseQuestion('De wijkcoaches in Enschede hadden toch mandaten?').pastCase).toBe(false);
  });

  it('leaves the words about earlier cases out of the text searched in the case discussions', () => {
    const analysis = analyseQuestion('hebben we zoiets eerder gehad met een gokprobleem?');
    expect(analysis.topicText).toMatch(/gokprobleem/);
    expect(analysis.topicText).not.toMatch(/eerder|gehad/);
  });

  it.each([
    ['en verlengen?', true],
    ['en als er ook nog andere schulden blijken te zijn?', true],
    ['hoe vaak komen ze bij elkaar?', true],
    ['Hoeveel vakantiedagen heb ik?', false],
    ['Wanneer moet ik het vier-ogenprincipe toepassen?', false],
  ])('"%s" leans on the conversation: %s', (question, followUp) => {
    expect(analyseQuestion(question).followUp).toBe(followUp);
  });

  it('names the asked-for thing, not the measure or the setting', () => {
    expect(analyseQuestion('hoeveel vakantie-uren krijg ik via de cao').focus).toContain(stem('vakantieuren'));
    expect(analyseQuestion('Hoe hoog is de eigen bijdrage voor huishoudelijke hulp?').focus).toEqual([stem('eigen'), stem('bijdrage')]);
    expect(analyseQuestion('hoeveel tijd krijg ik om dat uit te zoeken').focus).toEqual([]);
    expect(analyseQuestion("Wat is het idee achter 'eerst plan, dan indicatie'?").focus).toEqual([stem('plan'), stem('indicatie')]);
    expect(analyseQuestion('kan ik de zoon laten tolken bij het gesprek?').action).toContain(stem('tolken'));
    expect(analyseQuestion('wat is de rol van de procesbegeleider?').focus).toEqual([stem('procesbegeleider')]);
    // The measured subject, not something counted: its number needs no other words of the question around it.
    const duration = analyseQuestion('hoe lang duurt een roddelmethode ongeveer?');
    expect([duration.focus, duration.counted]).toEqual([[stem('roddelmethode')], false]);
    expect(analyseQuestion('hoeveel euro is de mantelzorgwaardering?').focus).toEqual([stem('mantelzorgwaardering')]);
    expect(analyseQuestion('hoeveel moest de gemeente bezuinigen?').focus).toEqual([]);
    const quoted = analyseQuestion("collega had het over 'die risico-regelreflex weer'. wat is dat?").focus;
    expect(quoted).toContain(stem('risicoregelreflex'));
    expect(quoted).not.toContain(stem('weer'));
    // "de term X": the term is what is asked about, whatever the rest of the question says.
    expect(analyseQuestion('in het overleg viel de term stepped-care, hoe werkt dat principe?').focus).toContain(stem('steppedcare'));
    expect(analyseQuestion('wat is het verschil tussen het oude paradigma en hoe sonestra het ziet?').focus).not.toContain(stem('tussen'));
  });

  it('names the asked action only from the main clause, and not when two actions are weighed', () => {
    expect(analyseQuestion('mag ik een bsn in de teamchat zetten zodat een collega het kan checken?').action).toEqual([]);
    expect(analyseQuestion('kan de huisarts iemand aanmelden of moet de cliënt zelf bellen?').action).toEqual([]);
    expect(analyseQuestion('hoe declareer ik mijn kilometers?').action).toEqual([stem('declareer')]);
    expect(analyseQuestion('waar meld ik een afsluiting van gas?').action).toEqual([]);
  });

  it('reads mistyped key words as meant', () => {
    expect(analyseQuestion('hoe komt iemand bij de voedselbank terrecht').type).toBe('refer');
  });

  it('asks for contact details and agenda dates a generic source cannot give', () => {
    expect(analyseQuestion('wat is het telefoonnummer van veilig thuis').contact).toBe(true);
    expect(analyseQuestion('wanneer is de volgende heidag van het team?').contact).toBe(true);
    expect(analyseQuestion('wanneer schakel ik Veilig Thuis in?').contact).toBe(false);
    // A name or a meeting time of the own organisation: no general source holds it.
    expect(analyseQuestion('hoe heet onze privacy officer?').contact).toBe(true);
    expect(analyseQuestion('op welke dag en hoe laat is onze teamvergadering?').contact).toBe(true);
    expect(analyseQuestion('wanneer bespreek ik een casus in onze teamvergadering?').contact).toBe(false);
    // A mail sent to the wrong address is a slip to handle (a data breach), not a request for an address.
    expect(analyseQuestion('ik heb een verslag naar het verkeerde mailadres gestuurd, wat nu?').contact).toBe(false);
    expect(givesContact('bel 0800-2000 of mail info@example.nl')).toBe(true);
    expect(givesContact('namen, adressen en telefoonnummers vult het team zelf in')).toBe(false);
  });

  it('drops wishes about the answer from the question', () => {
    expect(withoutMetaRequests('waar stuur ik haar heen? svp kort')).toBe('waar stuur ik haar heen?');
  });
});

describe('evidence of the asked type', () => {
  it('wants a number with a unit for a duration, and a frequency for how often', () => {
    expect(answersType('how-long', 'je hebt zes weken de tijd')).toBe(true);
    expect(answersType('how-long', 'binnen die richtlijnen heb je ruimte')).toBe(false);
    expect(answersType('how-often', 'in de tweewekelijkse teamvergadering')).toBe(true);
    expect(answersType('how-long', 'in de tweewekelijkse teamvergadering')).toBe(false);
    expect(answersType('how-many', 'elk jaar 5 miljoen euro bezuinigen')).toBe(true);
    expect(answersType('amount', 'de voedselbank geeft gratis pakketten')).toBe(false);
    expect(answersType('amount', 'de eigen bijdrage is 21 euro per maand')).toBe(true);
    expect(answersType('what-is', 'iets')).toBe(true);
  });
});

describe('yes or no', () => {
  it('answers from the lead sentence only when it settles the question', () => {
    expect(yesOrNo('Ga je voor het eerste huisbezoek alleen?', 'Twee wijkcoaches gaan samen bij de inwoner thuis langs.')).toBe('Nee.');
    expect(yesOrNo('Mag ik zonder toestemming informatie delen?', 'Zonder toestemming delen mag niet.')).toBe('Nee.');
    expect(yesOrNo('Moet ik met een collega overleggen?', 'De wijkcoach overlegt altijd vooraf met een collega.')).toBe('Ja.');
    expect(yesOrNo('Mag ik verlengen?', 'Dat hangt af van de afspraken in je team.')).toBe('Dat hangt af van de afspraken in je team.');
    // "wel of geen" names both sides; a sentence without a rule settles nothing.
    expect(yesOrNo('Moet dat erin?', 'Samen nemen jullie het besluit om wel of geen indicatie af te geven.')).toBeUndefined();
    expect(yesOrNo('Is de roddelmethode handig?', 'De roddelmethode duurt ongeveer een uur.')).toBeUndefined();
    expect(yesOrNo('Moet er voor maatschappelijk werk een indicatie komen?', 'Hoe verwijs je: meestal zonder indicatie.')).toBe('Nee.');
  });
});
