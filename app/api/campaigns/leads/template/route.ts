// GET /api/campaigns/leads/template – a lead-list CSV template with the columns the importer reads
import { withUser } from '@/lib/api/handler';
import { leadTemplateCsv } from '@/shared/lead-template';

export const GET = withUser(async () => new Response(leadTemplateCsv(), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="lead-template.csv"' } }));
