import { createHash } from 'node:crypto';
import type { Position } from '../config/index.ts';
import { isObject } from '../core/index.ts';
import type { RuleInput } from './schema.ts';

/**
 * The shipped rule pack compiled at build time (scripts/build-cli.mjs): each rule as the input it
 * validated to and its filters' plain specs, so a replay with the pack reads no YAML and validates
 * nothing. `build` names the code that made it; a pack is used only by that code, and only while
 * every rule file is still the one it was made from (see unpack-rules.ts).
 */
export interface RulePack {
  build: string;
  files: PackedRuleFile[];
}

export interface PackedRuleFile {
  /** The file's path inside the pack's folder, as listRuleFiles gives it. */
  name: string;
  /** SHA-256 of the file's text. */
  sha256: string;
  rules: PackedRule[];
}

export interface PackedRule {
  input: RuleInput;
  /** Each filter's plain spec, by its field: `where`, `unless`, `steps[1].where`. */
  specs: Record<string, unknown>;
  line: number;
  idAt?: Position;
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `value` when it has the outline of a RulePack (its rules are trusted: the build wrote them). */
export function asRulePack(value: unknown): RulePack | undefined {
  if (!isObject(value) || typeof value.build !== 'string' || !Array.isArray(value.files)) return undefined;
  const files: unknown[] = value.files;
  const fileOk = (file: unknown): boolean =>
    isObject(file) &&
    typeof file.name === 'string' &&
    typeof file.sha256 === 'string' &&
    Array.isArray(file.rules) &&
    file.rules.every((rule: unknown) => isObject(rule) && isObject(rule.input) && isObject(rule.specs));
  return files.every(fileOk) ? (value as unknown as RulePack) : undefined;
}
