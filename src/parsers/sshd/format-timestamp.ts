const MINUTE_MS = 60_000;
/** 10000-01-01: from there on toISOString writes six-digit years. */
const YEAR_10000 = 253_402_300_800_000;
/** `SS.000Z` for each second of a minute: syslog timestamps are whole seconds. */
const WHOLE_SECONDS = Array.from({ length: 60 }, (_, second) => `${pad2(second)}.000Z`);

/**
 * Returns a formatter from epoch ms to ISO 8601 as toISOString writes it, remembering the last value
 * (syslog timestamps have whole seconds, so consecutive lines often share one) and the text of the
 * last minute (`2024-03-04T13:06:`), so a new second costs one join rather than a Date.
 */
export function createTimestampFormatter(): (time: number) => string {
  let lastTime = NaN;
  let lastText = '';
  let minuteStart = NaN;
  let minuteText = '';
  return (time) => {
    if (time === lastTime) return lastText;
    lastTime = time;
    if (!(time >= 0 && time < YEAR_10000 && Number.isInteger(time)))
      return (lastText = new Date(time).toISOString());
    let msOfMinute = time - minuteStart;
    if (!(msOfMinute >= 0 && msOfMinute < MINUTE_MS)) {
      msOfMinute = time % MINUTE_MS;
      minuteStart = time - msOfMinute;
      minuteText = new Date(minuteStart).toISOString().slice(0, 17);
    }
    lastText = minuteText + secondsOfMinute(msOfMinute);
    return lastText;
  };
}

/** `SS.mmmZ` for milliseconds 0 to 59,999 of a minute. */
function secondsOfMinute(ms: number): string {
  const millis = ms % 1000;
  const second = (ms - millis) / 1000;
  if (millis === 0) return WHOLE_SECONDS[second] as string;
  return `${pad2(second)}.${pad3(millis)}Z`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

function pad3(value: number): string {
  return value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`;
}
