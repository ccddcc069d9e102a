// Builds the Teams app package dist/wijkwijs-msteams.zip: msteams/manifest.json with the bot's app id
// (MICROSOFT_APP_ID from the environment or .env, or the first argument) and the two icons.
// Usage: npm run msteams:package [-- <app-id>] [--host wijkwijs.example.nl]
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import yazl from 'yazl';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { host: { type: 'string' } } });

function fail(message) {
  process.stderr.write(`Fout: ${message}\n`);
  process.exit(1);
}

let config = { msTeams: undefined };
try {
  const { loadConfig } = await tsImport('../src/lib/config.ts', import.meta.url);
  config = loadConfig(process.env, path.join(root, '.env'));
} catch (error) {
  // A half-filled Teams block (id without secret) is fine for packaging: only the id goes in.
  if (!positionals[0] && !process.env.MICROSOFT_APP_ID) fail(error instanceof Error ? error.message : String(error));
}
const appId = positionals[0] ?? config.msTeams?.appId ?? process.env.MICROSOFT_APP_ID;
if (!appId) {
  fail('MICROSOFT_APP_ID ontbreekt. Zet de app-id van je Azure Bot in .env (MICROSOFT_APP_ID=…) of geef hem mee: npm run msteams:package -- <app-id>');
}
if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
  fail(`"${appId}" is geen geldige app-id; die ziet eruit als 00000000-0000-0000-0000-000000000000 (Azure Bot → Configuratie → Microsoft App ID).`);
}
const host = values.host ?? 'localhost';
if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host)) fail(`"${host}" is geen geldige hostnaam, bijvoorbeeld wijkwijs.gemeente.nl.`);

const manifest = readFileSync(path.join(root, 'msteams/manifest.json'), 'utf8').replaceAll('{{MICROSOFT_APP_ID}}', appId).replaceAll('{{WIJKWIJS_HOST}}', host);
JSON.parse(manifest); // refuse to package a broken manifest

mkdirSync(path.join(root, 'dist'), { recursive: true });
const out = path.join(root, 'dist/wijkwijs-msteams.zip');
const zip = new yazl.ZipFile();
zip.addBuffer(Buffer.from(manifest), 'manifest.json');
zip.addFile(path.join(root, 'msteams/color.png'), 'color.png');
zip.addFile(path.join(root, 'msteams/outline.png'), 'outline.png');
zip.end();
await new Promise((resolve, reject) => zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject));
process.stdout.write(`Teams-app gemaakt: ${path.relative(process.cwd(), out)} (bot ${appId}, domein ${host}). Upload dit bestand in Teams of het Teams-beheercentrum.\n`);
