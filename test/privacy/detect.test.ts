import { describe, it, expect } from 'vitest';
import { detectPersonalData, isValidBsn, isValidIban, type Entity, type EntityType } from '../../src/privacy/index.ts';

/** The entities of one type, as their text. */
function found(text: string, type: EntityType, knownNames?: string[]): string[] {
  return detectPersonalData(text, { knownNames })
    .filter((e) => e.type === type)
    .map((e) => e.text);
}

function types(text: string): string[] {
  return detectPersonalData(text).map((e) => `${e.type}:${e.text}`);
}

describe('BSN', () => {
  it('accepts numbers that pass the elfproef, in plain, dotted and spaced form', () => {
    expect(found('Het BSN is 111222333.', 'BSN')).toEqual(['111222333']);
    expect(found('BSN 1215.47.280 staat op de brief', 'BSN')).toEqual(['1215.47.280']);
    expect(found('burgerservicenummer: 385 280 841', 'BSN')).toEqual(['385 280 841']);
    expect(found('bsn 628.194.821', 'BSN')).toEqual(['628.194.821']);
  });

  it('accepts a leading zero, and an 8-digit number only after a BSN label', () => {
    expect(found('Burgerservicenummer 066053663 van de SVB.', 'BSN')).toEqual(['066053663']);
    expect(found('BSN: 66053663', 'BSN')).toEqual(['66053663']);
    expect(found('Er staan 66053663 bezoekers in de lijst', 'BSN')).toEqual([]);
  });

  it('rejects nine digits that fail the elfproef', () => {
    expect(found('Zijn BSN is volgens hem 587355706, maar dat kan niet.', 'BSN')).toEqual([]);
    expect(found('Het nummer 123456789 is een voorbeeld.', 'BSN')).toEqual([]);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('111222333')).toBe(true);
  });

  it('ignores valid-looking numbers labelled as another identifier or amount', () => {
    expect(found('Het klantnummer 111222333 staat op de factuur.', 'BSN')).toEqual([]);
    expect(found('Een bedrag van € 111.222.333 is niet realistisch.', 'BSN')).toEqual([]);
  });
});

