import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../../test/support/datasets.ts';
import type { SecurityEvent } from '../../../core/index.ts';
import { decodeEvtxBuffer } from '../../../parsers/index.ts';
import { compileDetectionText, securityEvent } from '../testdata/sigma-fixture.ts';
import { describeLogsource, findLogsource, LOGSOURCES } from './find-logsource.ts';
import { fieldCandidates } from './resolve-field.ts';

const PROCESS_CREATION = 'product: windows\n  category: process_creation';
const SSHD_RULE = "sel:\n  Image|endswith: '\\sshd.exe'\n  CommandLine|contains: ' -R'\ncondition: sel";

/** A Sysmon event as Winlogbeat's sysmon module ships it: process fields moved to ECS. */
function winlogbeatSysmon(code: number, fields: Record<string, unknown>): SecurityEvent {
  return {
    '@timestamp': '2024-03-01T10:00:00.000Z',
    event: { code: String(code), provider: 'Microsoft-Windows-Sysmon', module: 'sysmon' },
    winlog: { channel: 'Microsoft-Windows-Sysmon/Operational', event_id: String(code), event_data: {} },
    ...fields,
  };
}

describe('Sigma log sources', () => {
  it('process_creation stands for Sysmon event 1 and Security event 4688', () => {
    const variants = findLogsource({ product: 'windows', category: 'process_creation' });
    expect(variants?.map((variant) => [variant.label, variant.eventCodes])).toEqual([
      ['Sysmon event 1 (process_creation)', ['1']],
      ['Security event 4688', ['4688']],
    ]);
  });

  it('every taxonomy entry is found by its own product, category and service', () => {
    for (const entry of LOGSOURCES) {
      const logsource = { product: entry.product, category: entry.category, service: entry.service };
      expect(findLogsource(logsource), describeLogsource(logsource)).toEqual(
        expect.arrayContaining([...entry.variants]),
      );
    }
  });

  it('without a product, a category covers every product that has it; unknown sources have none', () => {
    expect(findLogsource({ category: 'process_creation' })?.length).toBe(3);
    expect(findLogsource({ product: 'windows', category: 'no_such_category' })).toBeUndefined();
    expect(findLogsource({ product: 'plan9' })).toBeUndefined();
  });

  it('chooses events by channel, provider and event id', () => {
    const security = compileDetectionText('sel:\n  EventID: 4625\ncondition: sel');
    const system = {
      ...securityEvent(4625, {}),
      winlog: { channel: 'System', event_id: '4625' },
      event: { code: '4625' },
    };
    expect(security(securityEvent(4625, {}))).toBe(true);
    expect(security(system)).toBe(false);
    const processes = compileDetectionText('sel:\n  CommandLine|contains: whoami\ncondition: sel', {
      logsource: PROCESS_CREATION,
    });
    const sysmon1 = winlogbeatSysmon(1, { process: { command_line: 'whoami /all' } });
    const sysmon3 = winlogbeatSysmon(3, { process: { command_line: 'whoami /all' } });
    expect([
      processes(sysmon1),
      processes(sysmon3),
      processes(securityEvent(4688, { CommandLine: 'whoami' })),
    ]).toEqual([true, false, true]);
    expect(processes(securityEvent(4624, { CommandLine: 'whoami' }))).toBe(false);
  });
});

describe('Sigma log sources by event id', () => {
  it('runs only the variant of the event id, with that variant own field names', () => {
    const parentPid = compileDetectionText("sel:\n  ProcessId: '0x11f0'\ncondition: sel", {
      logsource: PROCESS_CREATION,
    });
    // In 4688, event data ProcessId is the parent; Sigma's ProcessId is NewProcessId there.
    const security = securityEvent(4688, { ProcessId: '0x11f0', NewProcessId: '0x16d8' });
    const sysmon = winlogbeatSysmon(1, {});
    (sysmon.winlog as { event_data: Record<string, string> }).event_data.ProcessId = '0x11f0';
    const otherChannel = {
      ...winlogbeatSysmon(1, {}),
      event: { code: '1', provider: 'Service Control Manager' },
      winlog: { channel: 'System', event_id: '1', event_data: { ProcessId: '0x11f0' } },
    };
    expect([parentPid(security), parentPid(sysmon), parentPid(otherChannel)]).toEqual([false, true, false]);
  });
});

