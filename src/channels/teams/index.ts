import type { ChannelDefinition } from '../channel.ts';
import type { TeamsMessage } from './card.ts';
import { renderTeams } from './render.ts';
import { teamsConfigSchema, teamsSecretsSchema } from './schema.ts';
import type { TeamsConfig, TeamsSecrets } from './schema.ts';
import { sendTeams } from './send.ts';

export type { AdaptiveCard, TeamsMessage } from './card.ts';
export type { TeamsConfig, TeamsSecrets } from './schema.ts';

/** Microsoft Teams through a Workflows (Power Automate) webhook posting an Adaptive Card. */
export const teamsChannel: ChannelDefinition<TeamsConfig, TeamsSecrets, TeamsMessage> = {
  type: 'teams',
  configSchema: teamsConfigSchema,
  secretsSchema: teamsSecretsSchema,
  render: renderTeams,
  send: sendTeams,
};
