import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decrypt, generateKey, readMessage, readPrivateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResult } from '../channel.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderEmail } from './render.ts';
import { emailConfigSchema, emailSecretsSchema } from './schema.ts';
import { sendEmail } from './send.ts';
import { createSelfSignedCertificate } from './testdata/self-signed-cert.ts';
import type { TestCertificate } from './testdata/self-signed-cert.ts';
import { startSmtpPeer } from './testdata/smtp-peer.ts';
import type { SmtpPeer } from './testdata/smtp-peer.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ARMORED_MESSAGE = /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/;

interface KeyPair {
  publicKey: string;
  privateKey: string;
}

let tls: TestCertificate;
let server: SmtpPeer;
let dir: string;
let alice: KeyPair;
let bob: KeyPair;

beforeAll(async () => {
  tls = createSelfSignedCertificate();
  server = await startSmtpPeer({
    secure: true,
    tls: { key: tls.key, cert: tls.cert },
    users: { klaxon: 'pw-123456' },
  });
  dir = mkdtempSync(join(tmpdir(), 'klaxon-pgp-'));
  const makeKeys = (email: string) =>
    generateKey({ userIDs: [{ email }], date: new Date(NOW - 86_400_000), format: 'armored' });
  [alice, bob] = await Promise.all([makeKeys('alice@example.com'), makeKeys('bob@example.com')]);
  writeFileSync(join(dir, 'bob.asc'), bob.publicKey);
});
afterAll(async () => {
  await server.close();
  tls.remove();
  rmSync(dir, { recursive: true, force: true });
});

async function send(keys: Record<string, string>, to = Object.keys(keys)): Promise<SendResult> {
  const config = emailConfigSchema.parse({
    from: 'klaxon@example.com',
    to,
    ca_file: tls.certFile,
    pgp_public_keys: keys,
  });
  return sendEmail(renderEmail(sampleNotification(), config), {
    config,
    secrets: emailSecretsSchema.parse({ smtp_url: `smtps://klaxon:pw-123456@localhost:${server.port}` }),
    fetch,
    signal: new AbortController().signal,
    now: () => NOW,
    idempotencyKey: 'ntf-42-opened-soc',
  });
}

async function decryptMail(raw: string, privateKey: string): Promise<string> {
  const armoredMessage = ARMORED_MESSAGE.exec(raw)?.[0] ?? '';
  const { data } = await decrypt({
    message: await readMessage({ armoredMessage }),
    decryptionKeys: await readPrivateKey({ armoredKey: privateKey }),
    format: 'binary',
  });
  return Buffer.from(data).toString('utf8');
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('sendEmail with OpenPGP', () => {
  it('sends each recipient a PGP/MIME message only their key opens, under a neutral subject', async () => {
    const before = server.mails.length;
    const result = await send({
      'alice@example.com': alice.publicKey,
      'bob@example.com': join(dir, 'bob.asc'),
    });
    expect(result).toMatchObject({ kind: 'ok' });
    const [toAlice, toBob] = server.mails.slice(before);
    expect(toAlice?.to).toEqual(['alice@example.com']);
    expect(toBob?.to).toEqual(['bob@example.com']);
    for (const mail of [toAlice, toBob]) {
      expect(mail?.raw).toContain('Subject: Klaxon notification #42\r\n');
      expect(mail?.raw).toMatch(/Content-Type: multipart\/encrypted; protocol="application\/pgp-encrypted"/);
      expect(mail?.raw).toContain('Version: 1');
      for (const leak of ['24.151.103.17', 'SSH brute force', '[P2]', 'elastic_user_0'])
        expect(mail?.raw).not.toContain(leak);
    }

    const inner = await decryptMail(toAlice?.raw ?? '', alice.privateKey);
    expect(inner).toContain('Subject: [P2] #42 SSH brute force from one address (opened)');
    expect(inner).toMatch(/Content-Type: multipart\/alternative; protected-headers="?v1/);
    expect(decodeQuotedPrintable(inner)).toContain('who/where: source.ip=24.151.103.17');
    expect(await decryptMail(toBob?.raw ?? '', bob.privateKey)).toContain('To: bob@example.com');
    await expect(decryptMail(toAlice?.raw ?? '', bob.privateKey)).rejects.toThrow();
  });

  it('refuses a private key in the config instead of sending', async () => {
    const result = await send({ 'alice@example.com': alice.privateKey });
    expect(result).toEqual({
      kind: 'fail',
      reason: 'config',
      message:
        'the armored key in pgp_public_keys for alice@example.com is a private key; configure the public key only',
    });
    expect(JSON.stringify(result)).not.toContain('PRIVATE KEY');
  });

  it('fails with config when a key file is missing, sending nothing', async () => {
    const before = server.mails.length;
    const result = await send({
      'alice@example.com': alice.publicKey,
      'bob@example.com': join(dir, 'missing.asc'),
    });
    expect(result).toMatchObject({
      kind: 'fail',
      reason: 'config',
      message: expect.stringMatching(/cannot read key file .*missing.asc for bob@example.com \(ENOENT\)/),
    });
    expect(server.mails.length).toBe(before);
  });

  it('rejects a config where a recipient has no key', () => {
    const parsed = emailConfigSchema.safeParse({
      from: 'klaxon@example.com',
      to: ['alice@example.com', 'carol@example.com'],
      pgp_public_keys: { 'alice@example.com': alice.publicKey },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['to', 1],
      message: expect.stringContaining('carol@example.com has no key'),
    });
  });
});
