import { Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import type { ComponentHealth } from './component-health.ts';

/**
 * `klaxon_component_up{component}`: 1 while a component (store, delivery, each source) makes
 * progress, 0 while it is retrying or has failed. Read at scrape time from the health registry.
 */
export function registerComponentMetrics(registry: Registry, health: ComponentHealth): void {
  new Gauge({
    name: 'klaxon_component_up',
    help: 'Whether the component makes progress (1) or is retrying or failed (0)',
    labelNames: ['component'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [component, state] of health.all()) this.set({ component }, state.kind === 'ok' ? 1 : 0);
    },
  });
}
