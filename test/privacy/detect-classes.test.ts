import { describe, it, expect } from 'vitest';
import { anonymise, detectPersonalData, type EntityType } from '../../src/privacy/index.ts';

/** The entities of one type, as their text. */
function found(text: string, type: EntityType): string[] {
  return detectPersonalData(text)
    .filter((e) => e.type === type)
    .map((e) => e.text);
}

describe('names in lower case, without any cue', () => {
  it('finds a first name with particles and a surname', () => {
    expect(found('gesprek gehad met jan de vries over de aanmaning', 'PERSOON')).toEqual(['jan de vries']);
    expect(found('fatima el amrani komt donderdag langs', 'PERSOON')).toEqual(['fatima el amrani']);
    expect(found('mail van tim van der linden doorgestuurd', 'PERSOON')).toEqual(['tim van der linden']);
    expect(found('heb je de brief van kevin de wit gezien?', 'PERSOON')).toEqual(['kevin de wit']);
  });

  it('finds a first name followed by a surname from the list or an unknown one', () => {
    expect(found('kun jij anouk visser terugbellen?', 'PERSOON')).toEqual(['anouk visser']);
    expect(found('heb je priya ramdin al gesproken?', 'PERSOON')).toEqual(['priya ramdin']);
    expect(found('ik sprak sanne Bakker op het schoolplein', 'PERSOON')).toEqual(['sanne Bakker']);
  });

  it('finds a lowercase first name after a role word, but not a verb that looks like a name', () => {
    expect(found('haar zoon daan spijbelt', 'PERSOON')).toEqual(['daan']);
    expect(found('Mijn collega koos ervoor om te bellen.', 'PERSOON')).toEqual([]);
  });

  it('leaves ordinary words that are also first names', () => {
    for (const text of [
      'hoop dat de aanvraag deze maand rond komt',
      'max twee kinderen per gezin mogen mee',
      'mark het gesprek even in de agenda',
      'jan en alleman weet het inmiddels',
      'ze heeft een roos op haar arm laten zetten',
      'In het dossier staat iets anders.',
    ]) {
      expect(found(text, 'PERSOON'), text).toEqual([]);
    }
  });
});

describe('a first name left behind next to a surname', () => {
  it('takes in an unknown first name before a known name and a verb at the start of a sentence', () => {
    expect(found('Shanaya Martina heeft een nieuwe baan.', 'PERSOON')).toEqual(['Shanaya Martina']);
    expect(found('Kayleigh Thomas heeft de huur betaald.', 'PERSOON')).toEqual(['Kayleigh Thomas']);
  });
});

describe('possessives without an apostrophe', () => {
  it('keeps the -s outside the name', () => {
    const r = anonymise('Fatimas zoon belde. Sannes vriend en Daans school ook.');
    expect(r.text).toBe('[PERSOON-1]s zoon belde. [PERSOON-2]s vriend en [PERSOON-3]s school ook.');
    expect(r.mapping['[PERSOON-1]']).toBe('Fatima');
  });

  it('does not split languages', () => {
    expect(found('Ze spreekt geen Nederlands en een beetje Engels.', 'PERSOON')).toEqual([]);
    expect(found('Hij leest de brieven in het Frans.', 'PERSOON')).toEqual([]);
    expect(found('Een Noors bedrijf biedt hem werk.', 'PERSOON')).toEqual([]);
  });
});

describe('surnames that are ordinary words at the start of a sentence', () => {
  it('are names before a verb', () => {
    expect(found('Bakker belde om te zeggen dat hij de sleutel kwijt is.', 'PERSOON')).toEqual(['Bakker']);
    expect(found('Visser wil de afspraak liever thuis.', 'PERSOON')).toEqual(['Visser']);
  });

  it('are trades in "zijn", "worden" and "is een beroep"', () => {
    expect(found('Boer zijn op een klein bedrijf levert weinig op.', 'PERSOON')).toEqual([]);
    expect(found('Bakker worden lijkt hem leuk.', 'PERSOON')).toEqual([]);
    expect(found('Visser is een zwaar beroep.', 'PERSOON')).toEqual([]);
  });
});

describe('organisations and public service numbers stay', () => {
  it('keeps care providers and agencies', () => {
    for (const text of [
      'Ze is aangemeld bij Tactus.',
      'Het Leger des Heils heeft een bed voor hem.',
      'We hebben een melding gedaan bij Veilig Thuis.',
      'De Sociale Raadslieden helpen met het bezwaar.',
      'Stichting Present komt de tuin opknappen.',
      'Stichting Leergeld betaalt de zwemles.',
      'Directeur van de school belde.',
    ]) {
      expect(detectPersonalData(text), text).toEqual([]);
    }
  });

  it('keeps 112, 0800 and 0900 numbers and the municipal 14 0xx numbers', () => {
    for (const text of ['Bel bij gevaar 112.', 'Veilig Thuis: 0800-2000.', 'De Kindertelefoon (0800-0432) is gratis.', 'Politie 0900-8844.', 'Gemeente: 14 020.']) {
      expect(found(text, 'TELEFOON'), text).toEqual([]);
    }
  });

  it('keeps numbers of organisations', () => {
    expect(detectPersonalData('De KvK van de stichting is 41234567 en de AGB-code 01012345.')).toEqual([]);
  });
});

