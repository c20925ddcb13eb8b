/** @tuopin/testing: real PostgreSQL per test file and a typed in-process GraphQL client. */
export { createTestDatabase } from './test-database.js';
export { createTestServer, type TestServer, type TestServerOptions, type ExecuteOptions } from './test-server.js';
export { makeIdNumber } from './id-numbers.js';
export type { ProvidedDatabase } from './provided.js';
export { documentOf } from './document-of.js';
