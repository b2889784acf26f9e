import { expect } from 'vitest';
import { describeChannelContract } from '../channel.contract.ts';
import { emailChannel } from './index.ts';

const ARMORED = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxjMEZ...\n-----END PGP PUBLIC KEY BLOCK-----';

describeChannelContract(emailChannel, {
  config: {
    from: 'Klaxon <klaxon@example.com>',
    to: ['soc@example.com', 'oncall@example.com'],
    ca_file: '/etc/klaxon/ca.pem',
  },
  secrets: { smtp_url: 'smtps://klaxon:Sup3r%2Fsecret@mail.example.com:465' },
  invalidConfigs: [
    { to: ['soc@example.com'] },
    { from: 'Klaxon', to: ['soc@example.com'] },
    { from: 'klaxon@example.com', to: [] },
    { from: 'klaxon@example.com', to: ['not an address'] },
    { from: 'klaxon@example.com', to: ['soc@example.com'], tls_reject_unauthorized: 'no' },
    { from: 'klaxon@example.com', to: ['soc@example.com'], smtp_url: 'smtp://in-config.example.com' },
    {
      from: 'klaxon@example.com',
      to: ['soc@example.com', 'b@example.com'],
      pgp_public_keys: { 'soc@example.com': ARMORED },
    },
  ],
  invalidSecrets: [
    {},
    { smtp_url: 'https://mail.example.com' },
    { smtp_url: 'smtp://' },
    { smtp_url: 'smtp://host', extra: 1 },
  ],
  secretValues: ['Sup3r/secret', 'Sup3r%2Fsecret'],
  checkPayload(payload, notification) {
    expect(payload.subject.length, notification.id).toBeLessThanOrEqual(200);
    expect(payload.subject).not.toMatch(/[\r\n]/);
    expect(payload.html).not.toMatch(/<script|<b>|<i>/);
    expect(payload.text.length).toBeLessThan(110_000);
    expect(payload.html.length).toBeLessThan(700_000);
  },
});
