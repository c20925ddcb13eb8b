import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_ASSET_PATH } from './graphiql-assets.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Inside <script>, JSON must not close the element or open a comment.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * yoga's `renderGraphiQL`: the same GraphiQL as yoga's default page, but every script, style and
 * worker comes from this server (`/graphiql/…`), so the page works on a machine without internet.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const base = GRAPHIQL_ASSET_PATH;
  const title = escapeHtml(options.title ?? 'GraphiQL');
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${base}favicon.ico">
<link rel="stylesheet" href="${base}graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL 需要 JavaScript / GraphiQL needs JavaScript.</noscript>
<div id="root"></div>
<script>
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (moduleId, label) => ${scriptJson(base)} + ({ json: 'json.worker.js', graphql: 'graphql.worker.js' }[label] || 'editor.worker.js'),
};
</script>
<script src="${base}yoga-graphiql.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${scriptJson(options)});</script>
</body>
</html>
`;
}
