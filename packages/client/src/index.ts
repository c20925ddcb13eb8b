/**
 * @tuopin/client: what a frontend on tuopin needs at run time. The codegen settings are in
 * `@tuopin/client/codegen` (a build-time import, kept apart so the browser bundle stays small).
 */
export { createTuopinClient, type TuopinClient, type TuopinClientOptions, type TuopinDocument, type TuopinRequestOptions } from './client.js';
export { TuopinClientError, toTuopinError, type TuopinErrorCode, type TuopinGraphQLError } from './errors.js';
