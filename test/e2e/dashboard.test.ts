import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/app/load-rules.ts';
import { runReplay } from '../../src/app/replay.ts';
import type { Incident } from '../../src/core/index.ts';
import { assignCase } from '../../src/incidents/index.ts';
import { hashPassword } from '../../src/server/auth/index.ts';
import type { Store } from '../../src/store/index.ts';
import { openStore } from '../../src/store/index.ts';
import { ensureWebBuilt } from './build-web.ts';
import type { DashboardServer } from './dashboard-server.ts';
import { startDashboardServer } from './dashboard-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ATTACKER = '203.0.113.9';
const ADMIN = { name: 'alice', password: 'correct horse battery staple' };
const RESPONDER = { name: 'bob', password: 'another long passphrase' };
const VIEWER = { name: 'carol', password: 'a third long passphrase' };

/** Ten failed passwords for root from one address, five seconds apart, two hours ago. */
function sshdAttack(start: number): string {
  return Array.from(
    { length: 10 },
    (_, i) =>
      `${new Date(start + i * 5_000).toISOString()} bastion sshd[4242]: Failed password for root from ${ATTACKER} port ${50_000 + i} ssh2\n`,
  ).join('');
}

let folder: string;
let store: Store;
let server: DashboardServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  await ensureWebBuilt();
  folder = await mkdtemp(join(tmpdir(), 'klaxon-dashboard-e2e-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const log = join(folder, 'auth.log');
  await writeFile(log, sshdAttack(Date.now() - 2 * 3_600_000));
  store = await openStore('sqlite::memory:');
  const rules = await loadRules(undefined);
  await runReplay({ inputs: [log], rules, store });
  for (const [user, role] of [
    [ADMIN, 'admin'],
    [RESPONDER, 'responder'],
    [VIEWER, 'viewer'],
  ] as const)
    await store.users.add(
      { name: user.name, passwordHash: await hashPassword(user.password), role },
      Date.now(),
    );
  server = await startDashboardServer({ store, rules });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await store?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A fresh browser session at the given size that records console errors and CSP violations. */
async function openPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chrome logs every 4xx; a 401 asking whether a session exists, or refusing a wrong password, is expected.
    const url = message.location().url;
    if (message.text().includes('status of 401') && new URL(url).pathname === '/api/v1/session') return;
    problems.push(`${width}px console: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`${width}px page error: ${error.message}`));
  return page;
}

async function logIn(page: Page, user: { name: string; password: string }): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('User name').fill(user.name);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
}

const pick = <T extends object, K extends keyof T>(from: T, keys: K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;

/** How many pixels the page is wider than the window (a phone layout must not scroll sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/** Logs a second person in over HTTP and adds a note as them, as another dashboard would. */
async function noteAsSomeoneElse(serial: number, text: string): Promise<void> {
  const login = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: RESPONDER.name, password: RESPONDER.password }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const note = await fetch(`${server.url}/api/v1/incidents/${serial}/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ text }),
  });
  expect(note.status).toBe(200);
}