describe('Sigma field names', () => {
  it('tries System fields, the source own fields (renamed for 4688), ECS names, then the name itself', () => {
    const [sysmon, security] = findLogsource({ product: 'windows', category: 'process_creation' }) ?? [];
    expect(fieldCandidates('Image', sysmon!)).toEqual([
      'winlog.event_data.Image',
      'winlog.user_data.Image',
      'process.executable',
      'Image',
    ]);
    expect(fieldCandidates('Image', security!)).toEqual([
      'winlog.event_data.NewProcessName',
      'winlog.user_data.NewProcessName',
      'process.executable',
      'NewProcessName',
    ]);
    expect(fieldCandidates('EventID', sysmon!).slice(0, 2)).toEqual(['winlog.event_id', 'event.code']);
    expect(fieldCandidates('process.command_line', sysmon!)).toEqual(['process.command_line']);
  });

  it('reads Sysmon names on a Winlogbeat document whose module moved them to ECS', () => {
    const matches = compileDetectionText(SSHD_RULE, { logsource: PROCESS_CREATION });
    const doc = winlogbeatSysmon(1, {
      process: { executable: 'C:\\OpenSSH\\sshd.exe', command_line: 'sshd.exe -R' },
    });
    expect(matches(doc)).toBe(true);
    expect(
      matches(
        winlogbeatSysmon(1, { process: { executable: 'C:\\x\\sshd.exe', command_line: 'sshd.exe -y' } }),
      ),
    ).toBe(false);
  });

  it('reads them on an ECS-only document (no winlog.event_data)', () => {
    const matches = compileDetectionText(SSHD_RULE, { logsource: PROCESS_CREATION });
    const ecs: SecurityEvent = {
      '@timestamp': '2024-03-01T10:00:00.000Z',
      event: { code: '4688', provider: 'Microsoft-Windows-Security-Auditing' },
      process: { executable: 'C:\\OpenSSH\\sshd.exe', command_line: '"sshd.exe" -R' },
    };
    expect(matches(ecs)).toBe(true);
  });

  it('reads flat documents that carry the Sigma names themselves', () => {
    const matches = compileDetectionText('sel:\n  EventID: 4625\n  TargetUserName: bob\ncondition: sel', {
      logsource: 'product: windows',
    });
    expect(
      matches({
        '@timestamp': '2024-03-01T10:00:00Z',
        event: {},
        winlog: { channel: 'Security' },
        EventID: 4625,
        TargetUserName: 'Bob',
      }),
    ).toBe(true);
  });

  it('runs on native .evtx records: Security 4688 with NewProcessName, 1102 with UserData', () => {
    const file = 'windows/evtx-to-mitre-attack/raw/ID4625-OpenSSH_brutforce_with_non_existing_users.evtx';
    const documents: Record<string, unknown>[] = [];
    for (const record of decodeEvtxBuffer(readFileSync(datasetUrl(file))))
      if (record.kind === 'document') documents.push(record.document);
    const sshd = compileDetectionText(SSHD_RULE, { logsource: PROCESS_CREATION });
    const cleared = compileDetectionText(
      'sel:\n  EventID: 1102\n  SubjectUserName|exists: true\ncondition: sel',
    );
    // Expected from the records themselves, read without the mapping.
    const data = (doc: Record<string, unknown>) =>
      ((doc.winlog as Record<string, unknown>).event_data ?? {}) as Record<string, string>;
    const expectedSshd = documents.filter(
      (doc) =>
        (doc.winlog as { event_id: string }).event_id === '4688' &&
        data(doc).NewProcessName?.toLowerCase().endsWith('\\sshd.exe') &&
        data(doc).CommandLine?.includes(' -R'),
    );
    const expectedCleared = documents.filter(
      (doc) => (doc.winlog as { event_id: string }).event_id === '1102',
    );
    expect(expectedSshd.length).toBeGreaterThan(0);
    expect(expectedCleared.length).toBeGreaterThan(0);
    expect(documents.filter((doc) => sshd(doc as SecurityEvent))).toEqual(expectedSshd);
    expect(documents.filter((doc) => cleared(doc as SecurityEvent))).toEqual(expectedCleared);
  });
});
