/**
 * Builds the privacy benchmark data:
 *  - bench/privacy/sentences.jsonl   synthetic wijkteam notes and chat questions from templates,
 *                                     filled with seeded @faker-js/faker data (nl plus a few other
 *                                     locales for residents with a migration background);
 *  - bench/privacy/hard-cases.jsonl  hand-written tricky sentences from hard-cases.src.txt and
 *                                     hard-cases-2.src.txt, where entities are marked inline as
 *                                     [[TYPE|text]];
 *  - bench/privacy/fresh.jsonl       a second template set, scored separately (see below).
 * Offsets are always computed here, never typed by hand.
 *
 * Run: npx tsx bench/privacy/generate.ts [--faker]   (the hand-written sets; --faker rebuilds the
 *      faker-based sets too, whose dates depend on the day they are built)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Faker, fakerNL, fakerTR, fakerPL, fakerDE, fakerFR, fakerEN, fakerES, fakerIT, fakerPT_BR } from '@faker-js/faker';
import { isValidBsn, isValidIban } from '../../src/privacy/detect/index.ts';
import { loadMarked } from './marked.ts';
import type { Annotation, Sample } from './sample.ts';
import type { EntityType } from '../../src/privacy/detect/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 20251123;
const GENERATED_COUNT = 420;


const others: Faker[] = [fakerTR, fakerPL, fakerDE, fakerFR, fakerEN, fakerES, fakerIT, fakerPT_BR];
const f = fakerNL;

// ---------------------------------------------------------------------------------------------
// Small helpers on top of faker.

function pick<T>(xs: readonly T[]): T {
  return f.helpers.arrayElement(xs as T[]);
}
function chance(p: number): boolean {
  return f.number.float({ min: 0, max: 1 }) < p;
}
function int(min: number, max: number): number {
  return f.number.int({ min, max });
}
function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(0, 9));
  return s;
}
const pad = (n: number) => String(n).padStart(2, '0');

interface Person {
  first: string;
  last: string;
  female: boolean;
}

function person(): Person {
  const female = chance(0.55);
  const sex = female ? 'female' : 'male';
  // About one in four residents gets a name from another locale.
  const src = chance(0.25) ? pick(others) : f;
  let first = src.person.firstName(sex);
  let last = src.person.lastName(sex);
  // Keep to Latin script and single-word first names.
  if (!/^[\p{Script=Latin}' -]+$/u.test(first + last)) {
    first = f.person.firstName(sex);
    last = f.person.lastName();
  }
  first = first.split(' ')[0]!;
  return { first, last, female };
}

function title(p: Person): string {
  return p.female ? pick(['mevrouw', 'mevrouw', 'mw.', 'mevr.', 'Mevrouw', 'mw']) : pick(['meneer', 'dhr.', 'de heer', 'Dhr.', 'meneer', 'dhr']);
}
function initials(p: Person): string {
  const n = chance(0.3) ? 2 : 1;
  let s = p.first[0]!.toUpperCase() + '.';
  if (n === 2) s += String.fromCharCode(65 + int(0, 25)) + '.';
  return s;
}

function validBsn(): string {
  for (;;) {
    const d = digits(8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
    const check = sum % 11;
    if (check <= 9 && d !== '00000000') {
      const all = d + String(check);
      if (isValidBsn(all)) return all;
    }
  }
}
function invalidBsn(): string {
  for (;;) {
    const d = String(int(1, 9)) + digits(8);
    if (!isValidBsn(d)) return d;
  }
}
function formatBsn(b: string): string {
  return pick([b, b, b, `${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`, `${b.slice(0, 3)} ${b.slice(3, 6)} ${b.slice(6)}`, `${b.slice(0, 3)}.${b.slice(3, 6)}.${b.slice(6)}`]);
}

function iban(): string {
  const cc = chance(0.75) ? 'NL' : pick(['BE', 'DE', 'TR', 'PL', 'FR', 'ES', 'GB', 'IT']);
  for (let i = 0; i < 20; i++) {
    const v = f.finance.iban({ formatted: chance(0.6), countryCode: cc });
    if (isValidIban(v)) return chance(0.1) ? v.toLowerCase() : v;
  }
  return f.finance.iban({ formatted: true, countryCode: 'NL' });
}

function phone(): string {
  const r = int(0, 15);
  const mob = () => '6' + digits(8);
  switch (r) {
    case 0:
      return f.phone.number();
    case 1:
      return f.phone.number({ style: 'national' });
    case 2:
      return f.phone.number({ style: 'international' });
    case 3: {
      const m = mob();
      return `0${m.slice(0, 1)}-${m.slice(1)}`;
    }
    case 4: {
      const m = mob();
      return `0${m[0]} ${m.slice(1, 5)} ${m.slice(5)}`;
    }
    case 5: {
      const m = mob();
      return `+31 ${m[0]} ${m.slice(1, 5)} ${m.slice(5)}`;
    }
    case 6:
      return `+31${mob()}`;
    case 7:
      return `0031 ${mob()}`;
    case 8:
      return `0${pick(['20', '10', '30', '70', '40', '50'])}-${int(2, 9)}${digits(6)}`;
    case 9:
      return `0${pick(['512', '591', '345', '418', '475', '546', '222'])} ${int(2, 9)}${digits(5)}`;
    case 10:
      return `(0${pick(['20', '10', '30', '70'])}) ${int(2, 9)}${digits(2)} ${digits(2)} ${digits(2)}`;
    case 11:
      return `+32 4${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`;
    case 12:
      return `+90 5${digits(2)} ${digits(3)} ${digits(2)} ${digits(2)}`;
    case 13:
      return `+212 6${digits(2)}-${digits(6)}`;
    case 14: {
      const m = mob();
      return `06-${m.slice(1, 4)} ${m.slice(4, 6)} ${m.slice(6)}`;
    }
    default: {
      const m = mob();
      return `06${m.slice(1)}`;
    }
  }
}

function email(p: Person): string {
  if (chance(0.7)) return f.internet.email({ firstName: p.first, lastName: p.last });
  const host = pick(['hotmail.com', 'gmail.com', 'live.nl', 'ziggo.nl', 'kpnmail.nl', 'outlook.com', 'planet.nl']);
  const local = pick([
    `${p.first}.${p.last}`.toLowerCase().replace(/\s+/g, ''),
    `${p.first[0]}${p.last}`.toLowerCase().replace(/\s+/g, ''),
    `${p.first}${int(60, 99)}`.toLowerCase(),
  ]);
  return `${local.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9.]/g, '')}@${host}`;
}

const STREET_SUFFIX = ['straat', 'laan', 'weg', 'plein', 'kade', 'singel', 'hof', 'steeg', 'dreef', 'pad', 'markt', 'dijk', 'gracht', 'park', 'plantsoen', 'erf', 'hof'];
const STREET_WORDS = ['Kerk', 'Molen', 'School', 'Dorps', 'Stations', 'Wilgen', 'Eiken', 'Beuken', 'Linden', 'Rozen', 'Tulpen', 'Zuid', 'Noord', 'Haven', 'Brug', 'Veld', 'Weide', 'Vogel', 'Merel', 'Lijster', 'Spoor', 'Oranje', 'Nassau', 'Prinsen', 'Heren', 'Voor', 'Achter', 'Kastanje', 'Esdoorn', 'Zon', 'Maan', 'Ster'];

function street(): string {
  const r = int(0, 9);
  if (r <= 4) return f.location.street();
  if (r <= 6) return pick(STREET_WORDS) + pick(STREET_SUFFIX);
  if (r === 7) return `${pick(['Burgemeester', 'Dokter', 'Koningin', 'Prins', 'Pastoor', 'Generaal'])} ${f.person.lastName().replace(/^(\p{Ll})/u, (c) => c.toUpperCase())}${pick(STREET_SUFFIX)}`;
  if (r === 8) return `${pick(['Laan van', 'Plein van', 'Kade van'])} ${f.person.lastName().replace(/^(?:van |de |den |van de |van den |van der )/, '').replace(/^(\p{Ll})/u, (c) => c.toUpperCase())}`;
  return `${pick(['Oude', 'Nieuwe', 'Korte', 'Lange', 'Eerste', 'Tweede'])} ${pick(STREET_WORDS)}${pick(STREET_SUFFIX)}`;
}
function houseNumber(): string {
  const n = String(int(1, 250));
  return pick([n, n, n, f.location.buildingNumber(), `${n}${pick(['a', 'b', 'c', 'A', 'B'])}`, `${n}-II`, `${n}-${int(1, 3)}`, `${n} hs`, `${n} bis`, `${n}-A`]);
}
function address(): string {
  return `${street()} ${houseNumber()}`;
}
function postcode(): string {
  const z = f.location.zipCode();
  return chance(0.2) ? z.replace(' ', '') : z;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTH_ABBR = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

function dateText(d: Date, birth = false): string {
  const day = d.getDate();
  const m = d.getMonth();
  const y = d.getFullYear();
  const r = int(0, birth ? 6 : 8);
  switch (r) {
    case 0:
      return `${pad(day)}-${pad(m + 1)}-${y}`;
    case 1:
      return `${day}-${m + 1}-${y}`;
    case 2:
      return `${pad(day)}/${pad(m + 1)}/${y}`;
    case 3:
      return `${day} ${MONTHS[m]} ${y}`;
    case 4:
      return `${day} ${MONTH_ABBR[m]} ${y}`;
    case 5:
      return `${y}-${pad(m + 1)}-${pad(day)}`;
    case 6:
      return d.toLocaleDateString('nl-NL');
    case 7:
      return `${day} ${MONTHS[m]}`;
    default:
      return `${MONTHS[m]} ${y}`;
  }
}
function recentDate(): string {
  return dateText(f.date.between({ from: '2019-01-01', to: '2025-12-31' }));
}
function birthDate(): string {
  return dateText(f.date.birthdate({ min: 1, max: 95, mode: 'age' }), true);
}

const SIDE = ['DD-LLL-D', 'D-LLL-DD', 'LL-DDD-L', 'L-DDD-LL', 'LLL-DD-L', 'L-DD-LLL', 'D-LL-DDD', 'DDD-LL-D', 'LL-DD-LL', 'DD-LL-LL'];
const PLATE_LETTERS = 'BDFGHJKLNPRSTVXZ';
function kenteken(): string {
  return pick(SIDE)
    .split('')
    .map((c) => (c === 'L' ? PLATE_LETTERS[int(0, PLATE_LETTERS.length - 1)] : c === 'D' ? String(int(0, 9)) : c))
    .join('');
}

// Filler that is not personal data, used to measure false positives.
function amount(): string {
  return pick([`€ ${int(20, 2500)},-`, `€${int(1, 99)},${pad(int(0, 99))}`, `${int(100, 4000)} euro`, `€ ${int(1, 9)}.${digits(3)},${pad(int(0, 99))}`]);
}
function caseNumber(): string {
  return pick([`Z-${int(2019, 2025)}-${digits(5)}`, `${int(2019, 2025)}-${digits(6)}`, `WMO${digits(6)}`, `${digits(7)}`, `JW-${digits(4)}`]);
}
function year(): string {
  return String(int(1995, 2025));
}

// ---------------------------------------------------------------------------------------------
// Templates. Slots: {P.x} for person P (1..3) with x in vol, aanhef, voor, achter, init;
// {adres} {postcode} {plaats} {tel} {email} {bsn} {iban} {datum} {gebdatum} {kenteken}
// {leeftijd} (number only, annotated) {leeftijdjaar} ("72 jaar") {jarig} ("72-jarige");
// {zaaknr} is a DOSSIERNUMMER; filler without annotation: {bedrag} {jaar} {nietbsn} {aantal} {uur}.

const TEMPLATES: string[] = [
  '{P1.aanhef} ({leeftijd}) woont sinds {jaar} op de {adres} in {postcode} {plaats}.',
  'Kun je {P1.aanhef} even bellen op {tel}?',
  'Wat doe ik als een cliënt zijn BSN {bsn} in de chat zet?',
  'Gesprek gehad met {P1.vol}, zij is {leeftijd} en woont alleen aan de {adres}.',
  'Moeder {P1.voor} vraagt hulp bij de schulden, rekeningnummer {iban}.',
  '{P1.vol} (BSN {bsn}) is op {datum} aangemeld door de huisarts.',
  'Zoon {P1.voor} ({leeftijd}) gaat niet meer naar school sinds de zomervakantie.',
  'De {jarig} {P1.voor} heeft hulp nodig bij de administratie; haar dochter {P2.voor} helpt soms.',
  'Mail van {P1.aanhef}: {email}, ze wil graag teruggebeld worden op {tel}.',
  'Dhr. {P1.init} is geboren op {gebdatum} en woont op {adres}, {postcode} {plaats}.',
  'Geboortedatum: {gebdatum}. Adres: {adres}, {postcode} {plaats}. Telefoon: {tel}.',
  'Naam: {P1.vol}\nBSN: {bsn}\nIBAN: {iban}',
  'Buurman {P1.voor} heeft een auto met kenteken {kenteken} die al weken voor de deur staat.',
  'Hoe lang mag ik de hulpvraag van {P1.aanhef} verkennen? Het intakegesprek was op {datum}.',
  'Vier-ogen gevraagd voor de indicatie van {P1.vol}, zaaknummer {zaaknr}.',
  '{P1.aanhef} en haar partner {P2.voor} hebben een huurachterstand van {bedrag}.',
  'Ik heb {P1.voor} {aantal} keer gebeld maar ze neemt niet op; nummer {tel}.',
  'Is er een voorliggende voorziening voor een vrouw van {leeftijd} met beginnende dementie?',
  'De dochter van {P1.aanhef}, {P2.vol}, is bereikbaar via {email}.',
  '{P1.vol} woont met drie kinderen op de {adres} en krijgt sinds {jaar} bijstand.',
  'Graag een twintig-ogen bespreking over de casus van {P1.aanhef} ({leeftijdjaar}).',
  'Volgens {P1.voor} is zijn ex-partner {P2.vol} sinds {datum} vertrokken naar het buitenland.',
  'Nieuw adres van {P1.aanhef}: {adres}, {postcode} {plaats}.',
  'Het rekeningnummer {iban} staat op naam van {P1.vol}.',
  'Wie kan morgen om {uur} mee naar het keukentafelgesprek bij {P1.aanhef} op de {adres}?',
  'Meneer is {leeftijdjaar} en heeft sinds {jaar} geen contact meer met zijn zoon {P1.voor}.',
  'Heeft iemand het nummer van {P1.vol}? Ik heb alleen {tel} en dat werkt niet.',
  'Melding Veilig Thuis over {P1.voor} ({leeftijd}), moeder {P2.vol}, adres {adres}.',
  '{P1.aanhef} heeft op {datum} een Wmo-aanvraag ingediend voor huishoudelijke hulp.',
  'Casus: {jarig} man, woont samen met zijn broer {P1.voor} in {plaats}, schulden rond de {bedrag}.',
  'Ik twijfel of ik {P1.aanhef} moet doorverwijzen naar de GGZ, wat vinden jullie?',
  'Afspraak met {P1.vol} verzet naar {datum}, graag bevestigen via {email}.',
  'Klopt het dat {P1.voor} geboren is op {gebdatum}? In het dossier staat iets anders.',
  'De auto van {P1.aanhef} ({kenteken}) is in beslag genomen door de deurwaarder.',
  'Mw. {P1.init} vroeg of de gemeente haar BSN {bsn} aan de woningcorporatie heeft gegeven.',
  'Intervisie: ik kwam bij {P1.aanhef} binnen en trof haar kleinzoon {P2.voor} aan, die {leeftijd} is.',
  'Het gezin {P1.achter} woont op {adres} in {plaats}; de oudste, {P2.voor}, is {leeftijdjaar}.',
  'Terugbelverzoek: {P1.vol}, {tel}, gaat over de pgb-aanvraag.',
  'Graag overdracht van {P1.aanhef} naar een collega; zij verhuist per {datum} naar {adres}.',
  'Buurvrouw {P1.voor} belde omdat ze {P2.aanhef} al {aantal} dagen niet heeft gezien.',
  'Stuur de beschikking naar {email} en niet naar het oude adres {adres}.',
  'Ik heb met {P1.vol} afgesproken dat we over {aantal} weken evalueren.',
  'Hoe ga ik om met een cliënt van {leeftijd} die geen DigiD heeft? Het gaat om {P1.aanhef}.',
  'Vader {P1.vol} (geb. {gebdatum}) is bereikbaar op {tel}.',
  'Volgens de huisarts van {P1.aanhef} is er sprake van verwaarlozing; ze is {leeftijdjaar}.',
  'In {jaar} zijn {P1.voor} en {P2.voor} gescheiden, de kinderen wonen bij moeder.',
  'Rekening {iban} t.n.v. {P1.init} is geblokkeerd door de bank.',
  '{P1.vol}, {adres}, {postcode} {plaats}, tel. {tel}',
  'De casus van {P1.achter} staat op de agenda van het teamoverleg van {datum}.',
  'Kun je even meekijken naar het plan van {P1.voor}? Ze is {leeftijd} en wil zelfstandig wonen.',
  'Hulpvraag {P1.aanhef}: vervoer naar de dagbesteding, eigen bijdrage {bedrag} per maand.',
  'Opa {P1.voor} ({leeftijdjaar}) zorgt voor zijn kleinkinderen sinds moeder is opgenomen.',
  'Op {datum} huisbezoek bij {P1.aanhef} samen met {P2.voor} van het wijkteam.',
  'BSN van de cliënt is {bsn}, geboren {gebdatum}, woonachtig {adres}.',
  'Zijn e-mailadres is {email} en zijn mobiel {tel}.',
  '{P1.voor} heeft een {jarig} dochter die dakloos is; ze slaapt bij vrienden in {plaats}.',
  'Mag ik het BSN {bsn} van {P1.aanhef} doorgeven aan de schuldhulpverlening?',
  'Zorgen over {P1.vol}: sinds {datum} niet meer op school geweest.',
  'Ik zoek vergelijkbare casussen als die van {P1.aanhef} uit {jaar}.',
  'Adreswijziging: {P1.vol} verhuist van {adres} naar {adres2}.',
  'Is {tel} het juiste nummer voor de mantelzorger van {P1.aanhef}?',
  'De jongen ({leeftidinpar}) heet {P1.voor} en zit in groep 8.',
  'Neem contact op met {P1.aanhef}, zij coördineert de hulp voor {P2.vol}.',
  'Stiefvader {P1.voor} is sinds {datum} uit beeld, moeder {P2.voor} staat er alleen voor.',
  'Sinds {aantal} maanden woont {P1.aanhef} in een tijdelijke woning aan de {adres}.',
  '{P1.aanhef}, geb. {gebdatum}, heeft een betalingsregeling voor {bedrag}.',
  'Haar kenteken is {kenteken}; ze rijdt nog auto ondanks het rijverbod.',
  'Wat is de termijn voor bezwaar? {P1.aanhef} kreeg de beschikking op {datum}.',
  'Cliënt {P1.vol} ({leeftijdjaar}) vraagt of de gemeente de huur van {bedrag} kan voorschieten.',
  'Het mailadres {email} hoort bij {P1.aanhef}, niet bij haar zoon.',
  'Geplande evaluatie: {datum}. Aanwezig: {P1.vol}, {P2.vol} en de wijkcoach.',
  'Kan iemand {P1.voor} ({leeftijd}) begeleiden naar het gesprek bij het jongerenloket?',
  '{P1.aanhef} heeft haar IBAN {iban} doorgegeven voor de tegemoetkoming.',
  'Een meisje van {leeftijd} belde namens haar moeder {P1.vol}.',
  'Volgens de buren woont {P1.aanhef} niet meer op {adres}.',
  'Mijn vraag: mag ik {P1.voor} bellen op {tel} als zij dat zelf niet wil?',
  'Ik heb bij {P1.aanhef} thuis een brief gezien met BSN {bsn}, moet ik dat melden?',
  'Het verhaal van {P1.voor}: geboren in {plaats}, op zijn {leeftijd}e naar Nederland gekomen.',
  '{P1.vol} belde om {uur} uur over de afspraak van {datum}.',
  'Familienetwerkberaad gepland met {P1.aanhef}, haar zus {P2.voor} en neef {P3.voor}.',
  'De {jarig} {P1.aanhef} valt regelmatig; dochter {P2.voor} maakt zich zorgen.',
  'Zaaknummer {zaaknr}, cliënt {P1.vol}, postcode {postcode}.',
  'Wie heeft contact gehad met {P1.aanhef} over haar aanvraag van {datum}?',
  'Hij is {leeftijdjaar} oud en woont op de {adres} in {plaats}.',
  'Reactie van {P1.vol} op de mail: ze komt {datum} langs met haar zoon {P2.voor}.',
  'Contactgegevens {P1.aanhef}: {tel} / {email}.',
  'Gisteren heb ik {P1.voor} en zijn vriendin {P2.voor} gesproken op kantoor.',
  'Ik wil {P1.aanhef} aanmelden voor intervisie, ze woont op {adres} en heeft geen telefoon.',
  'Het incident met {P1.voor} was op {datum}; politie heeft zijn kenteken {kenteken} genoteerd.',
  'Dossier overgedragen: {P1.vol}, {leeftijdjaar}, {adres}, {postcode} {plaats}, {tel}.',
];

// ---------------------------------------------------------------------------------------------

function fillTemplate(tpl: string): Sample {
  const people = [person(), person(), person()];
  const entities: Annotation[] = [];
  let text = '';
  const add = (s: string, type: EntityType | null) => {
    if (type) entities.push({ type, start: text.length, end: text.length + s.length });
    text += s;
  };
  const re = /\{([A-Za-z0-9.]+)\}/g;
  let last = 0;
  for (const m of tpl.matchAll(re)) {
    text += tpl.slice(last, m.index);
    last = m.index + m[0].length;
    const slot = m[1]!;
    const pm = /^P(\d)\.(\w+)$/.exec(slot);
    if (pm) {
      const p = people[Number(pm[1]) - 1]!;
      switch (pm[2]) {
        case 'vol':
          add(`${p.first} ${p.last}`, 'PERSOON');
          break;
        case 'voor':
          add(p.first, 'PERSOON');
          break;
        case 'achter':
          add(p.last, 'PERSOON');
          break;
        case 'init':
          add(`${initials(p)} ${p.last}`, 'PERSOON');
          break;
        case 'aanhef': {
          let t = title(p);
          // At the start of a sentence the form of address gets a capital.
          if (text === '' || /[.!?:]\s*$|\n$/.test(text)) t = t[0]!.toUpperCase() + t.slice(1);
          add(t + ' ', null);
          const r = int(0, 4);
          add(r === 0 ? `${initials(p)} ${p.last}` : r === 1 ? `${p.first} ${p.last}` : p.last, 'PERSOON');
          break;
        }
      }
      continue;
    }
    switch (slot) {
      case 'adres':
      case 'adres2':
        add(address(), 'ADRES');
        break;
      case 'postcode':
        add(postcode(), 'POSTCODE');
        break;
      case 'plaats':
        add(f.location.city(), null);
        break;
      case 'tel':
        add(phone(), 'TELEFOON');
        break;
      case 'email':
        add(email(people[0]!), 'EMAIL');
        break;
      case 'bsn':
        add(formatBsn(validBsn()), 'BSN');
        break;
      case 'iban':
        add(iban(), 'IBAN');
        break;
      case 'datum':
        add(recentDate(), 'DATUM');
        break;
      case 'gebdatum':
        add(birthDate(), 'GEBOORTEDATUM');
        break;
      case 'kenteken':
        add(kenteken(), 'KENTEKEN');
        break;
      case 'leeftijd':
        add(String(int(2, 95)), 'LEEFTIJD');
        break;
      case 'leeftidinpar':
        add(String(int(6, 17)), 'LEEFTIJD');
        break;
      case 'leeftijdjaar':
        add(`${int(18, 95)} ${pick(['jaar', 'jaar', 'jaar', 'jr'])}`, 'LEEFTIJD');
        break;
      case 'jarig':
        add(`${int(12, 95)}${pick(['-jarige', '-jarige', ' jarige'])}`, 'LEEFTIJD');
        break;
      case 'bedrag':
        add(amount(), null);
        break;
      case 'zaaknr':
        add(caseNumber(), 'DOSSIERNUMMER');
        break;
      case 'jaar':
        add(year(), null);
        break;
      case 'nietbsn':
        add(invalidBsn(), null);
        break;
      case 'aantal':
        add(String(int(2, 12)), null);
        break;
      case 'uur':
        add(`${int(8, 17)}:${pick(['00', '15', '30', '45'])}`, null);
        break;
      default:
        throw new Error(`unknown slot ${slot}`);
    }
  }
  text += tpl.slice(last);
  return { text, entities };
}

export function generateSamples(count = GENERATED_COUNT): Sample[] {
  f.seed(SEED);
  for (const o of others) o.seed(SEED);
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) out.push(fillTemplate(TEMPLATES[i % TEMPLATES.length]!));
  return out;
}

// ---------------------------------------------------------------------------------------------
// A second, independent set ("fresh"): templates written after the detector rules were settled and
// filled only with faker's own nl formats (fullName with its prefixes and suffixes, streetAddress,
// phone.number, internet.email, finance.iban), the way an outside evaluator would likely build one.
// It is scored separately so the report shows how the detector does on text it was not tuned on.

const FRESH_TEMPLATES: string[] = [
  'Notitie {datum}: huisbezoek bij {N1}. Zij woont op {sa} en maakt een verwarde indruk.',
  '- {N1} ({leeftijd})\n- adres: {sa}, {postcode} {plaats}\n- tel: {ph}',
  'Hoi team, {N1} heeft vandaag gebeld. Terugbellen op {ph} graag.',
  'Wie kent {N1}? Volgens de buren is ze al weken niet buiten geweest.',
  'Korte update: {V1} is verhuisd naar {sa} in {plaats}.',
  'De kinderen van {N1} zijn {leeftijdjaar} en {leeftijdjaar} oud.',
  '{N1} vraagt of de bijzondere bijstand naar {ib} kan worden overgemaakt.',
  'Na overleg met {N2} besloten om {N1} aan te melden bij de schuldhulp.',
  'Cliënt: {N1}\nGeboortedatum: {gebdatum}\nBSN: {bsn}\nE-mail: {em}',
  'Ik heb {V1} gesproken, haar broer {V2} wil niet meewerken.',
  'Het huis op {sa} is vies en {N1} wil geen hulp.',
  'Kan de beschikking van {N1} (geb. {gebdatum}) gemaild worden naar {em}?',
  'Zojuist een melding van de wijkagent over {N1}, {leeftijdjaar}, woonachtig op {sa}.',
  '{N1} en {N2} wonen samen op {sa}, {postcode}.',
  'Stand van zaken {V1}: schulden in kaart, afspraak met de bewindvoerder op {datum}.',
  'Graag een collega voor een vier-ogen check bij {N1}; de aanvraag is van {datum}.',
  'Zijn telefoonnummer is veranderd, het nieuwe nummer is {ph}.',
  'Als je {V1} belt, gebruik dan {ph} en niet het vaste nummer.',
  'De moeder, {N1}, is {leeftijd} en spreekt geen Nederlands.',
  'Betalingen lopen via rekening {ib} op naam van {N1}.',
  'Het kenteken van de auto van {N1} is {kenteken}.',
  'Dochter {V1} is {leeftijdjaar} en zit op het mbo.',
  'Meneer {A1} ({leeftijd}) is slecht ter been en woont driehoog.',
  'Zie mail van {em} over de situatie van {N1}.',
  'Evaluatie {N1} verplaatst van {datum} naar {datum}.',
];

export function generateFresh(count = 150): Sample[] {
  f.seed(SEED + 1);
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const tpl = FRESH_TEMPLATES[i % FRESH_TEMPLATES.length]!;
    const entities: Annotation[] = [];
    let text = '';
    const add = (str: string, type: EntityType | null) => {
      if (type) entities.push({ type, start: text.length, end: text.length + str.length });
      text += str;
    };
    const fullName = () => {
      // faker puts "Dhr."/"Mevr."/"Dr." before and "Jr."/"Sr." after some names; the form of
      // address stays outside the span, the suffix inside.
      const n = f.person.fullName();
      const m = /^((?:Dhr\.|Mevr\.|Dr\.|Drs\.|Ir\.|Prof\.|Bsc|Msc) )(.*)$/.exec(n);
      if (m) {
        add(m[1]!, null);
        add(m[2]!, 'PERSOON');
      } else add(n, 'PERSOON');
    };
    let last = 0;
    for (const m of tpl.matchAll(/\{([A-Za-z0-9]+)\}/g)) {
      text += tpl.slice(last, m.index);
      last = m.index + m[0].length;
      switch (m[1]) {
        case 'N1':
        case 'N2':
          fullName();
          break;
        case 'V1':
        case 'V2':
          add(f.person.firstName(), 'PERSOON');
          break;
        case 'A1':
          add(f.person.lastName(), 'PERSOON');
          break;
        case 'sa':
          add(f.location.streetAddress(chance(0.2)), 'ADRES');
          break;
        case 'postcode':
          add(f.location.zipCode(), 'POSTCODE');
          break;
        case 'plaats':
          add(f.location.city(), null);
          break;
        case 'ph':
          add(f.phone.number(), 'TELEFOON');
          break;
        case 'em':
          add(f.internet.email(), 'EMAIL');
          break;
        case 'ib':
          add(f.finance.iban({ formatted: chance(0.5), countryCode: 'NL' }), 'IBAN');
          break;
        case 'bsn':
          add(validBsn(), 'BSN');
          break;
        case 'datum':
          add(f.date.recent({ days: 400 }).toLocaleDateString('nl-NL', chance(0.5) ? undefined : { day: 'numeric', month: 'long', year: 'numeric' }), 'DATUM');
          break;
        case 'gebdatum':
          add(f.date.birthdate().toLocaleDateString('nl-NL'), 'GEBOORTEDATUM');
          break;
        case 'kenteken':
          add(kenteken(), 'KENTEKEN');
          break;
        case 'leeftijd':
          add(String(int(18, 90)), 'LEEFTIJD');
          break;
        case 'leeftijdjaar':
          add(`${int(2, 90)} jaar`, 'LEEFTIJD');
          break;
        default:
          throw new Error(`unknown slot ${m[1]}`);
      }
    }
    text += tpl.slice(last);
    out.push({ text, entities });
  }
  return out;
}

function writeJsonl(file: string, samples: Sample[]): void {
  writeFileSync(file, samples.map((s) => JSON.stringify(s)).join('\n') + '\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  // faker picks some dates relative to today, so the faker-based sets change with the day they are
  // rebuilt: they are written only when asked for.
  if (process.argv.includes('--faker')) {
    const gen = generateSamples();
    writeJsonl(join(here, 'sentences.jsonl'), gen);
    const fresh = generateFresh();
    writeJsonl(join(here, 'fresh.jsonl'), fresh);
    console.log(`wrote ${gen.length} generated and ${fresh.length} fresh sentences`);
  }
  const hard = loadMarked(['hard-cases.src.txt', 'hard-cases-2.src.txt']);
  writeJsonl(join(here, 'hard-cases.jsonl'), hard);
  const dev = loadMarked(['coach-notes-dev.src.txt']);
  writeJsonl(join(here, 'coach-notes-dev.jsonl'), dev);
  const heldOut = loadMarked(['coach-notes-heldout.src.txt']);
  writeJsonl(join(here, 'coach-notes-heldout.jsonl'), heldOut);
  console.log(`wrote ${hard.length} hard cases, ${dev.length} dev and ${heldOut.length} held-out coach notes`);
}
