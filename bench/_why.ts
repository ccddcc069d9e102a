import { benchKnowledgeContext } from './answers.ts';
import { analyseQuestion } from '../src/assistant/question-analysis.ts';
import { searchKnowledge } from '../src/knowledge/search-passages.ts';
import { judgeAnswerability } from '../src/assistant/answerability.ts';
const qs = process.argv.slice(2);
const { ctx } = await benchKnowledgeContext('why');
const deps: any = { db: ctx.db, embedder: (ctx as any).embedder, synonyms: (ctx as any).synonyms, ...(ctx as any) };
for (const q of qs) {
  const a = analyseQuestion(q);
  const s = await searchKnowledge(deps, q, { limit: 8, teamIds: ['bench'] });
  const j = judgeAnswerability(a, s);
  console.log('\n###', q, '\n type', a.type, 'focus', a.focus, 'kind', a.kind, 'action', a.action, 'past', a.pastCase);
  console.log(' reason', j.reason, 'unknown', s.unknown.map((u: any) => u.asked));
  console.log(' salient', j.salient.map((c: any) => `${c.asked}:${c.weight.toFixed(2)}`).join(' '));
  for (const p of s.passages.slice(0, 5)) console.log('  -', p.source.replace('knowledge/', ''), '|', (p.heading ?? '').slice(0, 60), '|', p.text.slice(0, 80).replace(/\n/g, ' '));
}
await ctx.close();
