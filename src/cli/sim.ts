/**
 * `npm run --silent sim -- <verb> ...`: the engine on the command line (ENGINE.md section 9).
 * JSON goes to stdout, human messages to stderr. Exit codes: 0 success, 1 bad input
 * (a scenario or log with problems), 2 wrong usage.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
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

const USAGE = `Usage: npm run --silent sim -- <verb> ...
  check <scenario-file>             validate a scenario; prints { valid, problems }
  run <scenario-file>               run the autopilot; prints its final state and log
  score <scenario-file> <log-file>  score a trainee's log; prints { total, passed, competencies, deductions }`;

class InputError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`,
      [{ file, path: '', message: code === 'ENOENT' ? 'no such file' : 'cannot be read' }],
    );
  }
}

function loadScenario(file: string): Scenario {
  const result = parseScenario(readText(file), file);
  if (!result.ok) throw new InputError(`${file} is not a valid scenario`, result.problems);
  return result.value;
}

function loadLog(file: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readText(file), { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0)
    throw new InputError(
      `${file} is not valid JSON or YAML`,
      doc.errors.map((error) => ({
        file,
        path: '',
        message: error.message.split('\n')[0]!,
        line: lineCounter.linePos(error.pos[0]).line,
      })),
    );
  const parsed = parseLog(doc.toJS(), file);
  if (!parsed.ok) throw new InputError(`${file} is not a valid log`, parsed.problems);
  return parsed.log;
}

function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function main(argv: string[]): number {
  const [verb, ...args] = argv;
  const arity: Record<string, number> = { check: 1, run: 1, score: 2 };
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
          text = readText(file);
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
      case 'run': {
        const scenario = loadScenario(args[0]!);
        const { state, log } = runAutopilot(scenario);
        print(runReport(scenario, state, log));
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
        const { total, passed, competencies, deductions } = result.score;
        print({ total, passed, competencies, deductions });
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
