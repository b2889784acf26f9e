/**
 * One kind of event a Sigma log source stands for, described as data: which events it is and
 * where their fields sit. A log source may stand for several (process creation: Sysmon event 1
 * or Security event 4688); a rule runs on each with that variant's field names.
 */
export interface SourceVariant {
  /** Shown in docs and tests, e.g. `Sysmon event 1`. */
  label: string;
  /**
   * The event is from this source when any pair matches: the field (a path) holds one of the values
   * (case-insensitive), or, with no values, is present at all. No pairs: any event.
   */
  from: ReadonlyArray<readonly [field: string, values: readonly string[]]>;
  /** And, when given, its event id (`event.code`) is one of these. */
  eventCodes?: readonly string[];
  /** Sigma field → the name this source writes it under (as pySigma's windows-audit pipeline for 4688). */
  renames?: Readonly<Record<string, string>>;
  /** Where this source keeps its own fields, tried in order before the ECS names. */
  fieldPrefixes: readonly string[];
}

export interface LogsourceEntry {
  product?: string;
  category?: string;
  service?: string;
  variants: readonly SourceVariant[];
}
