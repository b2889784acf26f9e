import type { Incident } from '../core/index.ts';

/**
 * The incident as a `link`-level notification carries it: serial, priority, status, times and
 * count, and nothing that names a rule, a user, an address or a person. Renderers already show
 * only "incident #42, P1, open the dashboard" at this level; emptying the rest here means a
 * renderer slip cannot leak it, and the outbox row holds none of it either.
 */
export function hideIncidentDetail(incident: Incident): Incident {
  return {
    serial: incident.serial,
    episodeId: '',
    ruleId: '',
    title: '',
    status: incident.status,
    group: {},
    count: incident.count,
    firstSeen: incident.firstSeen,
    lastSeen: incident.lastSeen,
    openedAt: incident.openedAt,
    severity: incident.severity,
    confidence: incident.confidence,
    priority: incident.priority,
    attack: [],
    samples: [],
    ...(incident.acknowledgedAt !== undefined && { acknowledgedAt: incident.acknowledgedAt }),
    ...(incident.resolvedAt !== undefined && { resolvedAt: incident.resolvedAt }),
  };
}
