/**
 * Schemas of the course content (`content/`): courses, modules, lessons, knowledge checks,
 * customer-message templates and the glossary. One zod schema per concept, shared by the
 * content collections (a bad file fails the build, naming the file and field) and the
 * islands that read the data. Imports only zod, like the engine's schema.
 */
import { z } from 'zod';
import { competency } from '../engine/schema';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected lower-case words joined by dashes' });

/** A course: `content/courses/<course>/course.yaml`. */
export const courseSchema = z
  .object({
    title: z.string().min(1).max(120).describe('Course title.'),
    summary: z.string().min(1).max(600).describe('One or two sentences for the catalogue.'),
    audience: z.string().min(1).max(200).describe('Who the course is for, in a phrase.'),
    gating: z
      .boolean()
      .default(false)
      .describe(
        'When true, a module opens only once the previous module’s check is passed. Default false.',
      ),
    refresherDays: z
      .number()
      .int()
      .positive()
      .max(730)
      .default(90)
      .describe('Days after completion when a refresher is due. Default 90.'),
    refresherQuestions: z
      .number()
      .int()
      .positive()
      .max(40)
      .default(8)
      .describe('How many questions the refresher quiz draws from all modules. Default 8.'),
  })
  .strict();
export type Course = z.infer<typeof courseSchema>;

/** A module: `content/courses/<course>/<NN-module>/module.yaml`. */
export const moduleSchema = z
  .object({
    title: z.string().min(1).max(120).describe('Module title.'),
    summary: z
      .string()
      .min(1)
      .max(600)
      .describe('What the module teaches, in one or two sentences.'),
    topic: z
      .number()
      .int()
      .min(1)
      .max(8)
      .describe('The syllabus section (PRODUCT.md) this module covers, 1 to 8.'),
  })
  .strict();
export type Module = z.infer<typeof moduleSchema>;

/** Lesson frontmatter: `content/courses/<course>/<NN-module>/<NN-lesson>.mdx`. */
export const lessonSchema = z
  .object({
    title: z.string().min(1).max(120).describe('Lesson title.'),
    summary: z.string().min(1).max(400).describe('One sentence shown in lists and search results.'),
    objectives: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(6)
      .describe('What the learner can do after the lesson, each starting with a verb.'),
    minutes: z.number().int().positive().max(60).describe('Estimated reading time in minutes.'),
    competencies: z
      .array(competency)
      .min(1)
      .describe('Competencies of docs/engine.md section 8 the lesson builds.'),
    scenarios: z
      .array(slug)
      .default([])
      .describe('Ids of scenarios in simulations/ to practise the lesson on. Default none.'),
  })
  .strict();
export type Lesson = z.infer<typeof lessonSchema>;

/** Feedback shown beside an option once answered: why it is right or wrong. */
const feedback = z.string().min(1).max(600);
const optionId = z
  .string()
  .regex(/^[a-z0-9-]+$/, { message: 'expected a short id like "a" or "active"' });

/**
 * Where a question is taught: `<NN-lesson>#<heading-id>` of a lesson in the same module, e.g.
 * `01-what-is-a-backorder#stock-record-errors`. Feedback after a failed attempt points there.
 */
export const sectionRef = z.string().regex(/^[0-9]{2}-[a-z0-9-]+#[a-z0-9-]+$/, {
  message: 'expected <NN-lesson>#<heading-id>, e.g. 01-what-is-a-backorder#stock-record-errors',
});

const baseQuestion = {
  id: slug.describe('Unique within the module’s check.'),
  prompt: z.string().min(1).max(800).describe('The question, as the learner reads it.'),
  see: sectionRef.describe(
    'The lesson section that teaches the answer; a failed attempt points the learner there.',
  ),
};

const choice = z
  .object({
    id: optionId,
    text: z.string().min(1).max(300),
    correct: z.boolean().default(false),
    feedback,
  })
  .strict();

/** The five kinds of question (issue 3). */
export const questionSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('single'), ...baseQuestion, options: z.array(choice).min(2).max(6) })
    .strict()
    .describe('Single choice: exactly one option is correct.'),
  z
    .object({
      kind: z.literal('multiple'),
      ...baseQuestion,
      options: z.array(choice).min(3).max(8),
    })
    .strict()
    .describe('Multiple choice: every correct option and no other must be picked.'),
  z
    .object({
      kind: z.literal('order'),
      ...baseQuestion,
      items: z
        .array(z.object({ id: optionId, text: z.string().min(1).max(300), feedback }).strict())
        .min(3)
        .max(6)
        .describe('Listed in the correct order; the learner sees them shuffled.'),
      explanation: feedback.describe('Why this order, shown after answering.'),
    })
    .strict()
    .describe('Put in priority order (rank these backorders).'),
  z
    .object({
      kind: z.literal('classify'),
      ...baseQuestion,
      categories: z
        .array(z.object({ id: optionId, label: z.string().min(1).max(80) }).strict())
        .min(2)
        .max(4),
      items: z
        .array(
          z
            .object({
              id: optionId,
              text: z.string().min(1).max(300),
              category: optionId,
              feedback,
            })
            .strict(),
        )
        .min(2)
        .max(6),
    })
    .strict()
    .describe('Sort each item into a category (active / cancelled / partial).'),
  z
    .object({
      kind: z.literal('message'),
      ...baseQuestion,
      situation: z
        .string()
        .min(1)
        .max(800)
        .describe('The order and what happened, as the agent sees it.'),
      elements: z
        .array(choice)
        .min(4)
        .max(10)
        .describe('Candidate parts of the message; correct = must be said.'),
    })
    .strict()
    .describe('What does the customer need to hear: pick the elements the message must contain.'),
]);
export type Question = z.infer<typeof questionSchema>;

