/**
 * How one answer appears in Teams while it is made and once it is done. In a personal chat Teams
 * streams: informative updates say what happens ("Ik zoek in het handboek…"), a model's answer
 * follows as it is written (each update repeats the text before it, at most about one a second, as
 * Teams asks), and the final message carries the whole reply with its citations, card and feedback
 * buttons. Elsewhere (channels, group chats) Teams has no streaming: a typing indicator, then the
 * reply. A quoted answer is one message either way.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { AnswerProgress, AnswerStage } from '../../assistant/reply.ts';
import { STAGE_TEXT } from '../../assistant/reply.ts';
import type { Logger } from '../../lib/logger.ts';

/** Teams takes about one streaming update a second. */
const UPDATE_EVERY_MS = 1000;

export class MsTeamsAnswerView {
  private queue: Promise<unknown> = Promise.resolve();
  private streamId: string | undefined;
  private sequence = 0;
  private text = '';
  private lastUpdate = 0;
  private broken = false;
  private done = false;

  constructor(
    private readonly tc: TurnContext,
    /** A personal chat, where Teams streams. */
    private readonly streaming: boolean,
    private readonly logger: Logger,
  ) {}

  get progress(): AnswerProgress {
    return this.streaming ? { stage: (stage) => this.inform(stage), text: (piece) => this.append(piece) } : {};
  }

  /** Shows at once that the question is being worked on. */
  async begin(): Promise<void> {
    if (!this.streaming) return void (await this.tc.sendActivity({ type: 'typing' }));
    await this.update('informative', STAGE_TEXT.searching);
  }

  /** The reply in its final form; returns the id of the message that carries it. */
  async finish(activity: Partial<Activity>): Promise<string | undefined> {
    this.done = true;
    await this.queue;
    if (!this.streamId || this.broken) return (await this.tc.sendActivity(activity))?.id;
    const final = { ...activity, entities: [...(activity.entities ?? []), { type: 'streaminfo', streamId: this.streamId, streamType: 'final' }] };
    await this.tc.sendActivity(final as Partial<Activity>);
    return this.streamId;
  }

  private inform(stage: AnswerStage): void {
    if (stage !== 'searching' && !this.done) void this.update('informative', STAGE_TEXT[stage]);
  }

  private async append(piece: string): Promise<void> {
    this.text += piece;
    const now = Date.now();
    // Later text goes out with a later update or the final message: every update repeats all before it.
    if (this.done || now - this.lastUpdate < UPDATE_EVERY_MS) return;
    this.lastUpdate = now;
    await this.update('streaming', this.text);
  }

  /** One streaming update, in order; the first one's id names the stream. */
  private update(streamType: 'informative' | 'streaming', text: string): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.broken || this.done) return;
      const entity = { type: 'streaminfo', streamType, streamSequence: ++this.sequence, ...(this.streamId ? { streamId: this.streamId } : {}) };
      const sent = await this.tc.sendActivity({ type: 'typing', text, entities: [entity] } as Partial<Activity>);
      this.streamId ??= sent?.id;
    });
    this.queue = next.catch((error: unknown) => {
      // Teams refused the stream (an older client, a chat without streaming): the reply comes as a message.
      this.logger.warn({ err: error }, 'msteams stream update refused');
      this.broken = true;
    });
    return this.queue as Promise<void>;
  }
}
