#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built from src/ by `npm run build:cli`, part of `prepare`).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

// `klaxon replay ... | head` closes the pipe early: that ends the output, it is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  console.error('klaxon: the CLI is not built (dist/cli/main.js is missing): run npm run build');
  process.exit(1);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
