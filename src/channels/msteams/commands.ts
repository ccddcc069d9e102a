/**
 * What a Teams message means: a channel setting ("@Wijkwijs koppel team-noord", answered where it
 * was typed), a core command ("vierogen …" or "/vierogen …", for any command a feature adds) or a question.
 */
export const SETTINGS_WORDS = ['koppel', 'ontkoppel', 'status', 'ik', 'help', 'hulp', 'modus', 'teamkanaal', 'groep'] as const;
export type SettingsWord = (typeof SETTINGS_WORDS)[number];

export type Intent = { kind: 'settings'; word: SettingsWord; args: string[] } | { kind: 'command'; text: string } | { kind: 'question'; text: string };

export const MSTEAMS_HELP = [
  '**Wijkwijs in Teams**',
  '- Stel je vraag in een persoonlijke chat met mij, of noem @Wijkwijs in een kanaal.',
  '- `casus <tekst>` legt een casus vast (eerst zonder persoonsgegevens, jij controleert).',
  '- `koppel <team>` koppelt dit kanaal aan een Wijkwijs-team (voor beheerders van dat team).',
  '- `ontkoppel` haalt die koppeling weg, `status` laat hem zien.',
  '- `modus vermelding` of `modus alles`: antwoord alleen als iemand mij noemt, of ook op elke vraag die eindigt op een vraagteken.',
  '- `teamkanaal` zet hulpvragen van collega’s ("Vraag een collega") in dit kanaal; `groep @tag` roept die tag erbij op.',
  '- `ik` toont je Wijkwijs-id.',
].join('\n');

/** `commands`: every command the core answers (`commandNames`), without the slash. */
export function parseIntent(text: string, commands: readonly string[]): Intent {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.replace(/^\//, '').toLowerCase();
  // Only the bare word (or "koppel <team>", "modus alles"): "Hulp bij schulden, waar verwijs ik heen?" is a question.
  const withArgument = (word === 'koppel' && rest.length === 1) || (word === 'modus' && rest.length === 1 && /^(vermelding|alles)$/i.test(rest[0]!));
  const isSettings = (SETTINGS_WORDS as readonly string[]).includes(word) && (rest.length === 0 || withArgument);
  if (isSettings) return { kind: 'settings', word: word as SettingsWord, args: rest };
  if (commands.includes(word)) return { kind: 'command', text: `/${word}${rest.length ? ` ${trimmed.slice(first.length).trim()}` : ''}` };
  // An unknown "/word" still goes to the core, which lists what it knows.
  if (first.startsWith('/')) return { kind: 'command', text: trimmed };
  return { kind: 'question', text: trimmed };
}

/** The core command each settings word stands for; `help` is answered here. */
export const CORE_COMMANDS: Partial<Record<SettingsWord, string>> = { koppel: '/koppel', ontkoppel: '/ontkoppel', status: '/koppeling', ik: '/ik', modus: '/modus', teamkanaal: '/teamkanaal', groep: '/groep' };
