import { PLUGIN_NAME, findPluginType, readPluginSettings } from '../channel-settings/read-plugin-settings.ts';
import type { PluginContext } from '../channel-settings/read-plugin-settings.ts';
import type { ChannelTypeSchemas, SourceSettings } from '../klaxon-config.ts';
import { readSchemaKeys } from '../schema-keys.ts';
import type { NodePath } from '../yaml/locate.ts';

const OWN_SOURCE_KEYS = ['name'] as const;

export interface SourceContext extends PluginContext {
  sourceTypes: ReadonlyMap<string, ChannelTypeSchemas>;
}

/**
 * The `sources:` list: `{ type, name?, ...settings }` each. A source without a name is called by
 * its type (`file`, then `file-2`, ...); naming sources keeps their checkpoints when the list is
 * reordered.
 */
export async function readSources(value: unknown, context: SourceContext): Promise<SourceSettings[]> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const message = 'expected a list of sources, e.g. `- { type: file, path: /var/log/auth.log }`';
    context.issues.push({ path: ['sources'], message });
    return [];
  }
  const sources: SourceSettings[] = [];
  const taken = new Set<string>();
  for (const [index, entry] of value.entries()) {
    const at: NodePath = ['sources', index];
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      context.issues.push({
        path: at,
        message: 'expected a map with `type:` and the settings of the source',
      });
      continue;
    }
    const { type, ...rest } = entry as Record<string, unknown>;
    const schemas = findPluginType('source', context.sourceTypes, type, [...at, 'type'], context.issues);
    if (!schemas) continue;
    // A source schema may declare `type` (and `name`) itself, to be complete on its own.
    const settings = readSchemaKeys(schemas.configSchema).has('type') ? { type, ...rest } : rest;
    const read = await readPluginSettings(
      settings,
      schemas,
      { kind: 'source', type: type as string, ownKeys: OWN_SOURCE_KEYS, at },
      context,
    );
    const written = read.own['name'] ?? (read.config as { name?: unknown } | undefined)?.name;
    const name = nameOf(written, type as string, taken);
    if (name === undefined)
      read.issues.push({
        path: [...at, 'name'],
        message: 'a source name uses letters, digits, `.`, `_` and `-`',
      });
    else if (taken.has(name))
      read.issues.push({ path: [...at, 'name'], message: `another source is named "${name}"` });
    context.issues.push(...read.issues);
    if (read.issues.length > 0 || name === undefined) continue;
    taken.add(name);
    sources.push({ name, type: type as string, config: read.config, secrets: read.secrets });
  }
  return sources;
}

function nameOf(written: unknown, type: string, taken: ReadonlySet<string>): string | undefined {
  if (written !== undefined)
    return typeof written === 'string' && PLUGIN_NAME.test(written) ? written : undefined;
  if (!taken.has(type)) return type;
  let n = 2;
  while (taken.has(`${type}-${n}`)) n++;
  return `${type}-${n}`;
}
