/** The stored vier-ogen request and small helpers every use case of this folder shares. */
import type { Sql } from '../../lib/db.ts';
import { WijkwijsError } from '../../lib/errors.ts';

export const EXPERTISE_TAGS = ['jeugd', 'schulden', 'ggz', 'wonen', 'ouderen', 'werk en inkomen', 'veiligheid', 'verslaving'] as const;

/** Default time a colleague has to answer: 4 working hours, kept as minutes. */
export const DEFAULT_TIMEOUT_MINUTES = 240;

/** The rotation counts asks over this period, so a long-gone busy month does not weigh forever. */
export const ROTATION_PERIOD_DAYS = 90;

export type RequestStatus = 'draft' | 'asked' | 'agreed' | 'not_agreed' | 'no_reviewer' | 'withdrawn';

export interface VierOgenRequest {
  id: string;
  team_id: string;
  requester_id: string;
  indication: string;
  expertise: string | null;
  deadline: string | null;
  status: RequestStatus;
  reviewer_id: string | null;
  asked_at: Date | null;
  passed_by: string[];
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
}

export async function loadRequest(sql: Sql, id: string): Promise<VierOgenRequest> {
  const [row] = await sql.query<VierOgenRequest>(
    `SELECT id, team_id, requester_id, indication, expertise, to_char(deadline, 'YYYY-MM-DD') AS deadline, status, reviewer_id, asked_at,
            passed_by, decided_by, decided_at, note
     FROM vier_ogen_request WHERE id = $1`,
    [id],
  );
  if (!row) throw new WijkwijsError('not_found', 'Deze vier-ogen aanvraag bestaat niet (meer).');
  return row;
}

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
