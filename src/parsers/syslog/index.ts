export type { SyslogLine } from './syslog-line.ts';
export { parseSyslogLine } from './parse-syslog-line.ts';
export type { StructuredData } from './parse-structured-data.ts';
export { parseStructuredData } from './parse-structured-data.ts';
export type { YearResolver, YearResolverOptions } from './year-resolver.ts';
export { createYearResolver } from './year-resolver.ts';
