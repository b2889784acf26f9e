/** A Workflows trigger URL of the real shape; the `sig` (made up here) is what grants posting. */
export const TEAMS_SIG = 'Xk3vQ9_rT2mZ8bN1pL4sW7yH0cJ6dF5gA2eR9uI3oK8';
export const TEAMS_PATH = `/workflows/5c6f1d2e0a9b4c7d8e1f2a3b4c5d6e7f/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${TEAMS_SIG}`;
export const TEAMS_WEBHOOK_URL = `https://prod-27.westeurope.logic.azure.com:443${TEAMS_PATH}`;

/** Logic Apps error bodies, as the front door sends them. */
export const TEAMS_ERRORS: Record<number, { error: { code: string; message: string } }> = {
  400: {
    error: {
      code: 'TriggerInputSchemaMismatch',
      message: "The input body for trigger 'manual' of type 'Request' did not match its schema definition.",
    },
  },
  401: {
    error: { code: 'DirectApiInvalidAuthorizationSignature', message: 'The provided authorization signature is not valid.' },
  },
  404: { error: { code: 'WorkflowNotFound', message: 'The workflow could not be found.' } },
  429: { error: { code: 'WorkflowRequestsThrottled', message: 'Too many requests; retry later.' } },
};
