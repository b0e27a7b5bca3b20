/**
 * A check question as a cmi.interaction (xAPI-Data.md §2.4.4.1): its interaction type, the
 * components the learner chose from, the correct responses pattern and the learner's
 * response in the same format (`[,]` between choices, `[.]` between a source and a target).
 */
import type { Answer } from '../course/grading';
import type { Question } from '../course/schema';
import type { ActivityDefinition, InteractionComponent } from './types';
import { ACTIVITY_TYPES } from './vocabulary';

const components = (items: readonly { id: string; text: string }[]): InteractionComponent[] =>
  items.map((item) => ({ id: item.id, description: { 'en-US': item.text } }));

const list = (ids: readonly string[]) => ids.join('[,]');

export function checkInteraction(
  question: Question,
  answer: Answer | undefined,
): { definition: ActivityDefinition; response: string } {
  const base = {
    type: ACTIVITY_TYPES.interaction,
    name: { 'en-US': question.id },
    description: { 'en-US': question.prompt },
  };
  switch (question.kind) {
    case 'single':
    case 'multiple':
    case 'message': {
      const options = question.kind === 'message' ? question.elements : question.options;
      const picked =
        answer?.kind === 'single'
          ? [answer.option].filter(Boolean)
          : answer?.kind === 'multiple'
            ? answer.options
            : answer?.kind === 'message'
              ? answer.elements
              : [];
      return {
        definition: {
          ...base,
          interactionType: 'choice',
          choices: components(options),
          correctResponsesPattern: [list(options.filter((o) => o.correct).map((o) => o.id))],
        },
        response: list(picked),
      };
    }
    case 'order':
      return {
        definition: {
          ...base,
          interactionType: 'sequencing',
          choices: components(question.items),
          correctResponsesPattern: [list(question.items.map((item) => item.id))],
        },
        response: list(answer?.kind === 'order' ? answer.items : []),
      };
    case 'classify': {
      const given = answer?.kind === 'classify' ? answer.categories : {};
      return {
        definition: {
          ...base,
          interactionType: 'matching',
          source: components(question.items),
          target: question.categories.map((c) => ({ id: c.id, description: { 'en-US': c.label } })),
          correctResponsesPattern: [
            list(question.items.map((item) => `${item.id}[.]${item.category}`)),
          ],
        },
        response: list(
          question.items.filter((item) => given[item.id]).map((i) => `${i.id}[.]${given[i.id]}`),
        ),
      };
    }
  }
}
