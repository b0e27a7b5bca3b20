import { describe, expect, it } from 'vitest';
import { GREEDY_TRAP, HEADER, roleplayFrom } from '../../tests/fixtures/roleplay';
import {
  chooseReply,
  closestOption,
  startConversation,
  stepBack,
  typeReply,
  viewConversation,
  type Conversation,
} from './session';

const roleplay = roleplayFrom(GREEDY_TRAP);

function play(choices: number[], mode: 'practice' | 'assessment' = 'practice'): Conversation {
  return choices.reduce(
    (conversation, option) => chooseReply(roleplay, conversation, option),
    startConversation(roleplay, mode),
  );
}

function typed(conversation: Conversation, text: string): Conversation {
  const result = typeReply(roleplay, conversation, text);
  if (!result.ok) throw new Error(result.message);
  return result.conversation;
}

describe('a conversation', () => {
  it('starts at the start node with the persona’s mood and nothing earned', () => {
    const view = viewConversation(roleplay, startConversation(roleplay, 'practice'));
    expect(view.node?.id).toBe('opening');
    expect(view.mood).toBe(50);
    expect(view.moodHistory).toEqual([50]);
    expect(view.score).toMatchObject({ total: 0, max: 85, percent: 0 });
    expect(view.ending).toBeNull();
  });

  it('reaches the best ending with the maximum score along the best path', () => {
    const view = viewConversation(roleplay, play([1, 0, 0, 1]));
    expect(view.ending).toMatchObject({ id: 'resolved', outcome: 'resolved' });
    expect(view.node).toBeNull();
    expect(view.score).toMatchObject({ total: 85, max: 85, percent: 100 });
    expect(view.moodHistory).toEqual([50, 55, 65, 70, 75]);
  });

  it('the greedy first reply ends resolved but with fewer points', () => {
    const view = viewConversation(roleplay, play([0, 0]));
    expect(view.ending?.outcome).toBe('resolved');
    expect(view.score).toMatchObject({ total: 40, max: 85, percent: 47 });
  });

  it('counts an item once however often it is earned, and lists the steps that earned it', () => {
    const view = viewConversation(roleplay, play([1, 0, 0, 0, 0, 1]));
    expect(view.score.total).toBe(85);
    const remedy = view.score.rubric.find((r) => r.id === 'offer-remedy')!;
    expect(remedy).toMatchObject({ earned: 15 });
    expect(remedy.evidence.map((e) => e.step)).toEqual([2, 3, 4]);
  });

  it('keeps the mood between 0 and 100', () => {
    const view = viewConversation(roleplay, play([2]));
    expect(view.mood).toBe(10);
    expect(view.ending?.outcome).toBe('lost');
  });

  it('refuses a reply after the ending and an option that does not exist', () => {
    expect(() => chooseReply(roleplay, play([2]), 0)).toThrow(/ended/);
    expect(() => chooseReply(roleplay, play([]), 7)).toThrow(/no option 7/);
  });
});

describe('going back a step', () => {
  it('recomputes score, mood and position from the steps kept', () => {
    const forward = play([1, 0, 0]);
    const back = stepBack(forward);
    expect(viewConversation(roleplay, back)).toEqual(viewConversation(roleplay, play([1, 0])));
    // A different choice after going back is scored as if the first one never happened.
    const other = chooseReply(roleplay, stepBack(play([1, 0])), 1);
    const view = viewConversation(roleplay, other);
    expect(view.ending?.outcome).toBe('escalated');
    expect(view.score.total).toBe(20);
    expect(view.score.rubric.find((r) => r.id === 'transparent-date')?.earned).toBe(0);
  });

  it('can go back from an ending', () => {
    const view = viewConversation(roleplay, stepBack(play([2])));
    expect(view.node?.id).toBe('opening');
    expect(view.mood).toBe(50);
  });

  it('is not allowed in assessment mode', () => {
    expect(() => stepBack(play([1], 'assessment'))).toThrow(/practice/);
  });
});

