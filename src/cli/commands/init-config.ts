/** The klaxon.yaml `klaxon init` writes: runs as it is, and says what to change. */
export const INITIAL_CONFIG = `# Klaxon configuration. Check it with \`npx klaxon config check\`, run with \`npx klaxon start\`.
# Values like \${NAME} come from the environment or from a .env file beside this file.

# Where incidents, the outbox and checkpoints live: SQLite here, or postgres://user:pass@host/db
# when several instances share the work.
store: sqlite:./klaxon.db

# Your own rule files or folders, besides the shipped pack (builtin_rules: false turns it off).
rules: []
builtin_rules: true

sources:
  # Follows files and globs through rotation; the position is checkpointed in the store.
  - { type: file, name: auth-log, path: /var/log/auth.log, format: sshd }
  # - { type: file, name: secure, path: "/var/log/secure*", format: sshd }
  # Application events posted to POST /api/v1/events (create a token: npx klaxon token add shop --scope ingest).
  - { type: http, name: apps }
  # Hosts that forward auth logs over syslog (RFC 3164 or 5424).
  # - { type: syslog, name: forwarded, listen: "udp://0.0.0.0:5514" }
  # Winlogbeat/Filebeat documents in Elasticsearch or OpenSearch, polled with search_after over a point in time.
  # - { type: elasticsearch, name: winlogbeat, url: \${ES_URL}, api_key: \${ES_API_KEY}, index: "winlogbeat-*",
  #     query: "event.code:(4624 OR 4625 OR 4740 OR 4771 OR 4776)", interval: 30s }

server:
  listen: "127.0.0.1:8080"
  # The address people open; every notification links to <public_url>/incidents/<serial>.
  # public_url: https://klaxon.example.com
  # The daemon logs JSON lines on standard output: fatal, error, warn, info (default), debug, trace.
  # log_level: info

channels:
  terminal: { type: console }
  # soc-telegram: { type: telegram, bot_token: \${TELEGRAM_BOT_TOKEN}, chat_id: \${TELEGRAM_CHAT_ID} }
  # soc-mail: { type: email, smtp_url: \${SMTP_URL}, from: klaxon@example.com, to: [soc@example.com] }
  # soar: { type: webhook, url: https://soar.example.com/hook, secret: \${WEBHOOK_SECRET} }

routes:
  - match: { priority: [P1, P2, P3] }
    channels: [terminal]
  # - match: { priority: [P4, P5] }
  #   channels: [soc-mail]
  #   digest: "0 8 * * *"

# A periodic "Klaxon is alive" message, and a dead man's switch URL pinged with it.
# heartbeat: { interval: 6h, channels: [terminal], ping_url: \${HEALTHCHECK_URL} }
`;
