export type { DashboardOptions } from './register-dashboard.ts';
export { registerDashboard, DASHBOARD_BUILD_DIR, NOT_BUILT_MESSAGE } from './register-dashboard.ts';
export { CONTENT_SECURITY_POLICY } from './security-headers.ts';
