// GET /api/openapi.json – the API's OpenAPI 3.1 document (public: it holds no one's data)
import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';
import { withApiHeaders } from '@/lib/http/security-headers';

export const GET = () => withApiHeaders(NextResponse.json(openApiDocument()));
