export type { Route, RouteMatch, RouteGrouping, DetailLevel, RouteNotifyKind } from './routes.ts';
export { matchRoutes, DETAIL_LEVELS, ROUTE_NOTIFY_KINDS } from './routes.ts';
export type { RouteInput } from './route-schema.ts';
export { routeSchema, routesSchema, findUnknownChannels } from './route-schema.ts';
export type {
  RoutedChange,
  RoutedChangeKind,
  PlannedNotification,
  DigestHold,
  GroupHold,
  NotificationPlan,
  PlanOptions,
} from './plan-notifications.ts';
export { planNotifications } from './plan-notifications.ts';
export type { MakeNotificationId } from './notification-id.ts';
export { hashNotificationId } from './notification-id.ts';
export type { CronResult } from './cron-schedule.ts';
export { CronSchedule, parseCron } from './cron-schedule.ts';
export type { DigestBucket, DigestSnapshot, DigestCollectorOptions } from './digest.ts';
export { DigestCollector } from './digest.ts';
export type { HeartbeatChannel, HeartbeatFacts } from './heartbeat.ts';
export { HeartbeatSchedule, nextHeartbeatAt } from './heartbeat.ts';
export type { PingResult, PingFailureReason, PingOptions } from './ping-heartbeat.ts';
export { pingHeartbeat } from './ping-heartbeat.ts';
export type { NotifyStageOptions, NotifyTally } from './notify-stage.ts';
export { NotifyStage, loadSavedGroups } from './notify-stage.ts';
export type { SavedGroup, GroupMessage } from './group-collector.ts';
export { GroupCollector } from './group-collector.ts';
export { caseNoteOf, memberOf } from './case-note.ts';
export { EscalationStage } from './escalation-stage.ts';
export type { EscalationStageOptions } from './escalation-stage.ts';
export { escalationSchedule } from './escalation-schedule.ts';
export type { EscalationStep } from './routes.ts';
export type { PersonActionRouting } from './announce-person-action.ts';
export { announcePersonAction, planPersonAction } from './announce-person-action.ts';
