import type {
  BacktestRequest,
  BacktestResult,
  ChannelView,
  Incident,
  IncidentCase,
  IncidentDetail,
  ResponseTimeReport,
  IncidentPage,
  IncidentQuery,
  NewSilenceRequest,
  Overview,
  RuleView,
  SessionInfo,
  Silence,
  SilenceMatcher,
  SilencePreview,
} from './api-types.ts';
import type { HttpOptions } from './http.ts';
import { createSend } from './http.ts';

export type Api = ReturnType<typeof createApi>;

/** The dashboard's typed view of `/api/v1` (api-contract.md). */
export function createApi(options: HttpOptions) {
  const send = createSend(options);
  const incident = (serial: number, action: string, body: object) =>
    send<{ incident: Incident }>('POST', `/incidents/${serial}/${action}`, body);
  return {
    login: (username: string, password: string) =>
      send<SessionInfo>('POST', '/session', { username, password }),
    session: () => send<SessionInfo>('GET', '/session'),
    logout: () => send<void>('DELETE', '/session'),

    overview: (days: number) => send<Overview>('GET', `/overview?days=${days}`),
    responseTimes: (days: number) => send<ResponseTimeReport>('GET', `/stats/response-times?days=${days}`),
    cases: () => send<{ items: IncidentCase[] }>('GET', '/cases?limit=10'),
    incidents: (query: IncidentQuery) => send<IncidentPage>('GET', `/incidents${toSearch(query)}`),
    incident: (serial: number) => send<IncidentDetail>('GET', `/incidents/${serial}`),
    acknowledge: (serial: number, note?: string) => incident(serial, 'acknowledge', note ? { note } : {}),
    assign: (serial: number, assignee: string) => incident(serial, 'assign', { assignee }),
    addNote: (serial: number, text: string) => incident(serial, 'notes', { text }),
    resolve: (serial: number, resolution: string) => incident(serial, 'resolve', { resolution }),
    reopen: (serial: number, reason?: string) => incident(serial, 'reopen', reason ? { reason } : {}),

    silences: (activeOnly: boolean) => send<Silence[]>('GET', `/silences${activeOnly ? '?active=true' : ''}`),
    createSilence: (silence: NewSilenceRequest) => send<Silence>('POST', '/silences', silence),
    previewSilence: (matchers: SilenceMatcher[]) =>
      send<SilencePreview>('POST', '/silences/preview', { matchers }),
    expireSilence: (id: string) => send<Silence>('POST', `/silences/${encodeURIComponent(id)}/expire`, {}),

    rules: () => send<RuleView[]>('GET', '/rules'),
    setRuleEnabled: (id: string, enabled: boolean, reason: string) =>
      send<RuleView>('POST', `/rules/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`, {
        reason,
      }),
    backtest: (id: string, request: BacktestRequest) =>
      send<BacktestResult>('POST', `/rules/${encodeURIComponent(id)}/backtest`, request),

    channels: () => send<ChannelView[]>('GET', '/channels'),
    retryChannel: (name: string) =>
      send<{ retried: number }>('POST', `/channels/${encodeURIComponent(name)}/retry`, {}),
  };
}

function toSearch(query: IncidentQuery): string {
  const params = new URLSearchParams();
  if (query.status?.length) params.set('status', query.status.join(','));
  if (query.priority?.length) params.set('priority', query.priority.join(','));
  if (query.rule) params.set('rule', query.rule);
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}
