import { describe, expect, it } from 'vitest';
import { chooseLogLevel, createDaemonLogger } from './daemon-logger.ts';

function captured(level: Parameters<typeof createDaemonLogger>[0]['level']) {
  const lines: string[] = [];
  const logger = createDaemonLogger({ level, destination: { write: (line: string) => lines.push(line) } });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('the daemon logger', () => {
  it('writes one JSON object a line with the level by name, the time and the message', () => {
    const { logger, records } = captured('info');
    logger.info({ source: 'auth-log' }, 'source started');
    logger.warn('reload refused');
    expect(records()).toMatchObject([
      { level: 'info', service: 'klaxon', source: 'auth-log', msg: 'source started' },
      { level: 'warn', msg: 'reload refused' },
    ]);
    expect(typeof records()[0]?.time).toBe('number');
  });

  it('drops what is below its level', () => {
    const { logger, records } = captured('warn');
    logger.info('not shown');
    logger.debug('not shown either');
    logger.error('shown');
    expect(records().map((record) => record.msg)).toEqual(['shown']);
  });

  it('redacts credentials in headers, tokens, passwords and secrets', () => {
    const { logger, lines } = captured('info');
    logger.info(
      {
        req: { headers: { authorization: 'Bearer klx_SECRET1', cookie: 'klaxon_session=SECRET2' } },
        res: { headers: { 'set-cookie': 'klaxon_session=SECRET3' } },
        channel: { secrets: { botToken: 'SECRET4' }, password: 'SECRET5' },
        err: { config: { token: 'SECRET6', apiKey: 'SECRET7' } },
        authorization: 'Basic SECRET8',
      },
      'something happened',
    );
    const text = lines.join('');
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain('[redacted]');
  });

  it('takes --log-level over server.log_level over info', () => {
    expect(chooseLogLevel('debug', 'warn')).toBe('debug');
    expect(chooseLogLevel(undefined, 'warn')).toBe('warn');
    expect(chooseLogLevel(undefined, undefined)).toBe('info');
  });
});
