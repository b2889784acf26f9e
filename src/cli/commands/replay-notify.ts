import type { KlaxonConfig } from '../../config/index.ts';
import { channelDetailOverrides } from '../../config/index.ts';
import type { Route } from '../../routing/index.ts';
import { NotifyStage, loadSavedGroups } from '../../routing/index.ts';
import type { Store } from '../../store/index.ts';

export { loadKlaxonConfig } from '../../app/load-config.ts';

/**
 * `klaxon replay --config --notify`: routes the incidents as history. Kept apart from replay.ts and
 * imported only with --config, so a plain replay starts without the config, routing and channels.
 */
export async function createReplayNotify(
  config: KlaxonConfig<Route>,
  store: Store | undefined,
): Promise<NotifyStage> {
  return new NotifyStage({
    replay: true,
    routes: config.routes,
    channelDetail: channelDetailOverrides(config.channels),
    ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
    // An interrupted replay resumes its groups where the store kept them.
    ...(store && { groups: await loadSavedGroups(store) }),
  });
}
