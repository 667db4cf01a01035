// The API reference page at /docs/api: Swagger UI (swagger-ui-dist, maintained by SmartBear) from the
// installed package, so the page works on a machine with no internet and no CDN is trusted.
import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const assets: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

export function apiDocsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API reference – Outbound calling engine</title>
  <link rel="stylesheet" href="/docs/api/assets/swagger-ui.css">
  <style>body { margin: 0 } .swagger-ui .topbar { display: none }</style>
</head>
<body>
  <div id="api-reference"></div>
  <script src="/docs/api/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api-reference', deepLinking: true, withCredentials: true, persistAuthorization: false });
  </script>
</body>
</html>
`;
}

/** One of Swagger UI's two files, by name; anything else is a 404. */
export async function apiDocsAsset(file: string): Promise<Response> {
  const type = Object.hasOwn(assets, file) ? assets[file] : undefined;
  if (!type) return new Response('Not found', { status: 404 });
  const body = await readFile(path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', file));
  return new Response(body, { headers: { 'content-type': type, 'cache-control': 'public, max-age=3600' } });
}
