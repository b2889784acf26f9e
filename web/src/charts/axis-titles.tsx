/** What each axis shows, in words, under the chart: "x: time (Europe/Paris), 2026-03-02 · y: attempts". */
export function AxisTitles({ x, y }: { x: string; y: string }) {
  return (
    <figcaption className="chart-axis-titles muted small" data-testid="axis-titles">
      x: {x} · y: {y}
    </figcaption>
  );
}

/** The browser's time zone, as the axes' times are shown in it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}
