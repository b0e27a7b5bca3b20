/**
 * A problem found in an input file: where it is and what was expected. Parsers return a
 * list of these instead of throwing, so every problem is shown at once (STYLE.md 4).
 */
export interface Problem {
  /** The file the problem is in, as the user named it. */
  file: string;
  /** Field path, e.g. `orders[2].lines[0].qty`; empty for the whole file. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
  /** 1-based line in the file, where known. */
  line?: number;
}

/** `simulations/x.yaml:12 orders[2].lines[0].qty: expected ...` */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.path
    ? `${where} ${problem.path}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** `orders[2].lines[0].qty` from `['orders', 2, 'lines', 0, 'qty']`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part,
    '',
  );
}
