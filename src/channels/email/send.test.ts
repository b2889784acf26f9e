import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResult } from '../channel.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderEmail } from './render.ts';
import { emailConfigSchema, emailSecretsSchema } from './schema.ts';
import { sendEmail } from './send.ts';
import { createSelfSignedCertificate } from './testdata/self-signed-cert.ts';
import type { TestCertificate } from './testdata/self-signed-cert.ts';
import { startSmtpPeer } from './testdata/smtp-peer.ts';
import type { SmtpPeer, SmtpPeerOptions } from './testdata/smtp-peer.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const PASSWORD = 'S3cret:p@ss/word';
const SMTP_PASSWORD = encodeURIComponent(PASSWORD);

let tls: TestCertificate;
const peers: SmtpPeer[] = [];

beforeAll(() => {
  tls = createSelfSignedCertificate();
});
afterAll(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
  tls.remove();
});

async function peer(options: Omit<SmtpPeerOptions, 'tls'> & { plain?: boolean }): Promise<SmtpPeer> {
  const started = await startSmtpPeer({
    users: { klaxon: PASSWORD },
    ...options,
    ...(!options.plain && { tls: { key: tls.key, cert: tls.cert } }),
  });
  peers.push(started);
  return started;
}

async function send(
  smtpUrl: string,
  config: Record<string, unknown> = {},
  signal = new AbortController().signal,
  notification = sampleNotification(),
): Promise<SendResult> {
  const parsed = emailConfigSchema.parse({
    from: 'Klaxon <klaxon@example.com>',
    to: ['soc@example.com'],
    ca_file: tls.certFile,
    ...config,
  });
  const result = await sendEmail(renderEmail(notification, parsed), {
    config: parsed,
    secrets: emailSecretsSchema.parse({ smtp_url: smtpUrl }),
    fetch,
    signal,
    now: () => NOW,
    idempotencyKey: 'ntf-42-opened-soc',
  });
  if (process.env.SHOW_RESULTS) console.log(JSON.stringify(result));
  expect(JSON.stringify(result)).not.toContain(PASSWORD);
  expect(JSON.stringify(result)).not.toContain(SMTP_PASSWORD);
  return result;
}

describe('sendEmail over SMTPS', () => {
  it('delivers text and HTML over TLS with AUTH PLAIN, under the incident subject', async () => {
    const server = await peer({ secure: true, authMethods: ['PLAIN'] });
    const result = await send(`smtps://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`);
    // The opening mail's Message-ID is the incident's: every later mail answers it.
    expect(result).toEqual({ kind: 'ok', providerMessageId: '<incident-42@example.com>' });
    const [mail] = server.mails;
    expect(mail).toMatchObject({
      from: 'klaxon@example.com',
      to: ['soc@example.com'],
      secure: true,
      user: 'klaxon',
      authMethod: 'PLAIN',
    });
    expect(mail?.raw).toContain('Subject: [P2] #42 SSH brute force from one address (opened)');
    expect(mail?.raw).toContain('Message-ID: <incident-42@example.com>');
    expect(mail?.raw).not.toContain('In-Reply-To');
    expect(mail?.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail?.raw).toMatch(/Content-Type: text\/html/);
  });

  it("sends a person's action in the incident's thread", async () => {
    const server = await peer({ secure: true, authMethods: ['PLAIN'] });
    const acked = sampleNotification({
      kind: 'person-action',
      personAction: { action: 'ack', by: 'alice', at: NOW, text: 'looking' },
    });
    const result = await send(
      `smtps://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`,
      {},
      new AbortController().signal,
      acked,
    );
    expect(result).toEqual({ kind: 'ok', providerMessageId: '<ntf-42-opened-soc@example.com>' });
    const raw = server.mails[0]?.raw ?? '';
    expect(raw).toContain('In-Reply-To: <incident-42@example.com>');
    expect(raw).toContain('References: <incident-42@example.com>');
    expect(raw).toContain('Subject: [P2] #42 SSH brute force from one address (acknowledged by alice)');
  });

  it('fails with a config explanation when the certificate is not trusted', async () => {
    const server = await peer({ secure: true });
    const result = await send(`smtps://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`, {
      ca_file: undefined,
    });
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect(result.kind !== 'ok' && result.message).toMatch(/TLS .*self-signed.*ca_file/);
    expect(server.mails).toHaveLength(0);
  });

  it('accepts an untrusted certificate only when tls_reject_unauthorized is false', async () => {
    const server = await peer({ secure: true });
    const result = await send(`smtps://klaxon:${SMTP_PASSWORD}@127.0.0.1:${server.port}`, {
      ca_file: undefined,
      tls_reject_unauthorized: false,
    });
    expect(result.kind).toBe('ok');
  });
});

