import type { FastifyRequest } from 'fastify';
import type { AuthDependencies } from './authenticate.ts';
import { buildSecurityEvent } from './security-event.ts';
import type { DashboardAction } from './security-event.ts';

/** Reports a refused request as a security event; a failing reporter never changes the answer. */
export function reportRefusal(
  deps: Pick<AuthDependencies, 'now' | 'reportSecurityEvent'>,
  request: FastifyRequest,
  refusal: { action: DashboardAction; status: number; reason: string; userName?: string },
): void {
  const userAgent = request.headers['user-agent'];
  const event = buildSecurityEvent({
    ...refusal,
    at: deps.now(),
    address: request.ip,
    method: request.method,
    path: request.url.split('?')[0] as string,
    ...(userAgent !== undefined && { userAgent }),
  });
  try {
    deps.reportSecurityEvent(event);
  } catch (error) {
    request.log.error({ err: error }, 'reporting a security event failed');
  }
}
