import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';
import { isSlimEvent, materializeEvent } from '../slim-event.ts';
import { windowsParser } from './index.ts';
import { datasetLines } from './testdata/dataset-lines.ts';
import { bareDocument } from './testdata/bare-document.ts';
import { securityEvent } from './testdata/windows-events.ts';

/** The dataset's lines as they are, and without what Winlogbeat's mapping adds (the parser fills it). */
function wholeAndBareLines(): string[] {
  const docs = datasetLines();
  return [...docs, ...docs.map(bareDocument), ...docs.map(bareDocument)];
}

function parse(lines: string[], fields?: string[]): SecurityEvent[] {
  const parser = fields ? windowsParser.createSelective!({}, fields) : windowsParser.create({});
  const events: SecurityEvent[] = [];
  for (const line of lines) parser.parseLine(line, (event) => events.push(event));
  return events;
}

const FILLED = [
  'user.name',
  'user.domain',
  'user.id',
  'user.target.name',
  'source.ip',
  'source.port',
  'source.domain',
  'winlog.logon.type',
  'winlog.logon.failure.status',
  'winlog.logon.failure.sub_status',
  'winlog.logon.failure.reason',
  'event.reason',
  'event.outcome',
  'event.action',
  'event.category',
  'process.name',
  'process.pid',
  'process.executable',
  'winlog.event_data.LogonType',
];

describe('slim Windows events', () => {
  it('hold the fields the rules read as the whole events do, filled by the mapping or not', () => {
    const lines = wholeAndBareLines();
    const whole = parse(lines);
    const slim = parse(lines, FILLED);
    expect(slim).toHaveLength(whole.length);
    expect(slim.filter(isSlimEvent).length).toBeGreaterThan(lines.length / 2);
    let filled = 0;
    slim.forEach((event, i) => {
      for (const field of FILLED) {
        const expected = getField(whole[i], field);
        expect(getField(event, field), `${field} of line ${i}`).toEqual(expected);
        if (expected !== undefined) filled++;
      }
    });
    expect(filled).toBeGreaterThan(lines.length);
    expect(slim.map((event) => materializeEvent(event))).toEqual(whole);
  });

  it('hold each filled field as the whole events do when it is the only one read', () => {
    // Without Status, event.reason falls back on the FailureReason text.
    const lines = wholeAndBareLines().flatMap((line) => [
      line,
      line.replace(/"(Sub)?Status":"[^"]*",?/g, ''),
    ]);
    const whole = parse(lines);
    const unfilled: string[] = [];
    for (const field of FILLED) {
      const slim = parse(lines, [field]);
      slim.forEach((event, i) =>
        expect(getField(event, field), `${field} of line ${i}`).toEqual(getField(whole[i], field)),
      );
      if (slim.every((event) => getField(event, field) === undefined)) unfilled.push(field);
    }
    // The datasets hold no 4648/4740, whose account acted on is user.target.
    expect(unfilled).toEqual(['user.target.name']);
  });

  it('hold an account created and a member added to a group as the whole events do', () => {
    const lines = [
      securityEvent('4720', {
        TargetUserName: 'backdoor',
        TargetSid: 'S-1-5-21-9',
        SubjectUserName: 'mallory',
      }),
      securityEvent('4732', {
        MemberName: '-',
        MemberSid: 'S-1-5-21-1105',
        TargetUserName: 'Administrators',
        TargetSid: 'S-1-5-32-544',
        SubjectUserName: 'mallory',
      }),
      securityEvent('4728', {
        MemberName: 'CN=Jane Doe,OU=Staff,DC=corp',
        MemberSid: 'S-1-5-21-1106',
        TargetUserName: 'Domain Admins',
        TargetSid: 'S-1-5-21-1-2-3-512',
      }),
    ].map((document) => JSON.stringify(document));
    const whole = parse(lines);
    for (const field of ['group.name', 'group.id', 'user.target.name', 'user.target.id', 'event.action']) {
      const slim = parse(lines, [field]);
      slim.forEach((event, i) =>
        expect(getField(event, field), `${field} of line ${i}`).toEqual(getField(whole[i], field)),
      );
    }
    expect(whole.map((event) => getField(event, 'group.name'))).toEqual([
      undefined,
      'Administrators',
      'Domain Admins',
    ]);
  });

  it('hold nothing more than the fields the rules read, the time and the line', () => {
    const lines = wholeAndBareLines();
    const whole = parse(lines);
    const slim = parse(lines, ['source.ip', 'event.code']);
    const logons = slim.filter(
      (event, i) => isSlimEvent(event) && getField(whole[i], 'winlog.logon') !== undefined,
    );
    expect(logons.length).toBeGreaterThan(10);
    for (const event of logons) {
      const fields = structuredClone(event) as Record<string, Record<string, unknown>>;
      expect(Object.keys(fields).sort()).toEqual(expect.arrayContaining(['@timestamp', 'event']));
      expect(Object.keys(fields).filter((key) => !['@timestamp', 'event', 'source'].includes(key))).toEqual(
        [],
      );
      expect(Object.keys(fields.event ?? {}).sort()).toEqual(['code', 'original']);
      expect(Object.keys(fields.source ?? {}).filter((key) => key !== 'ip')).toEqual([]);
    }
  });
});
