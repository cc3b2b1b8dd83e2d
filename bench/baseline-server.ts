/**
 * The limit the warm look-up is measured against: a bare node:http handler that parses the same
 * input, does the same indexed SELECT over the same driver and returns the same JSON, with no
 * framework, validation of output, logging or metrics.
 */
import { createServer } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { lookupInputSchema } from '@liner/shared';
import postgres from 'postgres';
import { queryKey } from '../server/src/services/permalink.ts';

const SQL =
  'select result, reusable_until from lookups where query_key = $1 order by created_at desc limit 1';
const url = process.env.DATABASE_URL;
/** The data directory of a running embedded PostgreSQL (its socket is there). */
const socketDir = process.env.EMBEDDED_SOCKET_DIR;

type Row = { result: string; reusable_until: Date | string } | undefined;
const reusable = (row: Row, at: Date) =>
  row && new Date(row.reusable_until).getTime() > at.getTime() ? row.result : undefined;

let select: (key: string, at: Date) => Promise<string | undefined>;
if (url || socketDir) {
  const options = { max: 10, onnotice: () => {} };
  const sql = url
    ? postgres(url, options)
    : postgres({
        host: socketDir,
        port: 5432,
        username: 'liner',
        database: 'postgres',
        ...options,
      });
  select = async (key, at) =>
    reusable((await sql.unsafe(SQL, [key], { prepare: true }))[0] as Row, at);
} else {
  const db = await PGlite.create(process.env.LINER_DATA_DIR!);
  select = async (key, at) => reusable((await db.query<NonNullable<Row>>(SQL, [key])).rows[0], at);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const input = lookupInputSchema.parse(JSON.parse(Buffer.concat(chunks).toString()));
    const result = await select(queryKey(input), new Date());
    res
      .writeHead(result ? 200 : 404, { 'content-type': 'application/json' })
      .end(`{"result":{"data":${result}}}`);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(
    JSON.stringify({ url: `http://127.0.0.1:${address.port}`, msg: 'baseline listening' }),
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
