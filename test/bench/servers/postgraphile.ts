/**
 * The peer: PostGraphile 5 with the amber preset, served by grafserv's Node adaptor, over our
 * tables (schema `public`) and the bench's functions (schema `bench_pg`). Production settings:
 * no GraphiQL, no watch mode, no explain. Run on Node 20 with the Promise.withResolvers polyfill
 * (NODE_OPTIONS=--require test/bench/promise-with-resolvers.cjs).
 *
 * env: DATABASE_URL, PORT, POOL_SIZE; PRINT_SCHEMA=1 prints the SDL and exits.
 */
import { createServer } from 'node:http';
import { printSchema } from 'graphql';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT ?? 5678);
const poolSize = Number(process.env.POOL_SIZE ?? 10);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: poolSize });
pool.on('error', (error) => console.error('pool error', error.message));

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public', 'bench_pg'] })],
  grafserv: { port, graphiql: false, watch: false, graphqlOverGET: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);

if (process.env.PRINT_SCHEMA) {
  const schema = await pgl.getSchema();
  process.stdout.write(printSchema(schema));
  await pgl.release();
  await pool.end();
} else {
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.on('error', (error) => console.error(error));
  serv.addTo(server).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
  server.listen(port, () => console.log(JSON.stringify({ message: 'postgraphile is ready', port, poolSize })));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    Promise.resolve(pgl.release())
      .then(() => pool.end())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
