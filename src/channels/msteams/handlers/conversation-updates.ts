/** The bot added to (or removed from) a chat or team, and people joining a team with a linked channel. */
import { TurnContext, type Activity } from 'botbuilder';
import { handleMemberJoined } from '../../../assistant/handle-turn.ts';
import { suggestedPrompts } from '../../../assistant/suggested-prompts.ts';
import { linkedTeamOfAny, placeKey } from '../../../teams/channel-links.ts';
import { conversationKind, storedConversation, msTeamsUserId } from '../activity.ts';
import { openPersonalChat, remember, type MsTeamsDeps } from '../respond.ts';
import { channelsOfMsTeamsTeam, forgetConversation, personalConversation } from '../store.ts';

const GREETING = [
  'Hoi! Ik ben **Wijkwijs**. Ik zoek antwoorden in het handboek, de methoden en de kennis van jullie wijkteam, altijd met de bronnen erbij.',
  'Stel je vraag in een chat met mij, of noem **@Wijkwijs** in een kanaal. Typ `casus <tekst>` om een casus vast te leggen (zonder persoonsgegevens).',
  'Beheerder van een team? Koppel een kanaal met: **@Wijkwijs koppel <team>**. Typ `help` voor meer.',
].join('\n\n');

export async function onConversationUpdate(deps: MsTeamsDeps, tc: TurnContext): Promise<void> {
  const { ctx } = deps;
  const a = tc.activity;
  const added = a.membersAdded ?? [];
  if (added.some((m) => m.id === a.recipient.id)) {
    await remember(ctx, tc);
    ctx.logger.info({ kind: conversationKind(a) }, 'msteams bot installed');
    // In a personal chat the first questions are offered as buttons, fitting who this is (a newcomer, a first contact).
    const prompts = conversationKind(a) === 'personal' ? (await suggestedPrompts(ctx, { userId: msTeamsUserId(a.from) })).prompts : [];
    const suggestedActions = prompts.length ? { to: [], actions: prompts.slice(0, 3).map((p) => ({ type: 'imBack', title: p.title, value: p.message })) } : undefined;
    const greeting = TurnContext.applyConversationReference({ type: 'message', text: GREETING, textFormat: 'markdown', ...(suggestedActions ? { suggestedActions } : {}) }, TurnContext.getConversationReference(a));
    delete greeting.replyToId;
    await tc.adapter.sendActivities(tc, [greeting]);
  }
  const msTeamsTeamId = (a.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  const people = added.filter((m) => m.id !== a.recipient.id);
  if (!msTeamsTeamId || !people.length) return;
  // The Wijkwijs team linked to any channel of this Microsoft Teams team.
  const channels = await channelsOfMsTeamsTeam(ctx.db, msTeamsTeamId);
  const teamId = await linkedTeamOfAny(ctx.db, channels.map((id) => placeKey('msteams', id)));
  if (!teamId) return;
  for (const person of people) {
    const userId = msTeamsUserId(person);
    // Whatever the team does for a newcomer (a welcome, a start form) goes to their personal chat.
    if (!(await personalConversation(ctx.db, userId))) await openPersonalChat(deps, { ...a, from: person } as Activity);
    await handleMemberJoined(ctx, { channel: 'msteams', teamId, userId, userName: person.name });
  }
  ctx.logger.info({ teamId, joined: people.length }, 'msteams members joined');
}

export async function onInstallationUpdate(deps: MsTeamsDeps, tc: TurnContext): Promise<void> {
  const a = tc.activity;
  if (a.action === 'remove' || a.action === 'remove-upgrade') {
    await forgetConversation(deps.ctx.db, storedConversation(a, TurnContext.getConversationReference(a)).conversationId);
    deps.ctx.logger.info({ kind: conversationKind(a) }, 'msteams bot removed');
    return;
  }
  // The greeting comes with conversationUpdate; here only the reference is kept.
  await remember(deps.ctx, tc);
}
