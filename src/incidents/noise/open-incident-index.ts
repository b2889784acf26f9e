import { isOpen, type NoiseIncident } from './noise-incident.ts';

/** Open incidents readable by rule, so inhibition looks only at those of its source rules. */
export interface OpenIncidentsByRule {
  ofRule(ruleId: string): Iterable<NoiseIncident>;
}

/** Either will do; a plain list is scanned whole for every inhibition target. */
export type OpenIncidents = Iterable<NoiseIncident> | OpenIncidentsByRule;

/** The open incidents by rule and episode, kept current by the caller with every change. */
export class OpenIncidentIndex<T extends NoiseIncident = NoiseIncident> implements OpenIncidentsByRule {
  private readonly byRule = new Map<string, Map<string, T>>();

  /** Records the incident's latest state: kept while open, dropped once resolved. */
  apply(incident: T): void {
    let episodes = this.byRule.get(incident.ruleId);
    if (!isOpen(incident)) {
      episodes?.delete(incident.episodeId);
      if (episodes?.size === 0) this.byRule.delete(incident.ruleId);
      return;
    }
    if (episodes === undefined) {
      episodes = new Map();
      this.byRule.set(incident.ruleId, episodes);
    }
    episodes.set(incident.episodeId, incident);
  }

  ofRule(ruleId: string): Iterable<T> {
    return this.byRule.get(ruleId)?.values() ?? [];
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const episodes of this.byRule.values()) yield* episodes.values();
  }
}

export function readOpenOfRule(open: OpenIncidents, ruleId: string): Iterable<NoiseIncident> {
  return 'ofRule' in open ? open.ofRule(ruleId) : open;
}
