// The OpenAPI document is valid 3.1 and describes exactly the routes that exist: a route added under
// app/api without its entry here (or an entry left after its route is gone) fails this test.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { routeFiles } from '@/test/api-routes';
import { openApiDocument } from './openapi';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

// better-auth serves its own routes (sign-up, sign-in, sign-out, get-session…) under one catch-all;
// they are better-auth's contract, not this API's, and have no fixed list of paths to describe.
const undocumented = new Map([['/api/auth/{...all}', 'better-auth catch-all']]);

// The one route list (test/api-routes.ts), shared with the authorization matrix and the route fuzz drill.
const routes = routeFiles().map((route) => `${route.method} ${route.openApiPath}`);

describe('the OpenAPI document', () => {
  const doc = openApiDocument();

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('finds the routes it checks (the scan works)', () => {
    expect(routes).toContain('POST /api/campaigns');
    expect(routes).toContain('POST /api/campaigns/{id}/leads/add');
    expect(routes).toContain('PATCH /api/campaigns/{id}/leads/{leadId}');
  });

  it('describes every route under app/api, and no route that does not exist', () => {
    const existing = routes.filter((r) => !undocumented.has(r.split(' ')[1])).sort();
    const described = Object.entries(doc.paths ?? {})
      .flatMap(([p, item]) => methods.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()]).map((m) => `${m} ${p}`))
      .sort();
    expect(described.filter((r) => !existing.includes(r)), 'described but no such route').toEqual([]);
    expect(existing.filter((r) => !described.includes(r)), 'routes missing from the document').toEqual([]);
  });

  it('gives every operation a success response with a schema, and every create a Location header', () => {
    for (const [p, item] of Object.entries(doc.paths ?? {})) {
      for (const m of methods) {
        const operation = (item as Record<string, any>)[m.toLowerCase()];
        if (!operation) continue;
        const success = Object.entries(operation.responses as Record<string, any>).filter(([status]) => status.startsWith('2'));
        expect(success.length, `${m} ${p}`).toBeGreaterThan(0);
        for (const [status, response] of success) {
          const content = Object.values(response.content ?? {}) as { schema?: unknown }[];
          expect(content.length && content.every((c) => c.schema), `${m} ${p} ${status} has a schema`).toBeTruthy();
          if (status === '201') expect(response.headers?.Location, `${m} ${p} 201 has Location`).toBeDefined();
        }
      }
    }
  });
});
