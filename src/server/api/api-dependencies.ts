import type { Incident, SecurityEvent } from '../../core/index.ts';
import type { PersonActionRouting } from '../../routing/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import type { LoginLimits } from '../auth/index.ts';

/** The rules the running engine knows, and whether each is on (the app implements it). */
export interface RuleCatalog {
  list(): readonly Rule[];
  isEnabled(id: string): boolean;
  /** Persists the choice (store.ruleStates) and applies it to the running engine. */
  /** `reason`: why the person switched it; kept in the rule's audit (store.ruleStates.history). */
  setEnabled(id: string, enabled: boolean, by: string, reason: string): Promise<void>;
}

/** What happened to an incident: `opened`, `updated`, `resolved`, `acknowledged`, `assigned`, `noted`, ... */
export interface IncidentChange {
  kind: string;
  incident: Incident;
}

/** Incident changes as they happen, for the live stream. */
export interface IncidentChanges {
  subscribe(listener: (change: IncidentChange) => void): () => void;
  /**
   * When given, the API announces the changes people make through it (acknowledge, assign, note,
   * resolve) here, so every open dashboard sees them at once.
   */
  publish?(change: IncidentChange): void;
}

/** A configured channel as the dashboard may show it: no config secrets in `detail`, ever. */
export interface ChannelInfo {
  name: string;
  type: string;
  detail: string;
}

export interface ApiDependencies {
  store: Store;
  /** Routes and channels: a person's action is sent to the channels told about the incident. */
  personActions?: PersonActionRouting;
  /** Wall clock, epoch milliseconds (sessions, rate limits, silences, audit times). */
  now: () => number;
  rules: RuleCatalog;
  channels: ChannelInfo[];
  incidentChanges: IncidentChanges;
  /** Failed logins, bad CSRF tokens and forbidden requests, as ECS events for Klaxon's own rules. */
  reportSecurityEvent(event: SecurityEvent): void;
  /** Where people reach the dashboard (`https://klaxon.example.org`): links in the feed. */
  publicUrl?: string;
  /** Mark the session cookie Secure (the dashboard is served over https). */
  secureCookies: boolean;
  /**
   * Login failure limits (default: 5 per name and address, 20 per address, in 15 minutes; per name
   * only a growing delay).
   */
  loginLimits?: LoginLimits;
  /** Waits out the per-name login slowdown (default: a timer). */
  loginDelay?: (ms: number) => Promise<unknown>;
  /** Keep-alive comment interval of the live stream (default 15 s). */
  streamKeepAliveMs?: number;
}