/** A module's knowledge check: `content/courses/<course>/<NN-module>/check.yaml`. */
export const checkSchema = z
  .object({
    passMark: z
      .number()
      .min(0)
      .max(1)
      .default(0.8)
      .describe('Share of the marks (partial credit counted) needed to pass. Default 0.8.'),
    draw: z
      .number()
      .int()
      .min(2)
      .max(20)
      .default(4)
      .describe(
        'Questions drawn for one attempt; the bank must hold at least twice as many. Default 4.',
      ),
    questions: z.array(questionSchema).min(4).describe('The bank the attempts draw from.'),
  })
  .strict()
  .superRefine((check, ctx) => {
    if (check.questions.length < 2 * check.draw)
      ctx.addIssue({
        code: 'custom',
        path: ['questions'],
        message: `the bank holds ${check.questions.length} questions; a check drawing ${check.draw} needs at least ${2 * check.draw}, so a retry can get different ones`,
      });
    const seen = new Set<string>();
    check.questions.forEach((question, index) => {
      if (seen.has(question.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `duplicate question id "${question.id}"`,
        });
      seen.add(question.id);
      const options =
        'options' in question
          ? question.options
          : question.kind === 'message'
            ? question.elements
            : [];
      if (
        (question.kind === 'single' ||
          question.kind === 'multiple' ||
          question.kind === 'message') &&
        !options.some((o) => o.correct)
      )
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index],
          message: 'at least one option must be correct',
        });
      if (question.kind === 'single' && options.filter((o) => o.correct).length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'options'],
          message: 'a single-choice question has exactly one correct option',
        });
      if (question.kind === 'classify')
        question.items.forEach((item, itemIndex) => {
          if (!question.categories.some((c) => c.id === item.category))
            ctx.addIssue({
              code: 'custom',
              path: ['questions', index, 'items', itemIndex, 'category'],
              message: `unknown category "${item.category}"`,
            });
        });
    });
  });
export type Check = z.infer<typeof checkSchema>;

/** The kinds of customer notice (docs/engine.md `notify-customer` kinds). */
export const TEMPLATE_KINDS = [
  'backorder-notice',
  'partial-shipment',
  'delay-update',
  'cancellation-refund',
  'substitute-offer',
  'apology-remedy',
  'status-update',
] as const;

/**
 * A customer-message template: `content/templates/<kind>.md`, frontmatter plus a body with
 * `{placeholders}` the simulations fill in from the order (never rendered as HTML).
 */
export const templateSchema = z
  .object({
    title: z.string().min(1).max(120),
    kind: z.enum(TEMPLATE_KINDS),
    channel: z.enum(['email', 'sms', 'both']).describe('Which channel the wording is written for.'),
    subject: z.string().max(160).optional().describe('Email subject line, with placeholders.'),
    when: z
      .enum(['after-shipping', 'before-cancelling'])
      .optional()
      .describe(
        "A variant of its kind for a later moment: after part of the order shipped, or while nothing is cancelled yet. Without it, the template is the kind's plain one.",
      ),
    placeholders: z
      .array(z.string().regex(/^[a-zA-Z]+$/))
      .min(1)
      .describe('Every {placeholder} the body uses, e.g. customerName, orderId, promiseDate.'),
    mustSay: z
      .array(z.string().min(1).max(200))
      .min(2)
      .describe('What this message must tell the customer (taught in the lesson beside it).'),
  })
  .strict();
export type Template = z.infer<typeof templateSchema>;

/** The glossary: `content/glossary.yaml`, a list of terms each linking to where it is taught. */
export const glossarySchema = z
  .array(
    z
      .object({
        term: z.string().min(1).max(80),
        definition: z.string().min(1).max(600),
        taughtIn: z
          .string()
          .regex(/^[a-z0-9-]+\/[0-9]{2}-[a-z0-9-]+\/[0-9]{2}-[a-z0-9-]+$/, {
            message:
              'expected <course>/<NN-module>/<NN-lesson>, e.g. backorders-and-partial-shipments/01-basics/01-what-is-a-backorder',
          })
          .describe('The lesson that teaches the term.'),
      })
      .strict(),
  )
  .min(1);
export type Glossary = z.infer<typeof glossarySchema>;
