// The route list, read from the files: every app/api/**/route.ts and each method it exports. The
// authorization matrix, the OpenAPI coverage test and the route fuzz drill all enumerate routes here, so a
// route added under app/api is met by all three.
import fs from 'node:fs';
import path from 'node:path';

export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];
export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** `key`: `POST /api/campaigns/:id/leads` (the matrix's form); `openApiPath`: `/api/campaigns/{id}/leads`. */
export type RouteFile = { key: string; method: RouteMethod; template: string; openApiPath: string; file: string };
export type Route = RouteFile & { handler: RouteHandler };

export const apiRoot = path.join(import.meta.dirname, '..', 'app', 'api');

/** The methods a route file exports, read from its source. */
function exportedMethods(file: string): RouteMethod[] {
  const source = fs.readFileSync(file, 'utf8');
  const found = new Set<RouteMethod>();
  const isMethod = (name: string): name is RouteMethod => (ROUTE_METHODS as readonly string[]).includes(name);
  for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1] as RouteMethod);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const name of m[1].split(',').map((n) => n.trim())) if (isMethod(name)) found.add(name);
  return ROUTE_METHODS.filter((m) => found.has(m));
}

type RouteFolder = { template: string; openApiPath: string; file: string };

function routeFolders(): RouteFolder[] {
  const files = (fs.readdirSync(apiRoot, { recursive: true }) as string[]).filter((f) => f.split(path.sep).pop() === 'route.ts').sort();
  return files.map((file) => {
    const segments = path.dirname(file).split(path.sep).filter((s) => s !== '.');
    const template = ('/api/' + segments.map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, ':$1')).join('/')).replace(/\/$/, '');
    const openApiPath = '/api/' + segments.map((s) => s.replace(/^\[(.+)\]$/, '{$1}')).join('/');
    return { template, openApiPath, file: path.join(apiRoot, file) };
  });
}

/** Every route file under app/api and the methods its source exports, sorted by file (no import: the unit suite reads it without a database). */
export function routeFiles(): RouteFile[] {
  return routeFolders().flatMap((folder) => exportedMethods(folder.file).map((method) => ({ ...folder, key: `${method} ${folder.template}`, method })));
}

/** The route list with each method's real handler, imported (integration tests): the methods are the module's exports. */
export async function discoverRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const route of routeFolders()) {
    const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
    for (const method of ROUTE_METHODS) {
      const handler = mod[method];
      if (typeof handler === 'function') routes.push({ ...route, key: `${method} ${route.template}`, method, handler: handler as RouteHandler });
    }
  }
  return routes;
}
