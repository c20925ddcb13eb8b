/** @tuopin/testing: real PostgreSQL per test file and a typed in-process GraphQL client. */
export { createTestDatabase } from './test-database.js';
export { createTestServer, TEST_ADMIN, TEST_REGISTRAR, type TestServer, type TestServerOptions, type ExecuteOptions } from './test-server.js';
export { createHttpTestServer, TEST_JWT_SECRET, type HttpTestServer, type HttpTestServerOptions } from './http-test-server.js';
export { makeIdNumber } from './id-numbers.js';
export { documentOf } from './document-of.js';
export { mustSucceed, type HttpResponseOf, type PayloadOf } from './must-succeed.js';
export type { ProvidedDatabase } from './provided.js';
export { CHROMIUM_PATH, launchOfflineChromium, type OfflineBrowser } from './offline-browser.js';
