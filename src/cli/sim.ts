/**
 * `npm run --silent sim -- <verb> ...`: the engine on the command line (docs/engine.md section 9).
 * JSON goes to stdout (for `generate`, a scenario file in YAML), human messages to stderr.
 * Exit codes: 0 success, 1 bad input (a scenario or log with problems), 2 wrong usage.
 *
 * JSON is indented for a person at a terminal and compact when stdout is a file or a pipe
 * (`--pretty` indents it anyway): `run` on a 100,000-line warehouse prints about 86 MB
 * compact against 150 MB indented, and a program reading it needs no indentation. Compact
 * JSON is written in pieces (./json-out.ts), never as one string of that size.
 */
import { createHash } from 'node:crypto';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { parseFileText, type FileKind } from '../engine/file-text';
import { MAX_LOG_BYTES } from '../engine/limits';
import { SCENARIO_FILE_KIND } from '../engine/load';
import { generateScenarioInput, randomScenarioId } from '../engine/generate';
import { publicCatalogue } from '../engine/rules';
import { renderNotice, type NoticeTemplate, type RenderedNotice } from '../engine/messages';
import { canonicalJson } from '../engine/canonical';
import { readCourseFiles } from '../files/course-files';
import { fileURLToPath } from 'node:url';
import {
  formatProblem,
  parseLog,
  parseScenario,
  runAutopilot,
  runReport,
  scoreLog,
  type Problem,
  type Scenario,
} from '../engine/index';
import { readLimitedText } from '../files/read-limited';
import { writeCompactJson } from './json-out';

const USAGE = `Usage: npm run --silent sim -- <verb> ...
  check <scenario-file>             validate a scenario; prints { valid, problems }
  run <scenario-file>               run the autopilot; prints its final state and log
  score <scenario-file> <log-file>  score a trainee's log; prints { total, passed, competencies, deductions, handover }
  rules                             every scoring rule; prints [{ id, competency, points, critical, title, description }]
  generate --seed <N> --level <L>   a random practice shift (seed a non-negative integer, level 1-3),
                                    printed as scenario YAML; save it as simulations/random-<L>-<N>.yaml
JSON is indented on a terminal and compact otherwise; add --pretty to check, run, score or
rules to indent it anyway.`;

class InputError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** What a log file may be: its size limit and its name in messages. */
const LOG_FILE_KIND: FileKind = { maxBytes: MAX_LOG_BYTES, what: 'a log file' };

/** A file's text, read no further than its size limit (see ../files/read-limited.ts). */
function readText(file: string, kind: FileKind): string {
  const read = readLimitedText(file, file, kind);
  if (read.ok) return read.value;
  const [problem] = read.problems;
  throw new InputError(`${file}: ${problem!.message}`, read.problems);
}

function loadScenario(file: string): Scenario {
  const result = parseScenario(readText(file, SCENARIO_FILE_KIND), file);
  if (!result.ok) throw new InputError(`${file} is not a valid scenario`, result.problems);
  return result.value;
}

/** A log file, JSON or YAML: an array of entries or the output of `sim run`. */
function loadLog(file: string) {
  // A log in any other file is read as YAML, which JSON also is.
  const text = parseFileText(readText(file, LOG_FILE_KIND), file, LOG_FILE_KIND);
  if (!text.ok) throw new InputError(`${file} cannot be read as a log`, text.problems);
  const parsed = parseLog(text.data, file);
  if (!parsed.ok) throw new InputError(`${file} is not a valid log`, parsed.problems);
  return parsed.log;
}

/**
 * `generate --seed N --level L`, in either order. Returns the options, or what is wrong
 * with the arguments.
 */
function generateOptions(args: string[]): { seed: number; level: 1 | 2 | 3 } | string {
  const given = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i]!;
    if (flag !== '--seed' && flag !== '--level') return `generate: unknown argument "${flag}"`;
    if (given.has(flag)) return `generate: ${flag} is given twice`;
    const value = args[i + 1];
    if (value === undefined) return `generate: ${flag} needs a value`;
    given.set(flag, value);
  }
  const seed = given.get('--seed');
  const level = given.get('--level');
  if (seed === undefined) return 'generate: --seed is required';
  if (level === undefined) return 'generate: --level is required';
  if (!/^\d+$/.test(seed) || !Number.isSafeInteger(Number(seed)))
    return `generate: --seed must be a non-negative integer up to ${Number.MAX_SAFE_INTEGER}, got "${seed}"`;
  if (!/^[123]$/.test(level)) return `generate: --level must be 1, 2 or 3, got "${level}"`;
  return { seed: Number(seed), level: Number(level) as 1 | 2 | 3 };
}

/** List items that read best on one line, as the hand-written scenarios have them. */
const ONE_LINE_ITEMS = new Set(['lines', 'incoming']);
/** Prose: printed as folded blocks, wrapped, like the hand-written summaries and messages. */
const PROSE = new Set(['summary', 'text']);