describe('the dashboard in headless Chromium', () => {
  it('rejects a wrong password with a clear message', async () => {
    const page = await openPage(1280, 800);
    await page.goto(server.url);
    await page.getByLabel('User name').fill(ADMIN.name);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong user name or password');
    await page.context().close();
  });

  it('logs in, works the replayed incident to resolution and silences its source', async () => {
    const page = await openPage(1280, 800);
    await logIn(page, ADMIN);

    await page.getByRole('link', { name: /1\s*P2/ }).waitFor();
    await expect(page.locator('.top-list').first().textContent()).resolves.toContain(ATTACKER);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-1280.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    const row = page.getByRole('row', { name: /SSH brute force from one address/ });
    await expect(row.textContent()).resolves.toContain(ATTACKER);
    await row.getByRole('link', { name: '#1' }).click();
    await page.getByRole('heading', { name: /#1 SSH brute force from one address/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/incidents/1');
    const attack = page.getByRole('link', { name: /T1110\.001 Brute Force: Password Guessing/ });
    await expect(attack.getAttribute('href')).resolves.toBe('https://attack.mitre.org/techniques/T1110/001/');
    await expect(page.locator('.evidence').textContent()).resolves.toContain(
      `Failed password for root from ${ATTACKER}`,
    );

    await page.screenshot({ path: join(SCREENSHOTS, 'incident-open-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('.incident-badges').getByText('acknowledged').waitFor();
    expect(await store.incidents.get(1)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: ADMIN.name,
    });

    await noteAsSomeoneElse(1, 'blocked at the edge firewall');
    await page.locator('.audit').getByText('blocked at the edge firewall').waitFor();

    await page.getByRole('button', { name: 'Mute this source for 2 h' }).click();
    await page.getByText(`Muted source.ip=${ATTACKER} for 2 h.`).waitFor();

    await page.getByLabel('Resolution').fill('Address blocked; no successful login from it.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.locator('.incident-badges').getByText('resolved').waitFor();
    expect(await store.incidents.get(1)).toMatchObject({
      status: 'resolved',
      resolvedBy: ADMIN.name,
      resolution: 'Address blocked; no successful login from it.',
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'incident-1280.png'), fullPage: true });
    const runbookLink = page.locator('.runbook').getByRole('link', { name: 'silence it' });
    await expect(runbookLink.getAttribute('href')).resolves.toBe('/silences');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Silences' }).click();
    await page.getByLabel('Field 1').fill('source_ip');
    await page.getByLabel('Value 1').fill(ATTACKER);
    await page.getByText('no rule groups on source_ip; did you mean source.ip?').waitFor();
    await page.getByLabel('Field 1').fill('rule');
    await page.getByLabel('Value 1').fill('ssh-brute-force-user');
    await page.getByLabel('Comment').fill('Password audit this afternoon');
    await page.getByRole('button', { name: 'Create silence' }).click();
    await page.getByRole('cell', { name: 'Password audit this afternoon' }).waitFor();
    const silences = await store.silences.list({ activeAt: Date.now() });
    expect(silences.map((s) => [s.matchers, s.createdBy])).toEqual([
      [[{ field: 'source.ip', value: ATTACKER }], ADMIN.name],
      [[{ field: 'rule', value: 'ssh-brute-force-user' }], ADMIN.name],
    ]);
    const muted = silences[0];
    expect(muted && muted.endsAt - muted.startsAt).toBe(2 * 3_600_000);

    await page.goto(`${server.url}/incidents?status=open`);
    await page.getByText('No incidents match.').waitFor();
    await page.getByRole('checkbox', { name: 'resolved' }).check();
    await page.getByRole('row', { name: /SSH brute force from one address/ }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=open%2Cresolved');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    const rule = page.getByRole('row', { name: /ssh-brute-force-user/ });
    await rule.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Give the reason for switching a rule first').waitFor();
    await page.getByLabel('Reason for switching a rule').fill('noisy during the pentest');
    await rule.getByRole('button', { name: 'Disable' }).click();
    await rule.getByRole('button', { name: 'Enable' }).waitFor();

    await page.goto(`${server.url}/incidents/1`);
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.locator('.incident-badges').getByText('open', { exact: true }).waitFor();
    expect(await store.incidents.get(1)).toMatchObject({ status: 'open' });
    await page.context().close();
  });

  it('shows a viewer the incident without any button that changes it', async () => {
    const page = await openPage(1280, 800);
    await logIn(page, VIEWER);
    // The overview lists the cases and the response times per priority.
    await page.getByTestId('case-list').getByText('Case #1:').waitFor();
    await page.getByTestId('response-times').getByRole('cell', { name: 'P2' }).waitFor();
    await expect(page.getByTestId('axis-titles').textContent()).resolves.toMatch(
      /^x: day \(UTC, month-day, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\) · y: incidents opened$/,
    );
    await page.goto(`${server.url}/incidents/1`);
    await page.getByText('You have read-only access (viewer)').waitFor();
    // Chromium runs in UTC here; the attempts chart names its time zone and date.
    await expect(page.getByTestId('axis-titles').textContent()).resolves.toMatch(
      /^x: time \(\S+\)(, \d{4}-\d{2}-\d{2})? · y: attempts per minute \(matching events\)$/,
    );
    // Klaxon's own audit lines are quiet, people's stand out.
    await expect(page.locator('.audit li.audit-engine').first().textContent()).resolves.toContain('klaxon');
    await expect(page.locator('.audit li.audit-person').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.incident button, .incident textarea').count()).resolves.toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('row', { name: /ssh-brute-force-source/ }).waitFor();
    await expect(page.locator('.table button').count()).resolves.toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Silences' }).click();
    await page.getByRole('heading', { name: 'Silences' }).waitFor();
    await expect(page.getByRole('button', { name: 'Create silence' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('says on the incident page which incidents it was sent in a group with and its case', async () => {
    await store.notificationGroups.recordMessage({
      route: 'page',
      key: 'page:{rule}',
      serials: [1, 7, 8],
      at: 1_000,
    });
    const page = await openPage(1280, 800);
    await logIn(page, VIEWER);
    await page.goto(`${server.url}/incidents/1`);
    const note = page.getByTestId('group-note');
    await note.waitFor();
    expect(await note.textContent()).toBe('Sent in group with #7, #8 (route page, 1 group message)');
    expect(await note.getByRole('link', { name: '#8' }).getAttribute('href')).toBe('/incidents/8');
    // Another incident about the same address at the same time joins #1's case.
    const first = (await store.incidents.get(1)) as Incident;
    const member = await assignCase(
      store.cases,
      await store.incidents.open({
        ...pick(first, ['count', 'firstSeen', 'lastSeen', 'openedAt', 'severity', 'confidence', 'priority']),
        ...pick(first, ['attack', 'samples']),
        episodeId: 'e2e-case-member',
        ruleId: 'ssh-brute-force-user',
        title: 'SSH brute force on one account',
        group: { 'user.name': 'root' },
      }),
    );
    await page.reload();
    const incidentCase = page.getByTestId('case-section');
    await expect(incidentCase.getByRole('heading').textContent()).resolves.toBe('Case #1: 2 incidents');
    expect(await incidentCase.getByRole('link', { name: `#${member.serial}` }).getAttribute('href')).toBe(
      `/incidents/${member.serial}`,
    );
    await page.context().close();
  });

  it('fits a phone screen', async () => {
    const page = await openPage(390, 844);
    await logIn(page, ADMIN);
    await page.locator('.open-counts').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-390.png'), fullPage: true });
    await expect(sidewaysOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await page.goto(`${server.url}/incidents/1`);
    await page.getByRole('heading', { name: /#1 SSH brute force/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'incident-390.png'), fullPage: true });
    await expect(sidewaysOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('ran without console errors or Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
