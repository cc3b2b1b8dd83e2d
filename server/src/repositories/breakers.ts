import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { rowsOf } from '../db/rows.ts';
import type { BreakerRepository } from './types.ts';

/**
 * The open circuit breakers every instance on the database sees (`host_breakers`), by the
 * database clock, so instances with skewed clocks agree on when a host may be asked again.
 */
export function breakerRepository(db: Db): BreakerRepository {
  const ms = (value: number) => `${Math.max(0, Math.round(value))} milliseconds`;
  return {
    async state(key) {
      const result = await db.execute(sql`
        select failures,
          greatest(0, extract(epoch from (open_until - clock_timestamp())) * 1000)::float8 as wait_ms,
          coalesce(probe_until > clock_timestamp(), false) as probing
        from host_breakers where key = ${key}`);
      const row = rowsOf<{ failures: number; wait_ms: number; probing: boolean }>(result)[0];
      if (!row) return undefined;
      return {
        failures: Number(row.failures),
        waitMs: Math.ceil(Number(row.wait_ms)),
        probing: Boolean(row.probing),
      };
    },
    async open(key, failures, coolDownMs) {
      await db.execute(sql`
        insert into host_breakers (key, failures, open_until)
        values (${key}, ${failures}, clock_timestamp() + ${ms(coolDownMs)}::interval)
        on conflict (key) do update set failures = excluded.failures,
          open_until = excluded.open_until, probe_until = null`);
    },
    async claimProbe(key, windowMs) {
      const result = await db.execute(sql`
        update host_breakers set probe_until = clock_timestamp() + ${ms(windowMs)}::interval
        where key = ${key} and open_until <= clock_timestamp()
          and (probe_until is null or probe_until <= clock_timestamp())
        returning key`);
      return rowsOf(result).length > 0;
    },
    async close(key) {
      await db.execute(sql`delete from host_breakers where key = ${key}`);
    },
  };
}
