/** The twenty dilemmas of the wijkcoach (Vos, Groen & Verkleij), numbered as in knowledge/dilemmas/overzicht.md. */
export const DILEMMAS: string[] = [
  'Oppakken of laten liggen?',
  'Werken aan de wachtlijst of werken aan de wijk?',
  'Eigen kracht of kracht van buiten?',
  'Standaard of maatwerk?',
  'Vraaggericht of professioneel gedreven?',
  'Generalistisch of specialistisch?',
  'Zelf doen of overdragen?',
  'Verbreden of verdiepen?',
  'Zelf besluiten of samen besluiten?',
  'Pragmatisch of fundamenteel?',
  'Belang van het kind of van het gezin?',
  'Vrijwillig kader of dwang en drang?',
  'Klein houden of opschalen?',
  'Zelf doen of inkopen?',
  'Krachtenveld of krachtig veld?',
  'Binnen of buiten de lijntjes kleuren?',
  'Regelarm of regelrijk?',
  'Resultaatgestuurd of regelgestuurd?',
  'Kosten of kwaliteit?',
  'Cijferijver of rijker verantwoorden?',
];

export const OTHER_DILEMMA = 'anders';

export const DILEMMA_OPTIONS = [
  ...DILEMMAS.map((title, i) => ({ value: String(i + 1), label: `${i + 1}. ${title}` })),
  { value: OTHER_DILEMMA, label: 'Anders (vul hieronder in)' },
];

/** "3" → "3. Eigen kracht of kracht van buiten?"; a free text stays as it is. */
export function dilemmaLabel(choice: string, other?: string): string {
  const n = Number(choice);
  if (Number.isInteger(n) && n >= 1 && n <= DILEMMAS.length) return `${n}. ${DILEMMAS[n - 1]}`;
  return (other ?? '').trim();
}
