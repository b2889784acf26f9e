import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_INHIBITION_RULES } from './default-inhibitions.ts';
import { Inhibitor } from './inhibition.ts';
import { makeIncident } from './testdata/make-incident.ts';

const RULES_DIR = new URL('../../../rules/', import.meta.url);

/** An incident of `ruleId` for one source address. */
const byAddress = (ruleId: string, ip: string) => makeIncident({ ruleId, group: { 'source.ip': ip } });

/** Rule id -> group_by of the shipped rule pack. */
function readRulePack(): Map<string, string[]> {
  const pack = new Map<string, string[]>();
  for (const file of readdirSync(RULES_DIR).filter((name) => name.endsWith('.yml'))) {
    const parsed: unknown = parse(readFileSync(new URL(file, RULES_DIR), 'utf8'));
    for (const rule of (Array.isArray(parsed) ? parsed : [parsed]) as { id: string; group_by?: string[] }[]) {
      pack.set(rule.id, rule.group_by ?? []);
    }
  }
  return pack;
}

describe('default inhibitions', () => {
  const pack = readRulePack();

  it('mutes the failure rules about an account once it is likely compromised', () => {
    expect(DEFAULT_INHIBITION_RULES).toContainEqual({
      source: 'auth-success-after-failures',
      targets: [
        'ssh-brute-force-user',
        'windows-logon-failure-user',
        'app-login-failures-user',
        'windows-kerberos-preauth-failures',
        'windows-ntlm-failures',
      ],
      equal: ['user.name'],
    });
  });

  it('mutes SSH probing from an address whose password guessing is an incident already', () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const guessing = byAddress('ssh-brute-force-source', '203.0.113.9');
    const probing = byAddress('ssh-probing-source', '203.0.113.9');
    const elsewhere = byAddress('ssh-probing-source', '198.51.100.4');
    expect(inhibitor.isInhibited(probing, [guessing, probing, elsewhere])).toBe(true);
    expect(inhibitor.isInhibited(elsewhere, [guessing, probing, elsewhere])).toBe(false);
    expect(inhibitor.isInhibited(guessing, [guessing, probing])).toBe(false);
  });

  it("mutes PAM's report of the guesses a mail or FTP server's incident already counts", () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const bySourceAddress = (ruleId: string, address: string) =>
      makeIncident({ ruleId, group: { 'source.address': address } });
    const mail = bySourceAddress('mail-auth-failures-source', '203.0.113.50');
    const pam = bySourceAddress('pam-brute-force-source', '203.0.113.50');
    const other = bySourceAddress('pam-brute-force-source', '198.51.100.50');
    expect(inhibitor.isInhibited(pam, [mail, pam, other])).toBe(true);
    expect(inhibitor.isInhibited(other, [mail, pam, other])).toBe(false);
    expect(inhibitor.isInhibited(mail, [mail, pam])).toBe(false);
    // vsftpd's own failures likewise, for its PAM lines in auth.log.
    const ftp = bySourceAddress('ftp-brute-force-source', '198.51.100.50');
    expect(inhibitor.isInhibited(other, [ftp, other])).toBe(true);
  });

  it("mutes the access log's 401s of the HTTP auth guesses the error log names", () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const named = byAddress('web-http-auth-failures-source', '203.0.113.80');
    const refused = byAddress('web-auth-failures-source', '203.0.113.80');
    const login = byAddress('web-login-failures-source', '203.0.113.80');
    const elsewhere = byAddress('web-auth-failures-source', '198.51.100.80');
    const all = [named, refused, login, elsewhere];
    expect(inhibitor.isInhibited(refused, all)).toBe(true);
    expect(inhibitor.isInhibited(login, all)).toBe(true);
    expect(inhibitor.isInhibited(elsewhere, all)).toBe(false);
    expect(inhibitor.isInhibited(named, all)).toBe(false);
  });

  it('mutes a flood of login POSTs from an address whose WordPress logins were refused', () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const wordpress = byAddress('wordpress-login-failures-source', '203.0.113.82');
    const flood = byAddress('web-login-flood-source', '203.0.113.82');
    const elsewhere = byAddress('web-login-flood-source', '198.51.100.82');
    expect(inhibitor.isInhibited(flood, [wordpress, flood, elsewhere])).toBe(true);
    expect(inhibitor.isInhibited(elsewhere, [wordpress, flood, elsewhere])).toBe(false);
  });

  it("mutes an application's 20-per-address incident where its own log's 5 per address opened one", () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const of = (ruleId: string, service: string, ip: string) =>
      makeIncident({ ruleId, group: { 'service.name': service, 'source.ip': ip } });
    const own = of('self-hosted-login-failures-source', 'nextcloud', '203.0.113.81');
    const panel = of('admin-panel-login-failures-source', 'webmin', '203.0.113.81');
    const counted = of('app-login-failures-source', 'nextcloud', '203.0.113.81');
    const webmin = of('app-login-failures-source', 'webmin', '203.0.113.81');
    const otherApp = of('app-login-failures-source', 'shop', '203.0.113.81');
    const all = [own, panel, counted, webmin, otherApp];
    expect(inhibitor.isInhibited(counted, all)).toBe(true);
    expect(inhibitor.isInhibited(webmin, all)).toBe(true);
    // Another application at the same address (the ingest API's) is its own incident.
    expect(inhibitor.isInhibited(otherApp, all)).toBe(false);
    expect(inhibitor.isInhibited(own, all)).toBe(false);
  });

  it("lets a web scanner's exploit attempts speak for its wordlist and its User-Agent", () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const exploit = byAddress('web-exploit-attempt', '203.0.113.77');
    const scan = byAddress('web-content-scan-source', '203.0.113.77');
    const agent = byAddress('web-scanner-user-agent', '203.0.113.77');
    const otherAgent = byAddress('web-scanner-user-agent', '198.51.100.4');
    const all = [exploit, scan, agent, otherAgent];
    expect(inhibitor.isInhibited(scan, all)).toBe(true);
    expect(inhibitor.isInhibited(agent, all)).toBe(true);
    expect(inhibitor.isInhibited(exploit, all)).toBe(false);
    expect(inhibitor.isInhibited(otherAgent, all)).toBe(false);
    // Without exploit attempts, the scan still mutes the tool's name, and is heard itself.
    expect(inhibitor.isInhibited(agent, [scan, agent])).toBe(true);
    expect(inhibitor.isInhibited(scan, [scan, agent])).toBe(false);
  });

  it("lets the access log's 403s and a scanner's exploit attempts speak for the error log's refusals", () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const refused = byAddress('web-denied-requests-source', '203.0.113.78');
    const forbidden = byAddress('web-auth-failures-source', '203.0.113.78');
    const exploit = byAddress('web-exploit-attempt', '203.0.113.78');
    const elsewhere = byAddress('web-auth-failures-source', '198.51.100.5');
    expect(inhibitor.isInhibited(refused, [refused, forbidden])).toBe(true);
    expect(inhibitor.isInhibited(refused, [refused, exploit])).toBe(true);
    expect(inhibitor.isInhibited(refused, [refused, elsewhere])).toBe(false);
    expect(inhibitor.isInhibited(forbidden, [refused, forbidden])).toBe(false);
  });

  it("lets the firewall's rules speak for its blocks and the access log's signatures of the same attack", () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const rules = byAddress('web-waf-rules-source', '203.0.113.79');
    const blocks = byAddress('web-waf-blocks-source', '203.0.113.79');
    const exploit = byAddress('web-exploit-attempt', '203.0.113.79');
    const all = [rules, blocks, exploit];
    expect(inhibitor.isInhibited(blocks, all)).toBe(true);
    expect(inhibitor.isInhibited(exploit, all)).toBe(true);
    expect(inhibitor.isInhibited(rules, all)).toBe(false);
    expect(inhibitor.isInhibited(blocks, [blocks, exploit])).toBe(false);
  });

  it('lets a Shellshock header that reached a CGI script speak for the User-Agent that carried it', () => {
    const inhibitor = new Inhibitor(DEFAULT_INHIBITION_RULES);
    const reached = byAddress('web-exploit-reached-cgi', '203.0.113.80');
    const agent = byAddress('web-exploit-user-agent', '203.0.113.80');
    expect(inhibitor.isInhibited(agent, [reached, agent])).toBe(true);
    expect(inhibitor.isInhibited(reached, [reached, agent])).toBe(false);
  });

  it.each(
    DEFAULT_INHIBITION_RULES.flatMap((rule) => [rule.source, ...rule.targets].map((id) => ({ id, rule }))),
  )('names shipped rule $id, which groups by every equal field', ({ id, rule }) => {
    expect(pack.has(id)).toBe(true);
    for (const field of rule.equal) expect(pack.get(id)).toContain(field);
  });
});