describe('sendEmail over STARTTLS', () => {
  it('upgrades with STARTTLS before AUTH LOGIN', async () => {
    const server = await peer({ authMethods: ['LOGIN'] });
    expect(await send(`smtp://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`)).toMatchObject({
      kind: 'ok',
    });
    expect(server.mails[0]).toMatchObject({ secure: true, user: 'klaxon', authMethod: 'LOGIN' });
  });

  it('refuses to send in plain text when the server offers no STARTTLS', async () => {
    const server = await peer({ plain: true, allowInsecureAuth: true });
    const result = await send(`smtp://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`);
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect(result.kind !== 'ok' && result.message).toMatch(/does not offer STARTTLS.*allow_plain/);
    expect(server.mails).toHaveLength(0);
  });

  it('sends in plain text to a local relay when allow_plain is set', async () => {
    const server = await peer({ plain: true, users: undefined });
    expect(await send(`smtp://localhost:${server.port}`, { allow_plain: true })).toMatchObject({
      kind: 'ok',
    });
    expect(server.mails[0]).toMatchObject({ secure: false });
  });

  it('fails with a config explanation when the STARTTLS certificate is not trusted', async () => {
    const server = await peer({});
    const result = await send(`smtp://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`, {
      ca_file: undefined,
    });
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect(result.kind !== 'ok' && result.message).toMatch(/ca_file/);
  });
});

describe('sendEmail reply classification', () => {
  it('fails with auth when the password is wrong (535), without echoing it', async () => {
    const server = await peer({ secure: true });
    const result = await send(
      `smtps://klaxon:${encodeURIComponent('wrong-Passw0rd')}@localhost:${server.port}`,
    );
    expect(result).toMatchObject({ kind: 'fail', reason: 'auth' });
    expect(result.kind !== 'ok' && result.message).toMatch(/^SMTP reply at AUTH: 535 /);
    expect(JSON.stringify(result)).not.toContain('wrong-Passw0rd');
  });

  it('retries when the server answers 451 to the recipient', async () => {
    const server = await peer({
      secure: true,
      rejectRecipient: () => ({ code: 451, text: '4.7.1 Greylisted, try again later' }),
    });
    const result = await send(`smtps://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`);
    expect(result).toMatchObject({
      kind: 'retry',
      reason: 'server',
      message: expect.stringMatching(/^SMTP reply at RCPT TO: 451 /),
    });
  });

  it('fails with config when the mailbox is unavailable (550)', async () => {
    const server = await peer({
      secure: true,
      rejectRecipient: () => ({ code: 550, text: '5.1.1 Mailbox unavailable' }),
    });
    const result = await send(`smtps://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`);
    expect(result).toMatchObject({
      kind: 'fail',
      reason: 'config',
      message: expect.stringMatching(/550 .*refused the recipient/),
    });
  });

  it('fails with payload when the server refuses the message itself (554 after DATA)', async () => {
    const server = await peer({
      secure: true,
      rejectData: { code: 554, text: '5.7.1 Message rejected as spam' },
    });
    expect(await send(`smtps://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`)).toMatchObject({
      kind: 'fail',
      reason: 'payload',
    });
  });

  it('reports a refused recipient as a failure even when another one got the message', async () => {
    const server = await peer({
      secure: true,
      rejectRecipient: (address) =>
        address === 'gone@example.com' ? { code: 550, text: '5.1.1 No such user' } : undefined,
    });
    const result = await send(`smtps://klaxon:${SMTP_PASSWORD}@localhost:${server.port}`, {
      to: ['soc@example.com', 'gone@example.com'],
    });
    expect(result).toMatchObject({
      kind: 'fail',
      reason: 'config',
      message: expect.stringMatching(/refused gone@example.com .*delivered to soc@example.com/),
    });
    expect(server.mails[0]?.to).toEqual(['soc@example.com']);
  });
});

describe('sendEmail network failures', () => {
  it('retries with network when nothing listens', async () => {
    const closed = await startSmtpPeer({});
    await closed.close();
    expect(await send(`smtps://klaxon:${SMTP_PASSWORD}@127.0.0.1:${closed.port}`)).toMatchObject({
      kind: 'retry',
      reason: 'network',
    });
  });

  it('retries with timeout when the server never greets', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const result = await send(`smtp://klaxon:${SMTP_PASSWORD}@127.0.0.1:${port}`, { timeout_ms: 100 });
      expect(result).toMatchObject({ kind: 'retry', reason: 'timeout' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('retries with timeout when the outbox aborts a session in progress', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const controller = new AbortController();
    silent.once('connection', (socket) => {
      controller.abort();
      socket.destroy();
    });
    try {
      const result = await send(`smtp://klaxon:${SMTP_PASSWORD}@127.0.0.1:${port}`, {}, controller.signal);
      expect(result).toEqual({ kind: 'retry', reason: 'timeout', message: 'sending was aborted' });
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('retries with timeout when the attempt is aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await send(`smtps://klaxon:${SMTP_PASSWORD}@127.0.0.1:1`, {}, controller.signal)).toMatchObject({
      kind: 'retry',
      reason: 'timeout',
    });
  });

  it('fails with config when ca_file cannot be read', async () => {
    const result = await send(`smtps://klaxon:${SMTP_PASSWORD}@127.0.0.1:1`, {
      ca_file: '/nonexistent/ca.pem',
    });
    expect(result).toEqual({
      kind: 'fail',
      reason: 'config',
      message: 'cannot read ca_file /nonexistent/ca.pem (ENOENT)',
    });
  });
});
