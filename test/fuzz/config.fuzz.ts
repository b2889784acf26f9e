import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_TYPES } from '../../src/app/channel-registry.ts';
import { SOURCE_TYPES } from '../../src/app/source-registry.ts';
import { INITIAL_CONFIG } from '../../src/cli/commands/init-config.ts';
import { loadConfigText } from '../../src/config/index.ts';
import { routesSchema } from '../../src/routing/index.ts';
import { checkIssues } from './invariants.ts';
import { hostileYaml, unresolvedAlias, UNRESOLVED_ALIAS_WAIVER, YAML_LIMITS_OWNER } from './pending.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';
import { configFiles, readmeConfigs } from './seeds.ts';
import { mutatedYaml } from './yaml-texts.ts';

// Secret-looking values for every ${VAR} of the seeds: none may show up in an issue.
const ENV: Record<string, string> = {
  CHAT_ROOM: 'ops-room',
  CHAT_TOKEN: 'chat-token-0123456789',
  HEALTHCHECK_URL: 'https://hc-ping.com/5f1d-secret-uuid',
  PAGERDUTY_ROUTING_KEY: 'R0UT1NGK3Y0123456789abcdef012345',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX',
  SMTP_URL: 'smtps://klaxon:M41l-pa55word@mail.example.com:465',
  TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  TELEGRAM_CHAT_ID: '-1001234567890',
  WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
  ES_URL: 'https://es.example.com:9200',
  ES_API_KEY: 'ZXMtYXBpLWtleS1zZWNyZXQtdmFsdWU=',
};
const SECRETS = [
  'M41l-pa55word',
  'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  'XXXXsecretXXXX',
  'R0UT1NGK3Y0123456789',
];

/** `klaxon init`'s file with its commented-out sources and channels turned on. */
const initWithEverything = INITIAL_CONFIG.replace(/^(\s*)# (- \{ type|soc-|soar:)/gm, '$1$2');

/** klaxon.yaml text: the loader's fixtures, `klaxon init`'s file and the README's examples. */
export const configTarget: FuzzTarget<string> = {
  name: 'config',
  arbitrary: mutatedYaml([...configFiles(), INITIAL_CONFIG, initWithEverything, ...readmeConfigs()]),
  pending: [
    {
      what: 'YAML alias bombs, YAML nested 10 k to 1 M deep, a 16 MB klaxon.yaml, YAML the library is slow on',
      owner: YAML_LIMITS_OWNER,
      arbitrary: hostileYaml(false),
    },
    { what: UNRESOLVED_ALIAS_WAIVER.what, owner: YAML_LIMITS_OWNER, arbitrary: unresolvedAlias(false) },
  ],
  waivers: [],
  start() {
    // An empty folder: relative paths and the (absent) .env resolve inside it.
    const folder = mkdtempSync(join(tmpdir(), 'klaxon-fuzz-config-'));
    const file = join(folder, 'klaxon.yaml');
    const options = { channelTypes: CHANNEL_TYPES, sourceTypes: SOURCE_TYPES, routesSchema, env: ENV };
    return {
      async check(text) {
        const result = await loadConfigText(text, file, options);
        if (result.ok) {
          expectThat(result.config.file === file, 'a loaded config names another file');
          return;
        }
        expectThat(result.issues.length > 0, 'refused without an issue');
        checkIssues(result.issues, file);
        for (const issue of result.issues)
          for (const secret of SECRETS)
            expectThat(
              !`${issue.field ?? ''} ${issue.message}`.includes(secret),
              `a secret in an issue: ${issue.message}`,
            );
      },
      stop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  },
};
