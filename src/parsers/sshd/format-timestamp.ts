const DAY_MS = 86_400_000;
/** 10000-01-01: from there on toISOString writes six-digit years. */
const YEAR_10000 = 253_402_300_800_000;

/**
 * Returns a formatter from epoch ms to ISO 8601 as toISOString writes it, remembering the last value
 * (syslog timestamps have whole seconds, so consecutive lines often share one) and the date part of
 * the last day, so a new second costs a few string joins rather than a Date.
 */
export function createTimestampFormatter(): (time: number) => string {
  let lastTime = NaN;
  let lastText = '';
  let dayStart = NaN;
  let dayText = '';
  return (time) => {
    if (time === lastTime) return lastText;
    lastTime = time;
    if (!(time >= 0 && time < YEAR_10000 && Number.isInteger(time)))
      return (lastText = new Date(time).toISOString());
    let msOfDay = time - dayStart;
    if (!(msOfDay >= 0 && msOfDay < DAY_MS)) {
      msOfDay = time % DAY_MS;
      dayStart = time - msOfDay;
      dayText = new Date(dayStart).toISOString().slice(0, 11);
    }
    lastText = dayText + formatTimeOfDay(msOfDay);
    return lastText;
  };
}

function formatTimeOfDay(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return `${pad2(hours)}:${pad2(minutes % 60)}:${pad2(seconds % 60)}.${pad3(ms % 1000)}Z`;
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);
const pad3 = (value: number): string => (value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`);
