import { describeChannelContract } from '../channel.contract.ts';
import { webhookChannel } from './index.ts';
import { HUB_SECRET, NEW_SECRET, OLD_SECRET, TOKEN } from './testdata/secrets.ts';

const secrets = {
  signing_secrets: [NEW_SECRET, OLD_SECRET],
  hub_secret: HUB_SECRET,
  secret_headers: { Authorization: `Bearer ${TOKEN}` },
};

describeChannelContract(webhookChannel, {
  config: { url: 'https://soar.example.com/hooks/klaxon', headers: { 'X-Team': 'soc' } },
  secrets,
  invalidConfigs: [
    {},
    { url: 'ftp://soar.example.com/' },
    { url: 'https://user:pass@soar.example.com/' },
    { url: 'https://soar.example.com/', method: 'GET' },
    { url: 'https://soar.example.com/', headers: { 'webhook-signature': 'v1,forged' } },
    { url: 'https://soar.example.com/', headers: { 'X-Evil': 'a\r\nInjected: 1' } },
    { url: 'https://soar.example.com/', max_body_bytes: 100 },
    { url: 'https://soar.example.com/', unknown: true },
  ],
  invalidSecrets: [
    {},
    { signing_secrets: [] },
    { signing_secrets: 'not-a-whsec' },
    { signing_secrets: 'whsec_c2hvcnQ=' },
    { signing_secrets: [NEW_SECRET], hub_secret: 'short' },
    { signing_secrets: [NEW_SECRET], secret_headers: { 'Content-Type': 'text/plain' } },
  ],
  secretValues: [NEW_SECRET, OLD_SECRET, HUB_SECRET, TOKEN, NEW_SECRET.slice('whsec_'.length)],
  checkPayload(payload) {
    if (Buffer.byteLength(JSON.stringify(payload)) > 256 * 1024) throw new Error('body above max_body_bytes');
  },
  http: {
    target: (peerUrl) => ({ config: { url: `${peerUrl}/hooks/klaxon` }, secrets }),
    reply: (status) => ({ body: { error: status >= 500 ? 'upstream unavailable' : 'rejected' } }),
  },
});
