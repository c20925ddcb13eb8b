/**
 * The raw floor: a minimal Node HTTP server that answers each question with hand-written SQL on a
 * node-postgres pool of the same size, as JSON. `POST /<question id>` with the variables as the
 * body; the answer is `{ "data": … }` in the common shape. No GraphQL, no ORM: what is left is
 * HTTP, JSON and PostgreSQL.
 *
 * env: DATABASE_URL, PORT, POOL_SIZE.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { QUESTIONS, type Question } from '../questions/index.js';

const port = Number(process.env.PORT ?? 5679);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
pool.on('error', (error) => console.error('pool error', error.message));
const routes = new Map<string, Question>(QUESTIONS.map((q) => [`/${q.id}`, q]));

const server = createServer((request, response) => {
  const question = routes.get(request.url ?? '');
  if (request.method !== 'POST' || !question) {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const vars = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    question.raw(pool, vars).then(
      (data) => {
        const body = JSON.stringify({ data });
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: Error) => {
        const body = JSON.stringify({ errors: [{ message: error.message }] });
        response.writeHead(500, { 'content-type': 'application/json' }).end(body);
      },
    );
  });
});
server.listen(port, () => console.log(JSON.stringify({ message: 'raw floor is ready', port })));
const stop = () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
