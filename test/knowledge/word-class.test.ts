import { describe, expect, it } from 'vitest';
import { oneEditAway, stem, withoutDiminutive, words } from '../../src/knowledge/dutch.ts';
import { isCommonVerb, wordClassAt, wordClasses } from '../../src/knowledge/word-class.ts';

describe('word classes from the dictionary', () => {
  it.each([
    ['lijkt', 'verb'],
    ['meenemen', 'verb'],
    ['langskomen', 'verb'],
    ['schulden', 'noun'],
    ['levensgebieden', 'noun'],
    ['schuldhulpverlening', 'noun'],
    // Listed whole in the dictionary without any ending, yet a noun by its last part.
    ['kilometervergoeding', 'noun'],
    ['eenzaam', 'adjective'],
    ['alleen', 'other'],
    ['sonestra', 'unknown'],
  ])('"%s" can be a %s', (word, wordClass) => {
    expect(wordClasses(word).has(wordClass as never)).toBe(true);
  });

  it('tells everyday verbs, which take many particles, from verbs with one meaning', () => {
    expect(isCommonVerb('meenemen')).toBe(true);
    expect(isCommonVerb('kijk')).toBe(true);
    expect(isCommonVerb('gokken')).toBe(false);
    expect(isCommonVerb('verlengen')).toBe(false);
  });

  it('reads the class where the word stands', () => {
    const sentence = words('er lijkt meer te spelen, moet de cliënt zelf bellen of het spel stoppen');
    expect(wordClassAt(sentence, sentence.indexOf('spelen'))).toBe('verb');
    expect(wordClassAt(sentence, sentence.indexOf('bellen'))).toBe('verb');
    expect(wordClassAt(sentence, sentence.indexOf('spel'))).toBe('noun');
  });
});

describe('spelling', () => {
  it('takes the diminutive off the right base', () => {
    expect(withoutDiminutive('plantjes')).toBe('plant');
    expect(withoutDiminutive('stoeltje')).toBe('stoel');
  });

  it('lists the spellings one edit away, which re-stemmed find a mistyped word', () => {
    expect(oneEditAway('teamvergaderign').map(stem)).toContain(stem('teamvergadering'));
    expect(oneEditAway('stiekum')).toContain('stiekem');
  });
});
