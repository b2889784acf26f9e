/**
 * Returns a formatter from epoch ms to ISO 8601, remembering the last value: syslog timestamps have
 * whole seconds, so consecutive lines often share one and the conversion is done once.
 */
export function createTimestampFormatter(): (time: number) => string {
  let lastTime = NaN;
  let lastText = '';
  return (time) => {
    if (time !== lastTime) {
      lastTime = time;
      lastText = new Date(time).toISOString();
    }
    return lastText;
  };
}