describe('IBAN', () => {
  it('finds Dutch and foreign IBANs, spaced or not, and checks mod-97', () => {
    expect(found('Rekening NL91 ABNA 0417 1643 00 graag.', 'IBAN')).toEqual(['NL91 ABNA 0417 1643 00']);
    expect(found('naar NL44RABO0123456789.', 'IBAN')).toEqual(['NL44RABO0123456789']);
    expect(found('Belgisch: BE68 5390 0754 7034', 'IBAN')).toEqual(['BE68 5390 0754 7034']);
    expect(found('Duits: DE89 3704 0044 0532 0130 00', 'IBAN')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(found('van NL91 ABNA 0417 1643 00 naar NL44RABO0123456789', 'IBAN')).toHaveLength(2);
  });

  it('rejects a wrong check digit', () => {
    expect(found('Rekening NL92 ABNA 0417 1643 00.', 'IBAN')).toEqual([]);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
  });
});

describe('TELEFOON', () => {
  it('finds mobile, landline and international formats', () => {
    for (const n of ['06-12345678', '06 1234 5678', '0612345678', '+31 6 1234 5678', '+31612345678', '0031 6 12345678', '020-1234567', '020 - 123 45 67', '0512 123456', '(0575) 51 23 45', '+31 (0)6 2345 6789', '+32 478 12 34 56', '+212 612-345678']) {
      expect(found(`Bel ${n} even.`, 'TELEFOON'), n).toEqual([n]);
    }
  });

  it('does not take amounts, dates, case numbers or times for phone numbers', () => {
    expect(found('Zaaknummer 0123456789 is gesloten.', 'TELEFOON')).toEqual([]);
    expect(found('Factuurnummer 0612345678 klopt niet.', 'TELEFOON')).toEqual([]);
    expect(found('Afspraak op 09/09/2020 om 10.30 uur, kosten € 0612,50.', 'TELEFOON')).toEqual([]);
    expect(found('De schuld is 12.450,00 euro.', 'TELEFOON')).toEqual([]);
  });
});

describe('EMAIL', () => {
  it('finds addresses including dots, plus signs and accents', () => {
    expect(found('Mail naar m.jansen1960@hotmail.com aub.', 'EMAIL')).toEqual(['m.jansen1960@hotmail.com']);
    expect(found('kees+wijk@ziggo.nl', 'EMAIL')).toEqual(['kees+wijk@ziggo.nl']);
    expect(found('Geen mail: @wijkteam of info@', 'EMAIL')).toEqual([]);
  });
});

describe('POSTCODE', () => {
  it('finds 1234 AB and 1234AB', () => {
    expect(found('in 3521 GE Utrecht', 'POSTCODE')).toEqual(['3521 GE']);
    expect(found('postcode 3521GE', 'POSTCODE')).toEqual(['3521GE']);
  });

  it('skips units and ordinary words after four digits', () => {
    expect(found('Ze slikt 1000 mg per dag en weegt 60 kg.', 'POSTCODE')).toEqual([]);
    expect(found('In 2015 en 2016 kwam ze vaak.', 'POSTCODE')).toEqual([]);
    expect(found('Ze neemt 1000mg paracetamol.', 'POSTCODE')).toEqual([]);
  });
});

describe('ADRES', () => {
  it('finds street and number in running text, with suffixes', () => {
    expect(found('Hij woont op de Kerkstraat 12a boven de bakker.', 'ADRES')).toEqual(['Kerkstraat 12a']);
    expect(found('Adres: Van der Helststraat 4-II, Amsterdam.', 'ADRES')).toEqual(['Van der Helststraat 4-II']);
    expect(found('Ze verhuist naar de Laan van Meerdervoort 112.', 'ADRES')).toEqual(['Laan van Meerdervoort 112']);
    expect(found('Huisbezoek op de Dorpsweg 3.', 'ADRES')).toEqual(['Dorpsweg 3']);
    expect(found('Op de Burgemeester de Withstraat 27 is een buurtkamer.', 'ADRES')).toEqual(['Burgemeester de Withstraat 27']);
    expect(found('Post naar Postbus 1234.', 'ADRES')).toEqual(['Postbus 1234']);
    expect(found('Kerkstr. 5 is afgesloten.', 'ADRES')).toEqual(['Kerkstr. 5']);
  });

  it('needs a house number and leaves years and amounts alone', () => {
    expect(found('Ze woont aan de Dorpsstraat.', 'ADRES')).toEqual([]);
    expect(found('Zie Oldenhof 2015 voor een overzicht.', 'ADRES')).toEqual([]);
    expect(found('Op de Markt 3 keer per week.', 'ADRES')).toEqual([]);
  });
});

describe('DATUM and GEBOORTEDATUM', () => {
  it('finds numeric and written dates', () => {
    expect(found('Op 12-03-2015 gemeld.', 'DATUM')).toEqual(['12-03-2015']);
    expect(found('Op 12/3/15 gemeld.', 'DATUM')).toEqual(['12/3/15']);
    expect(found('Loopt tot 2025-06-30.', 'DATUM')).toEqual(['2025-06-30']);
    expect(found('Op 12 maart 2015 en 3 jan. 2020 en 5 mei.', 'DATUM')).toEqual(['12 maart 2015', '3 jan. 2020', '5 mei']);
    expect(found('Sinds maart 2021 gaat het beter.', 'DATUM')).toEqual(['maart 2021']);
  });

  it('does not tag a year alone or a month alone', () => {
    expect(found('In 2015 kwam ze naar Nederland, elk jaar in mei is er een feest.', 'DATUM')).toEqual([]);
  });

  it('marks dates introduced by geboren, geb. or geboortedatum as GEBOORTEDATUM', () => {
    expect(found('Hij is geboren op 02-07-1961 in Paramaribo.', 'GEBOORTEDATUM')).toEqual(['02-07-1961']);
    expect(found('Geboortedatum: 1 april 1948', 'GEBOORTEDATUM')).toEqual(['1 april 1948']);
    expect(found('Mevrouw Pinas (geb. 23-11-1950) woont alleen.', 'GEBOORTEDATUM')).toEqual(['23-11-1950']);
    expect(found('Zijn vader is geboren in 1952.', 'GEBOORTEDATUM')).toEqual(['1952']);
    expect(found('Op 12-03-1950 geboren, nu in een verpleeghuis.', 'GEBOORTEDATUM')).toEqual(['12-03-1950']);
  });
});

describe('KENTEKEN', () => {
  it('finds Dutch sidecodes with dashes, and without dashes after "kenteken"', () => {
    expect(found('De auto 12-ABC-3 staat er al maanden.', 'KENTEKEN')).toEqual(['12-ABC-3']);
    expect(found('Scooter DKX-82-T is gestolen.', 'KENTEKEN')).toEqual(['DKX-82-T']);
    expect(found('kenteken GB432L', 'KENTEKEN')).toEqual(['GB432L']);
    expect(found('Code GB432L in het systeem', 'KENTEKEN')).toEqual([]);
    expect(found('Covid-19 en 12-03-15 zijn geen kentekens', 'KENTEKEN')).toEqual([]);
  });
});

describe('LEEFTIJD', () => {
  it('finds ages in their usual forms', () => {
    expect(found('Ze is 72 jaar en woont alleen.', 'LEEFTIJD')).toEqual(['72 jaar']);
    expect(found('Een 72-jarige vrouw viel.', 'LEEFTIJD')).toEqual(['72-jarige']);
    expect(found('Zoon Daan (14) spijbelt.', 'LEEFTIJD')).toEqual(['14']);
    expect(found('Ze is 14 jr.', 'LEEFTIJD')).toEqual(['14 jr']);
    expect(found('Het gaat om een jongen van 14.', 'LEEFTIJD')).toEqual(['14']);
    expect(found('Het kind is 6 jaar oud.', 'LEEFTIJD')).toEqual(['6 jaar']);
    expect(found('Cliënt (v, 45) belde.', 'LEEFTIJD')).toEqual(['45']);
  });

  it('leaves durations and other numbers alone', () => {
    expect(found('Ze woont hier al 12 jaar en is 3 jaar geleden gescheiden.', 'LEEFTIJD')).toEqual([]);
    expect(found('De tweejarige opleiding is vol.', 'LEEFTIJD')).toEqual([]);
    expect(found('Het traject duurt maximaal 4 maanden, stap (2) volgt later.', 'LEEFTIJD')).toEqual([]);
    expect(found('Ik ben al 10 jaar wijkcoach.', 'LEEFTIJD')).toEqual([]);
  });
});

describe('PERSOON', () => {
  it('keeps the form of address out of the span but initials and tussenvoegsels in', () => {
    expect(found('Dhr. J.P. van der Heijden tekende.', 'PERSOON')).toEqual(['J.P. van der Heijden']);
    expect(found('Mevrouw van \'t Hof wil geen hulp.', 'PERSOON')).toEqual(["van 't Hof"]);
    expect(found('Kun je mw. de Boer bellen?', 'PERSOON')).toEqual(['de Boer']);
    expect(found('De heer A. el Khatib komt.', 'PERSOON')).toEqual(['A. el Khatib']);
    expect(found('Piet Jansen jr. neemt het over.', 'PERSOON')).toEqual(['Piet Jansen jr.']);
  });

  it('finds names after relation and role words and naming verbs', () => {
    expect(found('Moeder Fatima en zoon Daan kwamen.', 'PERSOON')).toEqual(['Fatima', 'Daan']);
    expect(found('Haar vriend Kees en buurman Henk Visser helpen.', 'PERSOON')).toEqual(['Kees', 'Henk Visser']);
    expect(found('Een jongen genaamd Bilal staat daar vaak.', 'PERSOON')).toEqual(['Bilal']);
    expect(found('Oma Tine brengt de kinderen.', 'PERSOON')).toEqual(['Tine']);
  });

  it('tells names that are also words apart by context', () => {
    expect(found('Roos belde vanochtend.', 'PERSOON')).toEqual(['Roos']);
    expect(found('Hij kreeg een roos.', 'PERSOON')).toEqual([]);
    expect(found('Hoop dat het lukt.', 'PERSOON')).toEqual([]);
    expect(found('Buurvrouw Hoop belde.', 'PERSOON')).toEqual(['Hoop']);
    expect(found('De visser op de kade zag hem.', 'PERSOON')).toEqual([]);
    expect(found('Meneer Visser was vroeger visser.', 'PERSOON')).toEqual(['Visser']);
    expect(found('Ik sprak mw. de Boer; de boer naast haar verhuurt.', 'PERSOON')).toEqual(['de Boer']);
    expect(found('Mees zit in groep 6.', 'PERSOON')).toEqual(['Mees']);
    expect(found('De moeder van Jansen is overleden.', 'PERSOON')).toEqual(['Jansen']);
  });

  it('finds full names including migrant names and particles', () => {
    expect(found('Ik sprak met Mohamed Amrani en Agnieszka Kowalczyk.', 'PERSOON')).toEqual(['Mohamed Amrani', 'Agnieszka Kowalczyk']);
    expect(found('Mevrouw El Amrani belt terug.', 'PERSOON')).toEqual(['El Amrani']);
    expect(found('Heeft iemand het nummer van Yfke van Loon?', 'PERSOON')).toEqual(['Yfke van Loon']);
  });

  it('does not tag organisations, places, laws and methods', () => {
    const text =
      'Ze is doorverwezen naar Veilig Thuis en het Leger des Heils, doet boodschappen bij Albert Heijn, woont in Zeist en de Jeugdwet geldt. Wat zegt het Handboek over SoNeStra en het Netwerkkompas?';
    expect(found(text, 'PERSOON')).toEqual([]);
    expect(found('De opname is in het Jeroen Bosch Ziekenhuis, niet in Den Bosch.', 'PERSOON')).toEqual([]);
  });

  it('always tags knownNames, case-insensitively and inside a longer name', () => {
    expect(found('ik sprak roos gisteren', 'PERSOON', ['Roos'])).toEqual(['roos']);
    expect(found('Gesprek met Xandrio Qwertyan over de huur.', 'PERSOON', ['Qwertyan'])).toEqual(['Xandrio Qwertyan']);
    expect(found('Fatima belde; later kwam FATIMA EL AMRANI zelf.', 'PERSOON', ['Fatima El Amrani'])).toEqual(['Fatima', 'FATIMA EL AMRANI']);
  });
});

describe('general behaviour', () => {
  it('returns correct, sorted, non-overlapping offsets', () => {
    const text = 'Mevrouw El Amrani (72) woont sinds 2019 op de Vondellaan 14 in 3521 GE Utrecht, tel. 06-12345678.';
    const es = detectPersonalData(text);
    expect(es.map((e) => e.type)).toEqual(['PERSOON', 'LEEFTIJD', 'ADRES', 'POSTCODE', 'TELEFOON']);
    for (const e of es) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (let i = 1; i < es.length; i++) expect(es[i]!.start).toBeGreaterThanOrEqual(es[i - 1]!.end);
  });

  it('uses UTF-16 offsets with astral characters before an entity', () => {
    const text = '👩‍👧 😀 Bel 06-12345678 📞';
    const [e] = detectPersonalData(text) as [Entity];
    expect(e.type).toBe('TELEFOON');
    expect(text.slice(e.start, e.end)).toBe('06-12345678');
  });

  it('finds nothing in a policy question', () => {
    expect(types('Hoe lang heb ik om de hulpvraag te verkennen volgens het handboek?')).toEqual([]);
    expect(types('Mag ik de eigen kortdurende ondersteuning van 4 maanden een keer verlengen?')).toEqual([]);
    expect(types('Wat doe ik als het BSN van een cliënt in een Teams-bericht staat?')).toEqual([]);
  });

  it('survives empty, odd and very large input', () => {
    expect(detectPersonalData('')).toEqual([]);
    expect(detectPersonalData('   \n\t  ')).toEqual([]);
    expect(() => detectPersonalData('\u0000\uFFFF\uD800 abc \uDC00 ' + '\u200B'.repeat(50))).not.toThrow();
    expect(() => detectPersonalData('a'.repeat(100_000))).not.toThrow();
    expect(() => detectPersonalData('1'.repeat(20_000) + ' ' + '0'.repeat(5000))).not.toThrow();
    const big = 'Mevrouw Jansen belde op 06-12345678 over haar BSN 111222333. '.repeat(3000);
    const t0 = performance.now();
    const es = detectPersonalData(big);
    expect(es.length).toBe(9000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('ignores placeholders written by anonymise', () => {
    expect(detectPersonalData('[PERSOON-1] belde over [BSN-2] en [ADRES-1].')).toEqual([]);
  });
});
