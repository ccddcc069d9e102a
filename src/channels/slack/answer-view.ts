/**
 * How one answer appears in Slack while it is made and once it is done. In Slack's assistant
 * surface (a thread of the DM with Wijkwijs) the assistant status says what happens; elsewhere, when
 * the answer is slow, a short status message does, replaced by the answer. A model's answer is
 * streamed into the thread (chat.startStream / appendStream / stopStream) as the core releases
 * checked sentences; its sources, trust line and buttons follow when the stream stops. Every Slack
 * call of one answer goes out in order, one after the other.
 */
import type { WebClient } from '@slack/web-api';
import type { AnswerProgress, AnswerStage, Reply } from '../../assistant/reply.ts';
import { SEARCHING_TEXTS, STAGE_TEXT } from '../../assistant/reply.ts';
import type { Logger } from '../../lib/logger.ts';
import { renderAnswerDetails, renderNotice, renderWorking, streamText, type SlackMessage } from './render.ts';

/** Slack shows the status after the app's name: "Wijkwijs zoekt in de bronnen…". */
const ASSISTANT_STATUS: Record<AnswerStage, { status: string; loading: string[] }> = {
  searching: { status: 'zoekt in de bronnen…', loading: SEARCHING_TEXTS },
  writing: { status: 'schrijft het antwoord…', loading: [STAGE_TEXT.writing] },
};

export interface AnswerPlace {
  channel: string;
  /** The thread the answer goes to; a DM's main line has none (and cannot be streamed into). */
  threadTs?: string;
  /** A thread of Slack's assistant surface, where the assistant status is shown. */
  assistantThread: boolean;
  /** Who asked, for a stream outside a DM (Slack requires the recipient there). */
  recipient: { userId: string; teamId: string };
  /** A status message goes out only when the answer takes longer than this (not in an assistant thread). */
  statusAfterMs: number;
}

export class SlackAnswerView {
  private queue: Promise<unknown> = Promise.resolve();
  private statusTs: string | undefined;
  private statusTimer: NodeJS.Timeout | undefined;
  private assistantStatus = false;
  private streamTs: string | undefined;
  private streamed = '';
  private streamBroken = false;
  private done = false;

  constructor(
    private readonly client: WebClient,
    private readonly place: AnswerPlace,
    private readonly logger: Logger,
  ) {}

  /** What the core tells while it answers; text is streamed only into a thread. */
  get progress(): AnswerProgress {
    return {
      stage: (stage) => this.stage(stage),
      ...(this.place.threadTs ? { text: (piece: string) => this.stream(piece) } : {}),
    };
  }

  /** Shows at once that the question is being worked on. */
  begin(): void {
    if (this.place.assistantThread) this.setAssistantStatus('searching');
    else this.laterStatusMessage();
  }

  /** The answer in its final form: the stream settled with the sources and buttons, or one message. */
  async finish(reply: Reply, message: SlackMessage): Promise<void> {
    this.done = true;
    clearTimeout(this.statusTimer);
    await this.run(async () => {
      const { channel } = this.place;
      if (this.streamTs && !this.streamBroken && this.streamed === reply.text) {
        await this.client.chat.stopStream({ channel, ts: this.streamTs, blocks: renderAnswerDetails(reply) as never });
      } else if (this.streamTs) {
        // The stream showed checked sentences of a model answer that was then not used (or the
        // stream broke): the message becomes the answer the core gave instead.
        await this.stopStream();
        await this.client.chat.update({ channel, ts: this.streamTs, ...message });
      } else if (this.statusTs) {
        await this.client.chat.update({ channel, ts: this.statusTs, ...message });
      } else {
        await this.client.chat.postMessage({ channel, thread_ts: this.place.threadTs, ...message });
      }
    });
    if (this.place.assistantThread && reply.suggestions?.length) await this.suggestFollowUps(reply.suggestions);
  }

