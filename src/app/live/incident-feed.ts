import type { Incident } from '../../core/index.ts';

export interface IncidentFeedChange {
  kind: string;
  incident: Incident;
}

/** Committed incident changes, for the dashboard's live updates (Server-Sent Events). */
export class IncidentFeed {
  private readonly listeners = new Set<(change: IncidentFeedChange) => void>();

  subscribe(listener: (change: IncidentFeedChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: IncidentFeedChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A broken listener (a closed stream) must not stop the others.
      }
    }
  }
}
