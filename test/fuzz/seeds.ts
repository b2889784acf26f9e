import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetUrl } from '../support/datasets.ts';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function filesIn(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** The non-blank lines of a fixture, by its path in the repository. */
export function fixtureLines(path: string): string[] {
  return lines(readFileSync(repo(path), 'utf8'));
}

/** The sshd parser's fixtures: OpenSSH's variants, Dropbear, and the other services in syslog. */
const SSHD_FIXTURES = [
  'openssh-variants',
  'dropbear',
  'mail-and-old-pam',
  'mail-servers',
  'smtp-violations',
  'macos',
  'ftp',
  'apache',
  'mysql',
  'web-admin',
  'haproxy',
  'slapd',
  'apps',
  'cms-and-panels',
  'firewall',
  'filterlog',
  'cisco-asa',
  'cisco-asa-headers',
  'fortigate',
  'panos',
  'sonicwall',
  'sophos',
  'cisco-ios',
  'juniper-srx',
];

let authLog: string[] | undefined;
/** Every line of the real auth.log (public dataset) and of the sshd parser's fixtures. */
export function sshdLines(): string[] {
  authLog ??= [
    ...lines(readFileSync(datasetUrl('sshd/auth.log'), 'utf8')),
    ...SSHD_FIXTURES.flatMap((name) => fixtureLines(`src/parsers/sshd/testdata/${name}.log`)),
  ];
  return authLog;
}

/** The same lines as RFC 5424: `<38>1 2024-03-27T13:06:56.000Z host sshd 42 - - message`. */
export function rfc5424Lines(): string[] {
  const header = /^(\w{3}) +(\d+) (\d\d:\d\d:\d\d) (\S+) ([^\s[:]+)(?:\[(\d+)\])?: (.*)$/;
  const months = 'JanFebMarAprMayJunJulAugSepOctNovDec';
  const converted: string[] = [];
  for (const line of sshdLines()) {
    const match = header.exec(line);
    if (!match) continue;
    const [, month = '', day = '', time, host, program, pid, message] = match;
    const monthNumber = String(months.indexOf(month) / 3 + 1).padStart(2, '0');
    const date = `2024-${monthNumber}-${day.padStart(2, '0')}T${time}.000Z`;
    const sd = converted.length % 3 === 0 ? '[origin ip="192.0.2.1" software="rsyslogd"]' : '-';
    converted.push(`<38>1 ${date} ${host} ${program} ${pid ?? '-'} - ${sd} ${message}`);
  }
  return converted;
}

/**
 * The same lines as OpenWrt's logread writes them: `Sun Mar 27 13:06:56 2024 authpriv.info sshd[42]:
 * message`, every other one with `logread -t`'s `[seconds.ms]` stamp.
 */
export function logreadLines(): string[] {
  const header = /^(\w{3}) +(\d+) (\d\d:\d\d:\d\d) \S+ (.*)$/;
  return sshdLines().flatMap((line, index) => {
    const match = header.exec(line);
    if (!match) return [];
    const [, month = '', day = '', time = '', rest] = match;
    const date = new Date(`${month} ${day} 2024 ${time}Z`);
    const weekday = date.toUTCString().slice(0, 3);
    const stamp =
      index % 2 === 0
        ? ''
        : `[${Math.floor(date.getTime() / 1000)}.${String(index % 1000).padStart(3, '0')}] `;
    return [`${weekday} ${month} ${day.padStart(2, ' ')} ${time} 2024 ${stamp}authpriv.info ${rest}`];
  });
}

let windows: string[] | undefined;
/** Every Winlogbeat JSON line of the public evtx-to-mitre-attack dataset and of the windows fixtures. */
export function windowsLines(): string[] {
  windows ??= [
    ...filesIn(fileURLToPath(datasetUrl('windows/evtx-to-mitre-attack/jsonl/')), /\.jsonl$/).flatMap((file) =>
      lines(readFileSync(file, 'utf8')),
    ),
    ...filesIn(repo('src/parsers/windows/testdata'), /\.json$/).map((file) =>
      JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))),
    ),
  ];
  return windows;
}

let windowsXml: string[] | undefined;

/** The same Windows records as XML, as the EVTX held them (python-evtx's rendering), one a line. */
export function windowsXmlLines(): string[] {
  windowsXml ??= windowsLines().flatMap((line) => {
    const original = (JSON.parse(line) as { event?: { original?: unknown } }).event?.original;
    return typeof original === 'string' && original.startsWith('<Event')
      ? [original.trimEnd().replace(/>\n+</g, '><')]
      : [];
  });
  return windowsXml;
}

/** Application events (ECS NDJSON) of the ndjson fixture. */
export function appEventLines(): string[] {
  return lines(readFileSync(repo('src/parsers/ndjson/testdata/app-events.ndjson'), 'utf8'));
}

/** The rule pack (rules/*.yml) and the rule loader's fixtures, one file's text each. */
export function ruleFiles(): string[] {
  return [
    ...filesIn(repo('rules'), /\.ya?ml$/),
    ...['valid', 'mistakes', 'duplicates'].flatMap((folder) =>
      filesIn(repo(`src/rules/testdata/${folder}`), /\.ya?ml$/),
    ),
  ].map((file) => readFileSync(file, 'utf8'));
}

/** The config loader's klaxon.yaml fixtures: complete, real channel types, and every kind of mistake. */
export function configFiles(): string[] {
  return ['valid/klaxon.yaml', 'real/klaxon.yaml', 'mistakes.yaml'].map((name) =>
    readFileSync(repo(`src/config/testdata/${name}`), 'utf8'),
  );
}

/** The ```yaml blocks of the README that are klaxon.yaml (they start with `store:`). */
export function readmeConfigs(): string[] {
  const readme = readFileSync(repo('README.md'), 'utf8');
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((match) => match[1] as string)
    .filter((block) => block.startsWith('store:'));
}
