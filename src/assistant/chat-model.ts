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
  return {
    id: `openai/${options.chatModel}`,
    async complete(messages, { signal } = {}) {
      const result = await model.invoke(
        messages.map((m) => [m.role === 'assistant' ? 'ai' : m.role === 'user' ? 'human' : 'system', m.content] as [string, string]),
        { signal },
      );
      return typeof result.content === 'string' ? result.content : result.content.map((c) => ('text' in c ? c.text : '')).join('');
    },
  };
}
