import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../../core/index.ts';
import { compileDetectionText, securityEvent } from '../testdata/sigma-fixture.ts';

// The examples of the Sigma rules specification (v2), re-expressed as tests.

const LINUX = 'product: linux\n  service: syslog';

function syslog(message: string): SecurityEvent {
  return {
    '@timestamp': '2024-03-01T10:00:00.000Z',
    event: { dataset: 'system.syslog', original: `Mar  1 10:00:00 host app: ${message}` },
    message,
  };
}

describe('the Sigma specification examples', () => {
  it('a map is an AND of its fields, a list of values an OR (EventLog Security, EventID 517 or 1102)', () => {
    const matches = compileDetectionText(
      'selection:\n  EventLog: Security\n  EventID:\n    - 517\n    - 1102\ncondition: selection',
    );
    const event = (code: number, log: string) => securityEvent(code, {}, { EventLog: log });
    expect(
      [event(517, 'Security'), event(1102, 'security'), event(4624, 'Security'), event(517, 'System')].map(
        matches,
      ),
    ).toEqual([true, true, false, false]);
  });

  it('quoted hexadecimal values compare as text (TicketOptions 0x40810000, TicketEncryption 0x17)', () => {
    const matches = compileDetectionText(
      "selection:\n  EventID: 4769\n  TicketOptions: '0x40810000'\n  TicketEncryption: '0x17'\ncondition: selection",
    );
    expect(matches(securityEvent(4769, { TicketOptions: '0x40810000', TicketEncryption: '0x17' }))).toBe(
      true,
    );
    expect(matches(securityEvent(4769, { TicketOptions: '0x40810000', TicketEncryption: '0x12' }))).toBe(
      false,
    );
  });

  it('a list of maps is an OR of the maps', () => {
    const matches = compileDetectionText(
      "selection:\n  - Image|endswith: '\\example.exe'\n  - Description|contains: 'Test executable'\ncondition: selection",
    );
    const of = (data: Record<string, string>) => matches(securityEvent(4688, data));
    expect([
      of({ Image: 'C:\\x\\example.exe' }),
      of({ Description: 'A test executable' }),
      of({ Image: 'a.exe' }),
    ]).toEqual([true, true, false]);
  });

  it('keywords search the whole event; |all needs every one', () => {
    const any = compileDetectionText(
      "keywords:\n  - 'event::clear'\n  - 'event::drop'\ncondition: keywords",
      {
        logsource: LINUX,
      },
    );
    const all = compileDetectionText(
      "keywords_cmdlet:\n  '|all':\n    - 'OabVirtualDirectory'\n    - ' -ExternalUrl '\ncondition: keywords_cmdlet",
      { logsource: LINUX },
    );
    expect(
      [syslog('mimikatz EVENT::CLEAR now'), syslog('event::drop'), syslog('event: clear')].map(any),
    ).toEqual([true, true, false]);
    expect(all(syslog('Set-OabVirtualDirectory -ExternalUrl https://x'))).toBe(true);
    expect(all(syslog('Set-OabVirtualDirectory'))).toBe(false);
  });

  it('keywords look in every field, not only the message', () => {
    const matches = compileDetectionText("keywords:\n  - 'evil*tool'\ncondition: keywords", {
      logsource: LINUX,
    });
    expect(matches({ ...syslog('nothing here'), process: { name: 'ToolOfEvil' } })).toBe(false);
    expect(matches({ ...syslog('nothing here'), process: { name: 'EvilHackTool' } })).toBe(true);
  });

  it('null in a filter: selection and not filter (PasswordLastSet: null)', () => {
    const matches = compileDetectionText(
      'selection:\n  EventID: 4738\nfilter:\n  PasswordLastSet: null\ncondition: selection and not filter',
    );
    expect(matches(securityEvent(4738, { PasswordLastSet: '2024-01-01' }))).toBe(true);
    expect(matches(securityEvent(4738, {}))).toBe(false);
  });

  it('field existence (PasswordLastSet|exists: true)', () => {
    const matches = compileDetectionText(
      'selection:\n  EventID: 4738\n  PasswordLastSet|exists: true\ncondition: selection',
    );
    expect([
      matches(securityEvent(4738, { PasswordLastSet: '-' })),
      matches(securityEvent(4738, {})),
    ]).toEqual([true, false]);
  });

  it('the escaping table: \\\\* is a backslash then a wildcard, \\\\\\* a backslash then a star, \\\\\\\\ two backslashes', () => {
    const of = (value: string, text: string) =>
      compileDetectionText(`sel:\n  Path: '${value}'\ncondition: sel`)(securityEvent(1, { Path: text }));
    expect([
      of('a\\\\*', 'a\\zzz'),
      of('a\\\\*', 'a\\'),
      of('a\\\\\\*', 'a\\*'),
      of('a\\\\\\*', 'a\\z'),
    ]).toEqual([true, true, true, false]);
    expect([of('a\\\\\\\\b', 'a\\\\b'), of('a\\b', 'a\\b'), of('a\\\\b', 'a\\b')]).toEqual([
      true,
      true,
      true,
    ]);
  });
});