describe('addresses', () => {
  it('finds lowercase street names with a house number', () => {
    expect(found('ze woont in de kerkstraat 12, tweede verdieping', 'ADRES')).toEqual(['kerkstraat 12']);
    expect(found('nieuw adres: dorpsstraat 4a', 'ADRES')).toEqual(['dorpsstraat 4a']);
    expect(found('hij is onderweg 2 uur', 'ADRES')).toEqual([]);
  });

  it('finds street names with an ordinal or a year in them', () => {
    expect(found('Het gezin woont op de 2e Jan Steenstraat 4 in Amsterdam.', 'ADRES')).toEqual(['2e Jan Steenstraat 4']);
    expect(found('Ze verhuist naar de 1e Helmersstraat 20-III.', 'ADRES')).toEqual(['1e Helmersstraat 20-III']);
    expect(found('Het kantoor zit op Plein 1944 12.', 'ADRES')).toEqual(['Plein 1944 12']);
    expect(found('Het Plein 1944 is afgesloten.', 'ADRES')).toEqual([]);
    expect(found('Het gezin woont op de 2e Jan Steenstraat 4.', 'DATUM')).toEqual([]);
  });
});

describe('dates with an apostrophe year', () => {
  it('finds day-month-year and month-year forms', () => {
    expect(found("Intake op 12 mei '23, daarna niets.", 'DATUM')).toEqual(["12 mei '23"]);
    expect(found("Uithuisplaatsing op 3-4-'19.", 'DATUM')).toEqual(["3-4-'19"]);
    expect(found('Vonnis van 14 februari ’24.', 'DATUM')).toEqual(['14 februari ’24']);
    expect(found("Ze is sinds maart '21 weduwe.", 'DATUM')).toEqual(["maart '21"]);
    expect(found("Hij is geboren in '98.", 'GEBOORTEDATUM')).toEqual(["'98"]);
  });

  it('leaves a year alone', () => {
    expect(detectPersonalData("In '19 kwam het gezin hier; muziek uit de jaren '80.")).toEqual([]);
  });
});

describe('ages not written as (n) or n jaar', () => {
  it('finds exact ages in words', () => {
    expect(found('Het gaat om een 14-jarige die niet naar school gaat.', 'LEEFTIJD')).toEqual(['14-jarige']);
    expect(found('Haar zoon van veertien zorgt voor zijn zusjes.', 'LEEFTIJD')).toEqual(['veertien']);
    expect(found('Een meisje van twaalf jaar belde zelf.', 'LEEFTIJD')).toEqual(['twaalf jaar']);
    expect(found('Hij wordt in juni achttien.', 'LEEFTIJD')).toEqual(['achttien']);
    expect(found('Op haar zestiende kreeg ze een kind.', 'LEEFTIJD')).toEqual(['zestiende']);
    expect(found('Mevrouw Kromosoeto is zevenentachtig en valt vaak.', 'LEEFTIJD')).toEqual(['zevenentachtig']);
  });

  it('leaves decades, groups and counts', () => {
    for (const text of ['Ze is een vijftiger.', 'Mevrouw is ergens in de zeventig.', 'De moeder van twee kinderen belde.', 'Op zijn tweede dag ging het mis.', 'Het project is voor 80-plussers.']) {
      expect(found(text, 'LEEFTIJD'), text).toEqual([]);
    }
  });
});

describe('passport numbers, V-nummers and client numbers', () => {
  it('finds document numbers after their label', () => {
    expect(found('Paspoortnummer NPH4R7K21 staat op de kopie.', 'DOCUMENTNUMMER')).toEqual(['NPH4R7K21']);
    expect(found('Haar ID-kaart met documentnummer IR57KL3F8 is verlopen.', 'DOCUMENTNUMMER')).toEqual(['IR57KL3F8']);
    expect(found('Het rijbewijsnummer is 5012345678.', 'DOCUMENTNUMMER')).toEqual(['5012345678']);
  });

  it('finds V-nummers', () => {
    expect(found('V-nummer 2301457896 hoort bij de moeder.', 'VNUMMER')).toEqual(['2301457896']);
    expect(found('Het vreemdelingennummer van meneer is 2811346650.', 'VNUMMER')).toEqual(['2811346650']);
    expect(found('De IND vraagt naar v-nr. 3104567712.', 'VNUMMER')).toEqual(['3104567712']);
  });

  it('finds client and file numbers of agencies', () => {
    expect(found('Cliëntnummer 123456 bij de Sociale Dienst.', 'DOSSIERNUMMER')).toEqual(['123456']);
    expect(found('Zie dossiernr. AB-12345 bij Veilig Thuis.', 'DOSSIERNUMMER')).toEqual(['AB-12345']);
    expect(found('Het zaaknummer van de gemeente is Z-2024-004512.', 'DOSSIERNUMMER')).toEqual(['Z-2024-004512']);
    expect(anonymise('Klantnummer 88012345 bij het UWV.').text).toBe('Klantnummer [DOSSIERNUMMER-1] bij het UWV.');
  });

  it('needs a number after the label', () => {
    expect(detectPersonalData('In het dossier staat het paspoort van 2019 niet.')).toEqual([]);
  });
});
