// GET/POST /api/health – the app is up: a bare JSON answer with no database, no session and no signature (a load
// balancer's probe; bench/webhook-ingest.ts measures the webhook route against it).
export async function GET() {
  return Response.json({ ok: true });
}

export async function POST(req: Request) {
  await req.text();
  return Response.json({ ok: true });
}
