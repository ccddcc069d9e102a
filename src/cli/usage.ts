import { DOCUMENT_TYPES } from '../knowledge/document.ts';
import { ADMIN_HELP } from './admin-command.ts';
import { JOBS_HELP } from './jobs-command.ts';
import { PRIVACY_HELP } from './privacy-command.ts';
import { TEAM_HELP } from './team-command.ts';

interface CommandHelp {
  synopsis: string;
  /** One or two lines for the overview. */
  summary: string[];
  /** What `wijkwijs <command> --help` adds to the synopsis. */
  details: string;
}

const TYPES = `Typen: ${DOCUMENT_TYPES.join(', ')}.`;
const ONE_SERVER = 'Met de ingebouwde database (WIJKWIJS_DATA_DIR) kan er maar één Wijkwijs-proces tegelijk bij; draait de server, dan wacht deze opdracht niet maar stopt ze met een melding.';

const COMMANDS: Record<string, CommandHelp> = {
  serve: {
    synopsis: 'serve [--port N] [--host H]',
    summary: ['start de webchat (standaard op http://127.0.0.1:3000)'],
    details: `Start de webchat en de API, en Slack en Teams als die zijn ingesteld. Stoppen: Ctrl+C.
  --port N    poort (standaard PORT of 3000)
  --host H    adres om op te luisteren (standaard HOST of 127.0.0.1; een ander adres vraagt WIJKWIJS_WEB_TOKEN)
Eén server per datamap; meerdere servers delen één PostgreSQL-database via DATABASE_URL.`,
  },
  ask: {
    synopsis: 'ask "<vraag>" [--json]',
    summary: ['stel één vraag en toon het antwoord met bronnen'],
    details: `Beantwoordt één vraag uit de kennisbank, met de bronnen eronder.
  --json      het volledige antwoord als JSON
${ONE_SERVER}`,
  },
  search: {
    synopsis: 'search ["<vraag>"] [--limit N] [--type T] [--team ID] [--json]',
    summary: ['zoek passages; zonder vraag: één vraag per regel van stdin,', 'één JSON-array per regel'],
    details: `Toont de best passende passages bij een vraag. Zonder vraag leest het één vraag per regel van
standaardinvoer en schrijft het per vraag één JSON-array.
  --limit N   aantal passages, 1 tot en met 50 (standaard 5)
  --type T    alleen documenten van dit type
  --team ID   zoek ook in de kennis van dit team (standaard WIJKWIJS_DEFAULT_TEAM)
  --json      passages als JSON
${TYPES}`,
  },
  ingest: {
    synopsis: 'ingest <bestand-of-map>... [--type T] [--team ID] [--prune] [--json]',
    summary: ['laad Markdown, tekst, PDF of DOCX in de kennisbank'],
    details: `Leest bestanden of mappen in; ongewijzigde bestanden worden overgeslagen en een onvolledige
index (na een afgebroken inleesronde) wordt hersteld. Casusbesprekingen en alles voor een team
worden eerst geanonimiseerd; de samenvatting telt per document wat er is vervangen.
  --type T    type van de documenten (anders uit de front matter of de mapnaam)
  --team ID   alleen zichtbaar voor dit team
  --prune     haal documenten uit de index waarvan het bestand in deze mappen weg is
  --json      samenvatting als JSON
${TYPES}
${ONE_SERVER}`,
  },
  migrate: {
    synopsis: 'migrate',
    summary: ['werk het databaseschema bij'],
    details: `Past nog niet toegepaste databasemigraties toe (dat gebeurt ook bij elke start).
${ONE_SERVER}`,
  },
  anonymise: {
    synopsis: 'anonymise [--json] [--name "<naam>"]',
    summary: ['lees tekst van stdin en toon hem zonder persoonsgegevens'],
    details: `Leest tekst van standaardinvoer en schrijft hem terug met plaatshouders zoals [PERSOON-1].
  --json          {text, entities: [{type, start, end, text}]}
  --name "<naam>" een naam die in elk geval vervangen moet worden (mag vaker)
Opent geen database.`,
  },
};

const ALIASES: Record<string, string> = { anonymize: 'anonymise' };

function overviewLine({ synopsis, summary }: CommandHelp): string {
  const indent = ' '.repeat(33);
  const [first, ...more] = summary;
  const head = synopsis.length < 31 ? `  ${synopsis.padEnd(31)}${first}` : `  ${synopsis}\n${indent}${first}`;
  return [head, ...more.map((m) => `${indent}${m}`)].join('\n');
}

export const HELP = `Wijkwijs — antwoorden uit de kennis van je wijkteam

Gebruik: wijkwijs <opdracht> [opties]     (hulp bij één opdracht: wijkwijs <opdracht> --help)

${Object.values(COMMANDS).map(overviewLine).join('\n')}
${TEAM_HELP}
${ADMIN_HELP}
${PRIVACY_HELP}
${JOBS_HELP}

${TYPES}
Instellingen komen uit de omgeving of .env (zie .env.example).`;

/** The usage text of one command, or undefined for an unknown one. */
export function commandHelp(command: string): string | undefined {
  if (command === 'team') return `Gebruik:\n${TEAM_HELP}\n\n${ONE_SERVER}`;
  if (command === 'privacy') return `Gebruik:\n${PRIVACY_HELP}\n\n${ONE_SERVER}`;
  if (command === 'admin') return `Gebruik:\n${ADMIN_HELP}\n\n${ONE_SERVER}`;
  if (command === 'jobs') return `Gebruik:\n${JOBS_HELP}\n\n${ONE_SERVER}`;
  const help = COMMANDS[ALIASES[command] ?? command];
  return help && `Gebruik: wijkwijs ${help.synopsis}\n\n${help.details}`;
}

/** `--help` or `-h` among the options (not after `--`, where it would be a question or a name). */
export function asksForHelp(args: string[]): boolean {
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return options.includes('--help') || options.includes('-h');
}
