import { NavBar } from './components/nav-bar.tsx';
import { LiveContext, useLiveStream } from './live-updates.ts';
import { ChannelsPage } from './pages/channels-page.tsx';
import { IncidentPage } from './pages/incident-page.tsx';
import { IncidentsPage } from './pages/incidents-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import { RulesPage } from './pages/rules-page.tsx';
import { SilencesPage } from './pages/silences-page.tsx';
import { useLocation } from './router.tsx';
import type { Route } from './routes.ts';
import { parseRoute } from './routes.ts';

/** The signed-in dashboard: navigation, live updates and the page the address names. */
export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const location = useLocation();
  const live = useLiveStream();
  const route = parseRoute(location.path);
  return (
    <LiveContext.Provider value={live}>
      <NavBar route={route} live={live.connected} onSignOut={onSignOut} />
      <main className="page">{renderPage(route)}</main>
    </LiveContext.Provider>
  );
}

function renderPage(route: Route) {
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'incident':
      return <IncidentPage key={route.serial} serial={route.serial} />;
    case 'silences':
      return <SilencesPage />;
    case 'rules':
      return <RulesPage />;
    case 'channels':
      return <ChannelsPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
