import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { chooseParser } from '../registry.ts';
import { gitlabParser } from './index.ts';

// GitLab application log lines written for these tests after its `Failed Login` message, in the
// text log and in application_json.log.
const LOG = fixtureLines(new URL('./testdata/application.log', import.meta.url));

describe("GitLab's application log", () => {
  const parser = gitlabParser.create({});
  const { events, skips } = parseLines(parser, LOG);

  it('gives each failed login as an application login, from the address that ends the message', () => {
    expect(
      events.map((event) => [
        event['@timestamp'],
        (event.user as { name?: string } | undefined)?.name,
        event.source,
      ]),
    ).toEqual([
      ['2024-03-04T10:00:01.667Z', 'admin', { address: '203.0.113.140', ip: '203.0.113.140' }],
      ['2024-03-04T10:00:02.344Z', 'user name', { address: '2001:db8::141', ip: '2001:db8::141' }],
      ['2024-03-04T10:00:03.000Z', 'x ip=198.51.100.66', { address: '203.0.113.142', ip: '203.0.113.142' }],
      ['2024-03-04T10:00:04.000Z', 'root', { address: '203.0.113.143', ip: '203.0.113.143' }],
    ]);
    expect(events[0]).toMatchObject({
      event: { action: 'login', outcome: 'failure', module: 'gitlab' },
      service: { name: 'gitlab' },
    });
    expect(skips.slice(-3)).toEqual(['gitlab-line-unused', 'gitlab-line-unused', 'not-gitlab-log']);
  });

  it("is recognised in text and JSON, and other JSON logs with a time and a message are not GitLab's", () => {
    const choice = chooseParser(LOG.slice(0, -1));
    expect(choice.kind === 'found' && choice.parser.format).toBe('gitlab');
    const logrus = chooseParser(['{"level":"info","msg":"started","time":"2024-03-04T10:00:00Z"}']);
    expect(logrus.kind === 'found' && logrus.parser.format).toBe('ndjson');
    const other = chooseParser([
      '{"severity":"INFO","message":"Failed Login: username=a ip=192.0.2.1","time":"2024-03-04T10:00:00Z"}',
    ]);
    expect(other.kind === 'found' && other.parser.format).toBe('ndjson');
  });
});
