import type { ReleaseDate } from '@liner/shared';

/** Parses "2024", "2024-08" or "2024-08-16" (and ISO timestamps); "0000-00-00" gives nothing. */
export function parseDate(value: string | null | undefined): ReleaseDate | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1000) return undefined;
  const date: ReleaseDate = { year };
  const month = match[2] ? Number(match[2]) : 0;
  if (month >= 1 && month <= 12) {
    date.month = month;
    const day = match[3] ? Number(match[3]) : 0;
    if (day >= 1 && day <= 31) date.day = day;
  }
  return date;
}
