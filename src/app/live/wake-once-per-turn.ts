/**
 * `wake` at most once per event-loop turn, after the turn's I/O callbacks: every ingest request
 * the server took in during one turn is then read, detected and committed together (one journal
 * read, one store transaction), instead of one commit each. Under load a turn holds many requests,
 * so the cost per request falls as the rate rises; when idle the wake comes in the same turn.
 */
export function wakeOncePerTurn(wake: () => void): () => void {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    wake();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  };
}
