/** A Slack-shaped incoming webhook token (made up; the shape of the real ones). */
export const SLACK_TOKEN = 'qZ8rT2vX9yB4nM6kL1pW3sD5';
export const SLACK_WEBHOOK_URL = `https://hooks.slack.com/services/T00000000/B00000000/${SLACK_TOKEN}`;
