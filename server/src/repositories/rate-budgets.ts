import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { rowsOf } from '../db/rows.ts';
import type { RateBudgetRepository } from './types.ts';

/**
 * Budgets by the database clock, so instances with skewed clocks still space their requests
 * correctly. `next_at` is the earliest moment the budget's next request may be sent: a claim at
 * or after it sets it one interval on, at once, in one statement.
 */
export function rateBudgetRepository(db: Db): RateBudgetRepository {
  return {
    async claim(name, intervalMs) {
      const interval = `${Math.max(0, Math.round(intervalMs))} milliseconds`;
      // The update happens only when the moment has come; otherwise the row says how long to
      // wait. A concurrent claim on the same row is re-checked against the committed row. A row
      // another instance inserted after this statement began is not seen by its second part:
      // no answer then, and the next statement sees the row.
      for (;;) {
        const result = await db.execute(sql`
          with claimed as (
            insert into rate_budgets as b (name, next_at, waits)
            values (${name}, clock_timestamp() + ${interval}::interval, 1)
            on conflict (name) do update
              set next_at = clock_timestamp() + ${interval}::interval, waits = b.waits + 1
              where b.next_at <= clock_timestamp()
            returning 0::float8 as wait_ms
          )
          select wait_ms from claimed
          union all
          select greatest(1, extract(epoch from (next_at - clock_timestamp())) * 1000)::float8
          from rate_budgets where name = ${name} and not exists (select 1 from claimed)`);
        const row = rowsOf<{ wait_ms: number }>(result)[0];
        if (row) return Math.ceil(Number(row.wait_ms));
      }
    },
    async nextFree(name) {
      const result = await db.execute(sql`
        select greatest(0, extract(epoch from (next_at - clock_timestamp())) * 1000)::float8 as wait_ms
        from rate_budgets where name = ${name}`);
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