describe('typed replies', () => {
  it('credits what the text shows, with the words, and follows the closest option', () => {
    const conversation = typed(
      startConversation(roleplay, 'practice'),
      "I'm so sorry. It's expected on Friday 13 March.",
    );
    const view = viewConversation(roleplay, conversation);
    expect(view.steps[0]).toMatchObject({
      option: 0,
      credits: ['acknowledge-apologise', 'transparent-date'],
      reply: "I'm so sorry. It's expected on Friday 13 March.",
    });
    expect(view.score.total).toBe(40);
    const apology = view.score.rubric.find((r) => r.id === 'acknowledge-apologise')!;
    expect(apology.evidence).toEqual([{ step: 0, via: 'typed', words: ['sorry'] }]);
    expect(view.score.rubric.find((r) => r.id === 'offer-remedy')?.earned).toBe(0);
  });

  it('counts only the items in play at this node and reports the others', () => {
    // At "opening" only the apology and the date are scored; a remedy is not in play yet.
    const view = viewConversation(
      roleplay,
      typed(startConversation(roleplay, 'practice'), 'Sorry! I can offer free delivery.'),
    );
    expect(view.steps[0]).toMatchObject({
      credits: ['acknowledge-apologise'],
      notInPlay: ['offer-remedy'],
      option: 1,
    });
  });

  it('a reply that shows nothing follows the mildest option with nothing credited', () => {
    const node = roleplay.nodes.opening!;
    expect(closestOption(roleplay, node, [])).toBe(2);
    const mild = { ...node, options: [...node.options, { ...node.options[2]!, mood: -5 }] };
    expect(closestOption(roleplay, mild, [])).toBe(3);
  });

  it('never scores above the maximum, even when typing earns what no single option does', () => {
    // Two exclusive replies, one for the apology and one for the date: the best path earns
    // 10, a typed reply showing both would earn 20 and is capped at 10.
    const exclusive = roleplayFrom(`${HEADER}rubric:
  - id: acknowledge-apologise
    points: 10
  - id: transparent-date
    points: 10
start: opening
nodes:
  opening:
    customer: Where is it?
    options:
      - text: Sorry.
        next: done
        credits: [acknowledge-apologise]
        feedback: Apology.
      - text: Friday.
        next: done
        credits: [transparent-date]
        feedback: Date.
endings:
  done:
    outcome: resolved
    customer: OK.
    summary: Done.
`);
    const result = typeReply(
      exclusive,
      startConversation(exclusive, 'assessment'),
      'Sorry, expected Friday 13 March.',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const view = viewConversation(exclusive, result.conversation);
    expect(view.steps[0]?.credits).toEqual(['acknowledge-apologise', 'transparent-date']);
    expect(view.score).toMatchObject({ total: 10, max: 10, percent: 100 });
  });

  it.each([
    ['', 'Type a reply'],
    ['   ', 'Type a reply'],
    ['x'.repeat(1001), 'under 1000 characters'],
  ])('refuses %j with a message, and keeps the conversation as it was', (text, message) => {
    const conversation = startConversation(roleplay, 'practice');
    const result = typeReply(roleplay, conversation, text);
    expect(result).toEqual({ ok: false, message: expect.stringContaining(message) as string });
  });

  it('refuses free text where the node does not allow it', () => {
    const closed = roleplayFrom(
      GREEDY_TRAP.replace(
        '    customer: Where is my order?\n',
        '    customer: Where is my order?\n    freeText: false\n',
      ),
    );
    const result = typeReply(closed, startConversation(closed, 'practice'), 'Sorry');
    expect(result.ok).toBe(false);
  });

  it('throws when stored steps do not fit the role-play', () => {
    expect(() =>
      viewConversation(roleplay, {
        roleplay: 'test',
        mode: 'practice',
        steps: [{ node: 'remedy', option: 0 }],
      }),
    ).toThrow(/step 1/);
  });
});
