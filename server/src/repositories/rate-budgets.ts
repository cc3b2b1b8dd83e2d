import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { rowsOf } from '../db/rows.ts';
import type { RateBudgetRepository } from './types.ts';

/**
 * Slots are handed out by the database clock, so instances with skewed clocks still space their
 * requests correctly: each reservation pushes next_at one interval further and returns the wait.
 */
export function rateBudgetRepository(db: Db): RateBudgetRepository {
  return {
    async reserve(name, intervalMs) {
      const interval = `${Math.max(0, Math.round(intervalMs))} milliseconds`;
      const result = await db.execute(sql`
        insert into rate_budgets (name, next_at, waits)
        values (${name}, clock_timestamp() + ${interval}::interval, 0)
        on conflict (name) do update
          set next_at = greatest(rate_budgets.next_at, clock_timestamp()) + ${interval}::interval,
              waits = rate_budgets.waits + 1
        returning greatest(0, extract(epoch from (next_at - ${interval}::interval - clock_timestamp())) * 1000)::float8 as wait_ms`);
      return Math.ceil(Number(rowsOf<{ wait_ms: number }>(result)[0]?.wait_ms ?? 0));
    },
    async pushBack(name, delayMs) {
      const interval = `${Math.max(0, Math.round(delayMs))} milliseconds`;
      await db.execute(sql`
        insert into rate_budgets (name, next_at) values (${name}, clock_timestamp() + ${interval}::interval)
        on conflict (name) do update
          set next_at = greatest(rate_budgets.next_at, clock_timestamp() + ${interval}::interval)`);
    },
    async take(name, limit, windowMs) {
      const length = Math.max(1, Math.round(windowMs));
      // One round trip: the first request of a window also clears the windows before it.
      const result = await db.execute(sql`
        with clock as (select extract(epoch from clock_timestamp()) * 1000 as ms),
        taken as (
          insert into rate_windows (name, window_index, used)
          select ${name}, floor(ms / ${length})::bigint, 1 from clock
          on conflict (name, window_index) do update set used = rate_windows.used + 1
          returning used, window_index,
            ((window_index + 1) * ${length} - (select ms from clock))::float8 as left_ms
        ),
        cleared as (
          delete from rate_windows using taken
          where taken.used = 1 and rate_windows.name = ${name}
            and rate_windows.window_index < taken.window_index
        )
        select used, left_ms from taken`);
      const row = rowsOf<{ used: number; left_ms: number }>(result)[0];
      if (!row) return 0;
      return Number(row.used) <= limit ? 0 : Math.max(1, Math.ceil(Number(row.left_ms)));
    },
  };
}
