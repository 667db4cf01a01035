// GET /docs/api – the API reference: Swagger UI, served from our own node_modules (no CDN), reading /api/openapi.json
import { apiDocsPage } from '@/lib/api/api-docs';

export const GET = () => new Response(apiDocsPage(), { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
