/**
 * ISO 8601 durations as Tidal's v2 API writes them ("PT4M12S", "PT1H2M3.5S", "P1DT2H"), to
 * milliseconds. Pure. Years and months have no fixed length, so durations using them (and
 * anything malformed) give undefined rather than a guess.
 */
const DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000] as const;

export function parseIsoDuration(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const text = value.trim().toUpperCase();
  const match = DURATION.exec(text);
  // "P" and "PT" alone match the pattern but say nothing.
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  let ms = 0;
  UNIT_MS.forEach((unit, i) => {
    const amount = match[i + 1];
    if (amount !== undefined) ms += Number(amount) * unit;
  });
  return Math.round(ms);
}
