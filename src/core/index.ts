export type { SecurityEvent, EcsEventFields } from './event.ts';
export { EVIDENCE_FORM, evidenceOf } from './evidence-form.ts';
export { LineEvidence, readStoredSample } from './line-evidence.ts';
export type { ParseEvidenceLine } from './line-evidence.ts';
export { canonicalIsoMillis, parseIsoMillis } from './iso-time.ts';
export {
  checkTimeZone,
  parseFixedOffset,
  READ_AS_UTC,
  zonelessTimeIn,
  type ZonelessTime,
} from './time-zone.ts';
export type { FieldGetter } from './fields.ts';
export { compileFieldGetter, getField, isObject, fieldText } from './fields.ts';
export type { Detection, DetectionSink } from './detection.ts';
export type { Severity, Confidence, Priority } from './severity.ts';
export { SEVERITIES, CONFIDENCES, PRIORITIES } from './severity.ts';
export { parseDuration } from './duration.ts';
export type { SourceLocation, ValidationIssue } from './errors.ts';
export {
  KlaxonError,
  ValidationError,
  InputError,
  NotFoundError,
  ConflictError,
  StoreError,
  UnauthorizedError,
  ForbiddenError,
  RateLimitedError,
  formatIssue,
} from './errors.ts';
export type { CaseMember, CaseNote } from './notification.ts';
export { CASE_MEMBERS_SHOWN } from './notification.ts';
export type {
  Incident,
  IncidentCase,
  SigmaRuleRef,
  IncidentStatus,
  IncidentAction,
  IncidentAuditEntry,
} from './incident.ts';
export { INCIDENT_STATUSES, INCIDENT_TRANSITIONS } from './incident.ts';
export type {
  Notification,
  NotificationGroup,
  NotificationKind,
  PersonActionName,
  PersonActionNotice,
} from './notification.ts';
export { PERSON_ACTIONS } from './notification.ts';
export type {
  ChannelDefinition,
  ChannelServerSettings,
  ChannelSettingIssue,
  FailureReason,
  SendContext,
  SendResult,
} from './channel.ts';
export type { Waker } from './waker.ts';
export { createWaker } from './waker.ts';
export type { LinearRegex, LinearRegexOptions } from './linear-regex.ts';
export { compileLinearRegex, deferLinearRegex } from './linear-regex.ts';
export type { BoundedJson, JsonLimits, JsonRefusal } from './bounded-json.ts';
export {
  JSON_LIMITS,
  JsonLimitError,
  checkJsonText,
  checkJsonValue,
  describeJsonRefusal,
  readBoundedJson,
} from './bounded-json.ts';
export type { LogLevel } from './log-level.ts';
export { LOG_LEVELS, DEFAULT_LOG_LEVEL, isLogLevel } from './log-level.ts';
export type { MinuteCount } from './minute-counts.ts';
export {
  MINUTE_MS,
  MAX_MINUTES,
  addToMinute,
  capMinutes,
  countInMinute,
  shareMinutes,
  spreadOverMinutes,
  minutesAfterUpdate,
  addMinutes,
} from './minute-counts.ts';
export type { SavedLineAt, SavesCompactly } from './snapshot-form.ts';
export {
  isSavedForm,
  SAVED_FORM,
  SAVED_FORMAT,
  SAVED_LINE,
  SAVED_LINE_AT,
  SAVED_MARKERS,
  SAVED_ORIGINAL_IS_LINE,
  SNAPSHOT_FORM,
} from './snapshot-form.ts';
export { OWNS_ITS_TEXT, ownsItsText } from './owned-text.ts';
export { generatedFunction } from './generated-function.ts';
export { defineOwnField } from './own-field.ts';
export type { ReadsOwnLine } from './lazy-original.ts';
export {
  defineLineStandIn,
  eventWithOriginal,
  LazyOriginal,
  locateSavedLine,
  READ_OWN_LINE,
} from './lazy-original.ts';
