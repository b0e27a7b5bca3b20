import { describe, expect, it } from 'vitest';
import { GREEDY_TRAP, roleplayFrom } from '../../tests/fixtures/roleplay';
import { roleplayHash, scoreRecord, stepRecords, stepsFromRecords } from './record';
import { chooseReply, startConversation, typeReply, viewConversation } from './session';

const roleplay = roleplayFrom(GREEDY_TRAP);

function conversationWithTypedReply() {
  const typed = typeReply(
    roleplay,
    startConversation(roleplay, 'practice'),
    "I'm not sorry. Sorry!",
  );
  if (!typed.ok) throw new Error(typed.message);
  return chooseReply(roleplay, typed.conversation, 1);
}

describe('the stored record of a conversation', () => {
  it('keeps each reply with its credits, matched words, ignored matches and mood', () => {
    const records = stepRecords(viewConversation(roleplay, conversationWithTypedReply()));
    expect(records).toEqual([
      {
        node: 'opening',
        option: 1,
        typed: "I'm not sorry. Sorry!",
        reply: "I'm not sorry. Sorry!",
        credits: ['acknowledge-apologise'],
        found: [{ item: 'acknowledge-apologise', words: ['Sorry'] }],
        ignored: [
          { item: 'acknowledge-apologise', text: 'sorry', reason: 'negated', because: 'not' },
        ],
        moodAfter: 55,
        next: 'options',
      },
      {
        node: 'options',
        option: 1,
        reply: 'Let me ask my supervisor.',
        credits: [],
        moodAfter: 55,
        next: 'escalated',
      },
    ]);
    // Stored records replay to the same conversation.
    expect(stepsFromRecords(records)).toEqual(conversationWithTypedReply().steps);
  });

  it('stores a score only once an ending is reached', () => {
    const view = viewConversation(roleplay, conversationWithTypedReply());
    expect(scoreRecord(view)).toEqual({
      total: 20,
      max: 85,
      percent: 24,
      ending: 'escalated',
      rubric: {
        'acknowledge-apologise': 20,
        'transparent-date': 0,
        'offer-alternatives': 0,
        'offer-remedy': 0,
        'keep-record': 0,
      },
    });
    expect(
      scoreRecord(viewConversation(roleplay, startConversation(roleplay, 'practice'))),
    ).toBeNull();
  });

  it('rejects stored steps of the wrong shape instead of guessing', () => {
    expect(stepsFromRecords([{ node: 'opening' }])).toBeNull();
    expect(stepsFromRecords([{ node: 'opening', option: 0, typed: 3 }])).toBeNull();
    expect(stepsFromRecords(['opening'])).toBeNull();
  });

  it('hashes the role-play so a changed file is noticed', () => {
    const changed = roleplayFrom(GREEDY_TRAP.replace('Where is my order?', 'Where is it?'));
    expect(roleplayHash(roleplay)).toMatch(/^[0-9a-f]{64}$/);
    expect(roleplayHash(changed)).not.toBe(roleplayHash(roleplay));
    expect(roleplayHash(roleplayFrom(GREEDY_TRAP))).toBe(roleplayHash(roleplay));
  });
});
