import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { GREEDY_TRAP, roleplayFrom } from '../../tests/fixtures/roleplay';
import { viewConversation, type Conversation } from '../roleplay/session';
import { roleplayConversationMachine, type PersistInput } from './roleplay-conversation';

const roleplay = roleplayFrom(GREEDY_TRAP);

function attempt(
  conversation: Conversation | null = null,
  persist: (input: PersistInput) => Promise<void> = async () => {},
) {
  const saved: PersistInput[] = [];
  const actor = createActor(
    roleplayConversationMachine.provide({
      actors: {
        persist: fromPromise(async ({ input }) => {
          await persist(input);
          saved.push(input);
        }),
      },
    }),
    { input: { roleplay, conversation } },
  ).start();
  const settle = () => waitFor(actor, (s) => !s.matches('saving'));
  return { actor, saved, settle };
}

describe('role-play conversation machine', () => {
  it('goes from the briefing through the conversation to the debrief, saving every step first', async () => {
    const { actor, saved, settle } = attempt();
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send({ type: 'START', mode: 'practice' });
    await settle();
    expect(actor.getSnapshot().value).toBe('talking');
    for (const option of [1, 0, 0, 1]) {
      actor.send({ type: 'CHOOSE', option });
      await settle();
    }
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('debrief');
    expect(viewConversation(roleplay, context.conversation!).score.total).toBe(85);
    expect(saved.map((s) => s.next.steps.length)).toEqual([0, 1, 2, 3, 4]);
    expect(saved[1]?.previous?.steps.length).toBe(0);
  });

  it('resumes a saved conversation where it stopped, and an ended one at the debrief', () => {
    const talking = attempt({
      roleplay: 'test',
      mode: 'assessment',
      steps: [{ node: 'opening', option: 1 }],
    });
    expect(talking.actor.getSnapshot().value).toBe('talking');
    const done = attempt({
      roleplay: 'test',
      mode: 'practice',
      steps: [{ node: 'opening', option: 2 }],
    });
    expect(done.actor.getSnapshot().value).toBe('debrief');
  });

  it('goes back a step in practice mode, from the debrief too, and not in assessment mode', async () => {
    const practice = attempt({
      roleplay: 'test',
      mode: 'practice',
      steps: [{ node: 'opening', option: 2 }],
    });
    practice.actor.send({ type: 'BACK' });
    await practice.settle();
    expect(practice.actor.getSnapshot().value).toBe('talking');
    expect(practice.actor.getSnapshot().context.conversation?.steps).toEqual([]);

    const assessment = attempt({
      roleplay: 'test',
      mode: 'assessment',
      steps: [{ node: 'opening', option: 1 }],
    });
    assessment.actor.send({ type: 'BACK' });
    expect(assessment.actor.getSnapshot().value).toBe('talking');
    expect(assessment.actor.getSnapshot().context.conversation?.steps).toHaveLength(1);
    expect(assessment.saved).toEqual([]);
  });

  it('keeps a refused typed reply out of the conversation and says why', () => {
    const { actor, saved } = attempt({ roleplay: 'test', mode: 'practice', steps: [] });
    actor.send({ type: 'TYPE', text: '   ' });
    expect(actor.getSnapshot().context.replyProblem).toMatch(/Type a reply/);
    expect(actor.getSnapshot().context.conversation?.steps).toEqual([]);
    expect(saved).toEqual([]);
  });

  it('does not make a step it could not save', async () => {
    const { actor, settle } = attempt(
      { roleplay: 'test', mode: 'practice', steps: [] },
      async () => {
        throw new Error('quota');
      },
    );
    actor.send({ type: 'CHOOSE', option: 1 });
    await settle();
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('talking');
    expect(context.conversation?.steps).toEqual([]);
    expect(context.saveError).toMatch(/could not be saved/);
  });
});
