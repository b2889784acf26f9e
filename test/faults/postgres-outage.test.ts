import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestPostgres } from '../support/postgres.ts';
import { startPostgres } from '../support/postgres.ts';
import type { FaultRig } from './fault-harness.ts';
import { bruteForce, createFaultRig, waitFor } from './fault-harness.ts';

describe('a PostgreSQL outage under a running daemon', () => {
  let postgres: TestPostgres;
  let rig: FaultRig;
  let database = 0;

  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  beforeEach(async () => {
    rig = await createFaultRig();
  });
  afterEach(async () => {
    await rig.close();
  });

  async function freshStore(): Promise<string> {
    database++;
    return postgres.createDatabase(`outage_${database}`);
  }

  it('detects and delivers again by itself after PostgreSQL was stopped for seconds', async () => {
    const live = await rig.start(await freshStore());
    rig.append(bruteForce('203.0.113.1'));
    await waitFor('the first delivery', () => rig.receiver.requests.length >= 1);
    await postgres.stopServer();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await postgres.startServer();
    rig.append(bruteForce('203.0.113.2'));
    await waitFor('the incident after the outage', async () => (await rig.incidentsByIp()).get('203.0.113.2'));
    await waitFor('its delivery', () =>
      [...rig.deliveries().values()].some((delivery) => delivery.ip === '203.0.113.2'),
    );
    expect(await rig.incidentsByIp()).toEqual(new Map([['203.0.113.1', 1], ['203.0.113.2', 1]]));
    void live;
  }, 60_000);
});
