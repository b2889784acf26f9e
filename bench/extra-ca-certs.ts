// NODE_EXTRA_CA_CERTS makes Node 20 parse its root certificates and that bundle as it starts, before
// any JavaScript runs: on the machine this bench was written on (the variable set to Debian's
// ca-certificates.crt), `node -e 0` took 0.059 s with it and 0.022 s without. Every Node process
// pays it, Klaxon's too, and a Python peer does not; the tables show the figures both ways.

/** The bundle this environment names, or undefined. */
export const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS || undefined;

/** This process's environment without NODE_EXTRA_CA_CERTS. */
export function envWithoutExtraCaCerts(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _bundle, ...rest } = env;
  return rest;
}
