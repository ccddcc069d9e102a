import { cleanName, storeName, type NameDeps } from './name-people.ts';

/** A name heard from the platform without asking (a Teams message, someone joining a channel). */
export async function rememberName(deps: Pick<NameDeps, 'db' | 'clock'>, userId: string, name: string | undefined): Promise<void> {
  const clean = cleanName(name);
  if (clean) await storeName(deps, userId, clean, deps.clock.now());
}
