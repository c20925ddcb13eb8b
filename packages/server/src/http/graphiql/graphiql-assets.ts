import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** Where the page loads GraphiQL's script, style and editor workers from: this server, never a CDN. */
export const GRAPHIQL_ASSET_PATH = '/graphiql/';

interface Asset {
  body: Buffer;
  /** The body gzipped once at load: GraphiQL's script is 9 MB, about 2.5 MB compressed. */
  gzipped: Buffer;
  type: string;
  etag: string;
}

/**
 * GraphiQL's bundle as `@graphql-yoga/render-graphiql` ships it (the same build yoga's default page
 * fetches from unpkg). Loaded on first use: the module is 9 MB of strings, and a production server,
 * which has no GraphiQL, never loads it.
 */
let assets: Promise<Map<string, Asset>> | undefined;

function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundle) => {
    const asset = (text: string, type: string, body = Buffer.from(text, 'utf8')): Asset => ({
      body,
      gzipped: gzipSync(body),
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    });
    const [, iconBase64 = ''] = bundle.favicon.split(',', 2);
    return new Map([
      ['yoga-graphiql.js', asset(bundle.js, 'text/javascript; charset=utf-8')],
      ['graphiql.css', asset(bundle.css, 'text/css; charset=utf-8')],
      // Monaco's workers, one per language service; classic scripts, so same-origin URLs work.
      ['editor.worker.js', asset(bundle.editorWorkerService, 'text/javascript; charset=utf-8')],
      ['json.worker.js', asset(bundle.jsonWorker, 'text/javascript; charset=utf-8')],
      ['graphql.worker.js', asset(bundle.graphqlWorker, 'text/javascript; charset=utf-8')],
      ['favicon.ico', asset('', 'image/x-icon', Buffer.from(iconBase64, 'base64'))],
    ]);
  });
  return assets;
}

/**
 * Answers GET /graphiql/<name>: 200 (gzipped when the browser accepts it) with a day-long cache
 * entry, 304 when revalidated, 404 for any other name.
 */
export async function serveGraphiqlAsset(path: string, headers: { ifNoneMatch?: string; acceptEncoding?: string }, res: ServerResponse): Promise<void> {
  const asset = (await loadAssets()).get(path.slice(GRAPHIQL_ASSET_PATH.length));
  if (!asset) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('etag', asset.etag);
  res.setHeader('cache-control', 'public, max-age=86400');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('vary', 'Origin, Accept-Encoding');
  if (headers.ifNoneMatch === asset.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(headers.acceptEncoding ?? '');
  const body = gzip ? asset.gzipped : asset.body;
  res.statusCode = 200;
  res.setHeader('content-type', asset.type);
  if (gzip) res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', body.length);
  res.end(body);
}
