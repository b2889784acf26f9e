/** What a demo day contains, so a test can check that detection finds exactly these attacks. */

export type AttackKind =
  'brute-force' | 'password-spray' | 'brute-force-then-success' | 'csrf-token-failures' | 'forbidden-access';

export type DemoChannel = 'sshd' | 'windows' | 'app';

export interface AttackTruth {
  /** Stable id, e.g. `ssh-brute-force`. */
  id: string;
  kind: AttackKind;
  channel: DemoChannel;
  /** MITRE ATT&CK technique. */
  technique: string;
  description: string;
  /** Epoch ms of the first and the last attack event (sshd: whole seconds, as syslog shows them). */
  start: number;
  end: number;
  sourceIp: string;
  /** Accounts attacked; for `forbidden-access` the logged-in account that misbehaves. */
  users: string[];
  /** host.name / the syslog host / service.name the events carry. */
  host: string;
  /**
   * Attack events as a parser emits them: one per Winlogbeat or app document, one per sshd
   * Failed/Invalid/Accepted line, five for `message repeated 5 times: [...]`.
   */
  events: number;
  /** Events with `event.outcome: failure`. sshd `Invalid user` lines count here, as Filebeat counts them. */
  failures: number;
  successes: number;
  /** Events per kind: sshd `Failed`/`Invalid`/`Accepted`, Windows event code, app `event.action`. */
  breakdown: Record<string, number>;
}

export interface ScenarioTruth {
  /** The simulated day: [start, end) in epoch ms. */
  start: number;
  end: number;
  /** Syslog lines carry no year and are rendered in UTC: read them with this year. */
  syslogYear: number;
  attacks: AttackTruth[];
  /** Internet noise on sshd: each address made at most three failures, far below any threshold. */
  scanners: { ip: string; failures: number }[];
  /** Benign users never fail more than this many times in a row before succeeding. */
  maxBenignConsecutiveFailures: number;
}

export interface DemoDay {
  /** auth.log lines of `bastion-01`, in time order. */
  sshd: string[];
  /** Winlogbeat NDJSON lines, in time order. */
  windows: string[];
  /** shop-web ECS NDJSON lines, in time order. */
  app: string[];
  truth: ScenarioTruth;
}