  /**
   * Answering failed: a message already in the thread (status or stream) becomes the apology and
   * true is returned; otherwise the assistant status is cleared and false says nothing was shown.
   */
  async fail(apology: string): Promise<boolean> {
    this.done = true;
    clearTimeout(this.statusTimer);
    return this.run(async () => {
      const { channel } = this.place;
      const ts = this.streamTs ?? this.statusTs;
      if (this.streamTs) await this.stopStream();
      if (ts) {
        await this.client.chat.update({ channel, ts, ...renderNotice(apology) });
        return true;
      }
      if (this.assistantStatus) await this.client.assistant.threads.setStatus({ channel_id: channel, thread_ts: this.place.threadTs!, status: '' }).catch(() => undefined);
      return false;
    });
  }

  private stage(stage: AnswerStage): void {
    if (this.done) return;
    if (this.assistantStatus) this.setAssistantStatus(stage);
    else if (this.statusTs && !this.streamTs) void this.run(() => this.client.chat.update({ channel: this.place.channel, ts: this.statusTs!, ...renderWorking(STAGE_TEXT[stage]) })).catch(() => undefined);
  }

  private setAssistantStatus(stage: AnswerStage): void {
    const { status, loading } = ASSISTANT_STATUS[stage];
    this.assistantStatus = true;
    void this.run(() => this.client.assistant.threads.setStatus({ channel_id: this.place.channel, thread_ts: this.place.threadTs!, status, loading_messages: loading })).catch((error: unknown) => {
      // Not an assistant thread after all (or the scope is missing): fall back to a status message.
      this.logger.warn({ err: error }, 'slack assistant status not set');
      this.assistantStatus = false;
      if (!this.done) this.laterStatusMessage();
    });
  }

  /** Posts the status message once the answer is slower than `statusAfterMs`. */
  private laterStatusMessage(): void {
    const post = () =>
      void this.run(async () => {
        if (this.done || this.statusTs || this.streamTs) return;
        const posted = await this.client.chat.postMessage({ channel: this.place.channel, thread_ts: this.place.threadTs, ...renderWorking(STAGE_TEXT.searching) });
        this.statusTs = posted.ts;
      }).catch((error: unknown) => this.logger.warn({ err: error }, 'slack status message not posted'));
    // 0 means always; a zero timer is lost to an in-process database that never yields.
    if (this.place.statusAfterMs <= 0) post();
    else this.statusTimer = setTimeout(post, this.place.statusAfterMs);
  }

  private async stream(piece: string): Promise<void> {
    if (this.done || this.streamBroken) return;
    this.streamed += piece;
    clearTimeout(this.statusTimer);
    await this.run(async () => {
      const { channel, threadTs, recipient } = this.place;
      if (this.streamTs) return void (await this.client.chat.appendStream({ channel, ts: this.streamTs, markdown_text: streamText(piece) }));
      // The status message made way for the answer itself.
      if (this.statusTs) await this.client.chat.delete({ channel, ts: this.statusTs }).catch(() => undefined);
      this.statusTs = undefined;
      const started = await this.client.chat.startStream({
        channel,
        thread_ts: threadTs!,
        markdown_text: streamText(this.streamed),
        ...(channel.startsWith('D') ? {} : { recipient_user_id: recipient.userId, recipient_team_id: recipient.teamId }),
      });
      this.streamTs = started.ts;
    }).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'slack stream interrupted');
      this.streamBroken = true;
    });
  }

  private async stopStream(): Promise<void> {
    await this.client.chat.stopStream({ channel: this.place.channel, ts: this.streamTs! }).catch(() => undefined);
  }

  private async suggestFollowUps(questions: string[]): Promise<void> {
    await this.client.assistant.threads
      .setSuggestedPrompts({ channel_id: this.place.channel, thread_ts: this.place.threadTs, title: 'Vraag verder', prompts: questions.map((q) => ({ title: q.slice(0, 75), message: q })) })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'slack follow-up prompts not set'));
  }

  /** Runs Slack calls of this answer one after the other, in the order they were asked for. */
  private run<T>(call: () => Promise<T>): Promise<T> {
    const next = this.queue.then(call);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
