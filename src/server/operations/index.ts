export type { OperationsOptions, ReadinessCheck } from './operations-routes.ts';
export { registerOperationsRoutes } from './operations-routes.ts';
