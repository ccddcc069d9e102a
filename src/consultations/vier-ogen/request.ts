/** The stored vier-ogen request and small helpers every use case of this folder shares. */
import type { VierOgenRequest } from '../../generated/prisma/client.ts';
import type { PrismaClient } from '../../lib/db.ts';
import { WijkwijsError } from '../../lib/errors.ts';

export const EXPERTISE_TAGS = ['jeugd', 'schulden', 'ggz', 'wonen', 'ouderen', 'werk en inkomen', 'veiligheid', 'verslaving'] as const;

/** Default time a colleague has to answer: 4 working hours, kept as minutes. */
export const DEFAULT_TIMEOUT_MINUTES = 240;

/** The rotation counts asks over this period, so a long-gone busy month does not weigh forever. */
export const ROTATION_PERIOD_DAYS = 90;

export async function loadRequest(prisma: PrismaClient, id: string): Promise<VierOgenRequest> {
  const row = await prisma.vierOgenRequest.findUnique({ where: { id } });
  if (!row) throw new WijkwijsError('not_found', 'Deze vier-ogen aanvraag bestaat niet (meer).');
  return row;
}

/** A local date ("2026-04-10") as the DATE column holds it, and back. */
export const dateColumn = (localDate: string): Date => new Date(`${localDate}T00:00:00Z`);
export const localDateOf = (column: Date): string => column.toISOString().slice(0, 10);

export function askKey(requestId: string, reviewerId: string): string {
  return `vierogen.ask:${requestId}:${reviewerId}`;
}

export function resultKey(requestId: string): string {
  return `vierogen.result:${requestId}`;
}

export function timeoutKey(requestId: string): string {
  return `vierogen.timeout:${requestId}`;
}


export function settingKey(teamId: string): string {
  return `vierogen.timeout-minutes:${teamId}`;
}
