// /api/auth/* – better-auth's own routes (sign-up/email, sign-in/email, sign-out, get-session…)
import { getAuth } from '@/lib/auth';

const handle = async (req: Request) => (await getAuth()).handler(req);

export const GET = handle;
export const POST = handle;
