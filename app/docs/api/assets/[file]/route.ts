// GET /docs/api/assets/:file – Swagger UI's script and stylesheet, from the installed swagger-ui-dist package
import { apiDocsAsset } from '@/lib/api/api-docs';

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  return apiDocsAsset((await ctx.params).file);
}
