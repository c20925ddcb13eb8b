/**
 * One layer of the HTTP floor as a server process (see layers.ts): FLOOR_LAYER is its index in
 * LAYERS; DATABASE_URL, PORT, TUOPIN_POOL_SIZE, TUOPIN_CONFIG and TUOPIN_JWT_SECRET as for `start`.
 */
import { loadConfig } from '../../../packages/server/src/config.js';
import { listen } from '../../../packages/server/src/http/http-server.js';
import { createPinoLogger } from '../../../packages/server/src/observability/pino-logger.js';
import { createOrm } from '../../../packages/server/src/orm.js';
import { tenancyFor } from '../../../packages/server/src/platform-for.js';
import { buildLayer, LAYERS } from './layers.js';

const index = Number(process.env.FLOOR_LAYER);
if (!Number.isInteger(index) || index < 0 || index >= LAYERS.length) throw new Error(`FLOOR_LAYER must be 0–${LAYERS.length - 1}`);
const config = await loadConfig();
const log = createPinoLogger();
const tenancy = tenancyFor(config);
const orm = await createOrm({ databaseUrl: config.databaseUrl!, platform: tenancy.deployment, poolSize: config.poolSize, log });
const handler = await buildLayer(index, { config, tenancy, orm, log });
const server = await listen(handler, config.port, log);
log.info('floor layer is ready', { layer: LAYERS[index], port: server.port });
const stop = () => {
  server.drain(1_000).then(() => orm.close()).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
