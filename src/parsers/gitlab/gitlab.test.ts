import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines, loginRow } from '../testdata/fixture-lines.ts';
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

describe("GitLab's production_json.log", () => {
  // The first two lines are the CrowdSec hub's gitlab-bf and gitlab-logs test lines; the others were
  // written for this test after GitLab's request log: a login, a post refused for its CSRF token,
  // another request, a user name holding a second remote_ip.
  const REQUESTS = fixtureLines(new URL('./testdata/production_json.log', import.meta.url));

  it("reads each sign-in form post as a login from GitLab's remote_ip, refused unless redirected", () => {
    const { events, skips } = parseLines(gitlabParser.create({}), REQUESTS);
    expect(events.map(loginRow)).toEqual([
      ['2022-04-15T12:58:36.195Z', 'failure', 'test', '1.1.1.1', 'sign-in refused'],
      [
        '2022-04-15T14:19:00.060Z',
        'failure',
        undefined,
        '1.1.1.1',
        'two-factor code refused (the password was right)',
      ],
      ['2024-03-04T10:00:01.000Z', 'success', 'alice', '203.0.113.227', 'signed in'],
      [
        '2024-03-04T10:00:04.000Z',
        'failure',
        'x","remote_ip":"198.51.100.66',
        '2001:db8::230',
        'sign-in refused',
      ],
    ]);
    expect(skips.filter((skip) => skip !== null)).toEqual(['gitlab-line-unused', 'gitlab-line-unused']);
    expect(events[0]).toMatchObject({ event: { dataset: 'gitlab.production', module: 'gitlab' } });
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(REQUESTS);
    expect(choice.kind === 'found' && choice.parser.format).toBe('gitlab');
  });
});
