/**
 * Loading a role-play file: YAML text in, a typed role-play or the full list of problems
 * out (file, line, field path, message), with the same YAML helpers and messages as
 * scenario files (src/engine/load.ts). Schema problems come first; the graph is only
 * checked once the shape is right.
 */
import { parseFileText, type LineOf } from '../engine/file-text';
import { MAX_ROLEPLAY_BYTES } from '../engine/limits';
import { describeIssue } from '../engine/load';
import { formatPath, type Problem, type Result } from '../engine/problems';
import { graphProblems } from './graph';
import { roleplaySchema, type Roleplay } from './schema';

const FILE_NAME = /([^\\/]+)\.(ya?ml|json)$/i;

/** What a role-play file may be: its size limit and its name in messages. */
export const ROLEPLAY_FILE_KIND = { maxBytes: MAX_ROLEPLAY_BYTES, what: 'a role-play file' };

/**
 * Parse and validate role-play text. When `file` names a file (`x.yaml`), the role-play's
 * `id` must equal its name; any other label (e.g. `roleplay` for text typed in the browser)
 * skips that check.
 */
export function parseRoleplay(text: string, file: string): Result<Roleplay> {
  const parsed = parseFileText(text, file, ROLEPLAY_FILE_KIND);
  return parsed.ok ? validateRoleplay(parsed.data, file, parsed.lineOf) : parsed;
}

/** Validate already-parsed data: schema, id against the file name, then the graph. */
export function validateRoleplay(
  data: unknown,
  file: string,
  lineOf: LineOf = () => undefined,
): Result<Roleplay> {
  const problem = (path: (string | number)[], message: string): Problem => {
    const line = lineOf(path);
    return { file, path: formatPath(path), message, ...(line ? { line } : {}) };
  };
  const parsed = roleplaySchema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => problem(issue.path, describeIssue(issue))),
    };
  const problems: Problem[] = [];
  const name = FILE_NAME.exec(file)?.[1];
  if (name !== undefined && name !== parsed.data.id)
    problems.push(problem(['id'], `must equal the file name "${name}"`));
  problems.push(...graphProblems(parsed.data).map((p) => problem(p.path, p.message)));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}
