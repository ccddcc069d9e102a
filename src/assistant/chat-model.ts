import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../lib/config.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A chat model behind an OpenAI-compatible endpoint; the core only needs text in, text out. */
export interface ChatModel {
  readonly id: string;
  complete(messages: ChatMessage[], options?: { signal?: AbortSignal }): Promise<string>;
  /** The same answer as it is written, in pieces of any size (server-sent events from the endpoint). */
  stream(messages: ChatMessage[], options?: { signal?: AbortSignal }): AsyncIterable<string>;
}

export function createChatModel(options: Config['openai']): ChatModel | undefined {
  if (!options.apiKey || !options.chatModel) return undefined;
  const model = new ChatOpenAI({
    apiKey: options.apiKey,
    model: options.chatModel,
    temperature: 0.1,
    timeout: options.timeoutMs,
    maxRetries: 0,
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
  });
  const asLangChain = (messages: ChatMessage[]) => messages.map((m) => [m.role === 'assistant' ? 'ai' : m.role === 'user' ? 'human' : 'system', m.content] as [string, string]);
  return {
    id: `openai/${options.chatModel}`,
    async complete(messages, { signal } = {}) {
      return textOf((await model.invoke(asLangChain(messages), { signal })).content);
    },
    async *stream(messages, { signal } = {}) {
      for await (const chunk of await model.stream(asLangChain(messages), { signal })) {
        const text = textOf(chunk.content);
        if (text) yield text;
      }
    },
  };
}

function textOf(content: string | ({ type: string } | { text: string })[]): string {
  return typeof content === 'string' ? content : content.map((c) => ('text' in c ? c.text : '')).join('');
}
