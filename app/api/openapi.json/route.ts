// GET /api/openapi.json – the API's OpenAPI 3.1 document (public: it holds no one's data)
import { withErrors } from '@/lib/api/handler';
import { openApiDocument } from '@/lib/api/openapi';

export const GET = withErrors(async () => openApiDocument());