/** A generated scenario as a file `sim check` accepts, with the editor's schema comment. */
function scenarioYaml(scenario: object, id: string, seed: number, level: number): string {
  const doc = new Document(scenario);
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (ONE_LINE_ITEMS.has(key) && isSeq(pair.value))
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      if (PROSE.has(key) && isScalar(pair.value)) pair.value.type = 'BLOCK_FOLDED';
    },
  });
  doc.commentBefore = [
    ' yaml-language-server: $schema=../public/schemas/scenario.schema.json',
    ` Generated by \`npm run --silent sim -- generate --seed ${seed} --level ${level}\`.`,
    ` Save it as simulations/${id}.yaml: a scenario's id must equal its file name.`,
  ].join('\n');
  return doc.toString({ lineWidth: 92, singleQuote: true });
}

/** The course's message templates, which `run` fills to print each notice's text. */
function loadTemplates(): NoticeTemplate[] {
  const root = fileURLToPath(new URL('../../content', import.meta.url));
  return readCourseFiles(root, 'templates').templates.map(({ template, body }) => ({
    kind: template.kind,
    subject: template.subject,
    when: template.when,
    body: body.trim(),
  }));
}

/** Whether JSON is printed indented: on a terminal, or when `--pretty` asks for it. */
let pretty = false;

function print(value: unknown) {
  if (pretty) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else {
    writeCompactJson(value, (chunk) => process.stdout.write(chunk));
    process.stdout.write('\n');
  }
}

/**
 * `scenarioHash` (../engine/report.ts), computed with Node's native SHA-256: the same
 * digest of the same canonical JSON, over ten times faster than the engine's portable
 * one on a 13 MB scenario. tests/cli/sim-output.test.ts holds the two equal.
 */
function contentHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

/**
 * The autopilot's run with the text of each notice it sent, rendered from the state of the
 * moment it went out: what `sentNoticeTexts` gives by replaying the log, in the same pass.
 */
function runWithTexts(scenario: Scenario, templates: readonly NoticeTemplate[]) {
  const texts: RenderedNotice[] = [];
  const run = runAutopilot(scenario, [], (state, entry) => {
    if (entry.type === 'notify-customer') texts.push(renderNotice(templates, state, entry));
  });
  return { ...run, texts };
}

function main(argv: string[]): number {
  const [verb, ...given] = argv;
  if (verb === 'generate') {
    const options = generateOptions(given);
    if (typeof options === 'string') {
      process.stderr.write(`${options}\n${USAGE}\n`);
      return 2;
    }
    const id = randomScenarioId(options);
    process.stdout.write(
      scenarioYaml(generateScenarioInput(options), id, options.seed, options.level),
    );
    process.stderr.write(`generated "${id}": save it as simulations/${id}.yaml\n`);
    return 0;
  }
  const arity: Record<string, number> = { check: 1, run: 1, score: 2, rules: 0 };
  pretty = process.stdout.isTTY === true || given.includes('--pretty');
  const args = given.filter((arg) => arg !== '--pretty');
  if (!verb || !(verb in arity) || args.length !== arity[verb]) {
    process.stderr.write(
      `${verb && !(verb in arity) ? `Unknown verb "${verb}".\n` : ''}${USAGE}\n`,
    );
    return 2;
  }
  try {
    switch (verb) {
      case 'check': {
        const file = args[0]!;
        let text: string;
        try {
          text = readText(file, SCENARIO_FILE_KIND);
        } catch (error) {
          if (error instanceof InputError) print({ valid: false, file, problems: error.problems });
          throw error;
        }
        const result = parseScenario(text, file);
        if (result.ok) {
          print({ valid: true, file, scenario: result.value.id, problems: [] });
          process.stderr.write(`${file}: valid scenario "${result.value.id}"\n`);
          return 0;
        }
        print({ valid: false, file, problems: result.problems });
        process.stderr.write(
          `${result.problems.map(formatProblem).join('\n')}\n${file}: ${result.problems.length} problem(s)\n`,
        );
        return 1;
      }
      case 'rules':
        print(publicCatalogue());
        return 0;
      case 'run': {
        const scenario = loadScenario(args[0]!);
        const { state, log, texts } = runWithTexts(scenario, loadTemplates());
        print(runReport(scenario, state, log, texts, contentHash(scenario)));
        return 0;
      }
      case 'score': {
        const scenario = loadScenario(args[0]!);
        const log = loadLog(args[1]!);
        const result = scoreLog(scenario, log);
        if (!result.ok)
          throw new InputError(`${args[1]}: the log does not replay on ${args[0]}`, [
            { file: args[1]!, path: `log[${result.error.index}]`, message: result.error.message },
          ]);
        const { total, passed, competencies, deductions, handover } = result.score;
        print({ total, passed, competencies, deductions, handover });
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      const details = error.problems.map(formatProblem).filter((line) => line !== error.message);
      process.stderr.write(`${[...details, error.message].join('\n')}\n`);
      return 1;
    }
    throw error;
  }
  return 2;
}

process.exitCode = main(process.argv.slice(2));
