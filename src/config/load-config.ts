import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isMap } from 'yaml';
import type { Node } from 'yaml';
import type { ValidationIssue } from '../core/index.ts';
import { describeConfigView } from './describe-config.ts';
import { readDotenv } from './env/read-dotenv.ts';
import { maskReferences } from './env/mask-references.ts';
import { substituteVariables } from './env/substitute-variables.ts';
import type { KlaxonConfig, LoadConfigOptions, LoadConfigResult } from './klaxon-config.ts';
import { readSections } from './read-sections.ts';
import { redactMessages } from './redact-messages.ts';
import { showAs } from './seal-secrets.ts';
import { parseConfigDocument } from './yaml/parse-config-document.ts';
import { formatFieldPath, placeIssue } from './yaml/path-issue.ts';
import { MAX_YAML_BYTES, checkYamlSize, oversizedYamlIssue, yamlToJs } from './yaml/yaml-limits.ts';
import type { PathIssue } from './yaml/path-issue.ts';

// Values from the environment may be secrets the channel did not declare as such (a token put
// under the wrong key); long ones are kept out of messages too.
const MIN_SUPPLIED_REDACTED = 8;

/** Reads, substitutes and validates klaxon.yaml; every mistake is an issue with file, line and field. */
export async function loadConfig<Route>(
  path: string,
  options: LoadConfigOptions<Route>,
): Promise<LoadConfigResult<Route>> {
  const file = resolve(path);
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_YAML_BYTES) return { ok: false, issues: [oversizedYamlIssue(file, size)] };
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, issues: [{ file, message: `cannot read the config file (${code})` }] };
  }
  return loadConfigText(text, file, options);
}

/** The same for text already read; `file` names it in issues and anchors relative paths and `.env`. */
export async function loadConfigText<Route>(
  text: string,
  file: string,
  options: LoadConfigOptions<Route>,
): Promise<LoadConfigResult<Route>> {
  const baseDir = dirname(file);
  const dotenv = await readDotenv(
    options.dotenvPath ?? join(baseDir, '.env'),
    options.dotenvPath !== undefined,
  );
  const tooLarge = checkYamlSize(text, file);
  if (tooLarge) return { ok: false, issues: [tooLarge] };
  const masked = maskReferences(text);
  const { source, issues: yamlIssues } = parseConfigDocument(masked ?? text, file);
  if (dotenv.issues.length > 0 || yamlIssues.length > 0)
    return { ok: false, issues: [...dotenv.issues, ...yamlIssues] };
  const root = source.doc.contents as Node | null;
  if (root !== null && !isMap(root)) {
    return {
      ok: false,
      issues: [placeIssue(source, root, { path: [], message: 'expected a map of settings' })],
    };
  }
  const env = options.env ?? process.env;
  const lookup = (name: string) => env[name] ?? dotenv.values.get(name);
  const substitution = substituteVariables(source.doc, lookup, { masked: masked !== undefined });
  const plain = yamlToJs(source);
  if (!plain.ok) return { ok: false, issues: [plain.issue] };
  const data = (plain.value ?? {}) as Record<string, unknown>;
  const sections = await readSections(data, { ...options, baseDir });
  const pathIssues = [...substitution.issues, ...dropFollowUps(sections.issues, substitution.issues)];
  if (pathIssues.length === 0) {
    const config: KlaxonConfig<Route> = { file, ...sections.config };
    return { ok: true, config: showAs(config, () => describeConfigView(config)) };
  }
  const placed = sortByPosition(pathIssues.map((issue) => placeIssue(source, root as Node, issue)));
  const supplied = substitution.supplied.filter((value) => value.length >= MIN_SUPPLIED_REDACTED);
  return { ok: false, issues: redactMessages(placed, [...sections.secretTexts, ...supplied]) };
}

/** A value whose variable is missing is empty; the complaints about that emptiness are noise. */
function dropFollowUps(issues: PathIssue[], missing: PathIssue[]): PathIssue[] {
  const fields = missing.map((issue) => formatFieldPath(issue.path));
  return issues.filter((issue) => {
    const field = formatFieldPath(issue.path);
    return !fields.some((at) => field === at || field.startsWith(`${at}.`) || field.startsWith(`${at}[`));
  });
}

function sortByPosition(issues: ValidationIssue[]): ValidationIssue[] {
  const at = (issue: ValidationIssue) => (issue.line ?? Infinity) * 1e6 + (issue.column ?? 0);
  return issues.sort((a, b) => at(a) - at(b));
}
