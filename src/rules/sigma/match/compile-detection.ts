import { isObject } from '../../../core/index.ts';
import type { EventPredicate, Prefilter } from '../../model.ts';
import { combineAll, combineAny } from '../../where/combine.ts';
import { compileCondition } from '../condition/compile-condition.ts';
import { ConditionError } from '../condition/condition-ast.ts';
import type { ConditionNode } from '../condition/condition-ast.ts';
import { parseCondition } from '../condition/parse-condition.ts';
import { describeLogsource, findLogsource } from '../mapping/find-logsource.ts';
import { fieldCandidates, resolveField } from '../mapping/resolve-field.ts';
import {
  compileOriginTest,
  compileSourceTest,
  EVENT_CODE_FIELDS,
  readEventCode,
  sourceTestFields,
} from '../mapping/source-test.ts';
import type { SourceVariant } from '../mapping/source-variant.ts';
import { readLogsource } from '../metadata.ts';
import { ReadSet } from '../read-set.ts';
import { SigmaRuleError } from '../sigma-error.ts';
import type { CompiledSigmaDetection, SigmaOptions, SigmaRuleDocument } from '../types.ts';
import { compileSearch } from './compile-search.ts';
import { requiredEventCodes } from './event-codes.ts';

const NOT_SEARCHES = new Set(['condition', 'timeframe']);

/**
 * Compiles `detection` and `logsource`: for each kind of event the log source stands for, the
 * searches with that source's field names, joined by the condition; the kinds are alternatives.
 */
export function compileDetection(
  doc: SigmaRuleDocument,
  origin: { file: string; line: number },
  options: SigmaOptions,
): CompiledSigmaDetection {
  const fail = (path: readonly (string | number)[], reason: string): never => {
    const field = path
      .map((step) => (typeof step === 'number' ? `[${step}]` : step))
      .join('.')
      .replace(/\.\[/g, '[');
    throw new SigmaRuleError(origin.file, doc.lineOf(path), field, reason);
  };
  const detection = doc.body.detection;
  if (!isObject(detection)) return fail(['detection'], 'expected a map of searches and a `condition`');
  const conditions = readConditions(detection.condition, fail);
  const logsource = readLogsource(doc.body.logsource);
  const variants = findLogsource(logsource);
  if (variants === undefined)
    return fail(
      ['logsource'],
      `log source \`${describeLogsource(logsource)}\` is not in Klaxon's Sigma mapping`,
    );
  const names = Object.keys(detection).filter((name) => !NOT_SEARCHES.has(name));
  const reads = new ReadSet();
  const compiled = variants.map((variant) => {
    const searches = new Map<string, EventPredicate>();
    reads.add(sourceTestFields(variant));
    const context = {
      resolve: (field: string) => {
        reads.add(fieldCandidates(field, variant));
        return resolveField(field, variant);
      },
      placeholders: options.placeholders,
      fail,
      readsWholeEvent: () => reads.addWholeEvent(),
    };
    for (const name of names)
      searches.set(name, compileSearch(detection[name], ['detection', name], context));
    return {
      variant,
      matches: combineAny(conditions.map((condition) => runCondition(condition, searches, fail))),
    };
  });
  const eventCodes = requiredEventCodes(variants, conditions, detection);
  if (eventCodes !== undefined) reads.add(EVENT_CODE_FIELDS); // the prefilter's field
  const fields = reads.list();
  return {
    matches: joinVariants(compiled),
    ...(eventCodes !== undefined && { prefilter: eventCodePrefilter(eventCodes), eventCodes }),
    logsource,
    ...(fields !== undefined && { reads: fields }),
  };
}

type Fail = (path: readonly (string | number)[], reason: string) => never;

function readConditions(value: unknown, fail: Fail): ConditionNode[] {
  const texts = Array.isArray(value) ? value : [value];
  if (value === undefined || texts.length === 0)
    return fail(['detection', 'condition'], 'missing `condition`');
  return texts.map((text, index) => {
    const path = Array.isArray(value) ? ['detection', 'condition', index] : ['detection', 'condition'];
    if (typeof text !== 'string') return fail(path, 'expected a condition like `selection and not filter`');
    try {
      return parseCondition(text);
    } catch (error) {
      if (error instanceof ConditionError) return fail(path, `condition \`${text}\`: ${error.message}`);
      throw error;
    }
  });
}

function runCondition(
  node: ConditionNode,
  searches: ReadonlyMap<string, EventPredicate>,
  fail: Fail,
): EventPredicate {
  try {
    return compileCondition(node, searches);
  } catch (error) {
    if (error instanceof ConditionError) return fail(['detection', 'condition'], error.message);
    throw error;
  }
}

/**
 * The variants as alternatives. When every variant names its event ids, the event's id is read
 * once and only the variants for it run (Sysmon 1 and Security 4688 never both).
 */
function joinVariants(
  compiled: readonly { variant: SourceVariant; matches: EventPredicate }[],
): EventPredicate {
  if (!compiled.every(({ variant }) => variant.eventCodes !== undefined))
    return combineAny(
      compiled.map(({ variant, matches }) => combineAll([compileSourceTest(variant), matches])),
    );
  const byCode = new Map<string, EventPredicate[]>();
  for (const { variant, matches } of compiled) {
    const predicate = combineAll([compileOriginTest(variant), matches]);
    for (const code of variant.eventCodes ?? []) {
      const key = code.toLowerCase();
      byCode.set(key, [...(byCode.get(key) ?? []), predicate]);
    }
  }
  const dispatch = new Map([...byCode].map(([code, predicates]) => [code, combineAny(predicates)]));
  return (event) => {
    const code = readEventCode(event);
    const predicate = code === undefined ? undefined : dispatch.get(code);
    return predicate !== undefined && predicate(event);
  };
}

function eventCodePrefilter(codes: readonly string[]): Prefilter {
  return { field: 'event.code', values: codes.map((code) => code.toLowerCase()) };
}
