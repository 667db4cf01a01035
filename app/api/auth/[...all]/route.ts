// /api/auth/* – better-auth's own routes (sign-up/email, sign-in/email, sign-out, get-session…)
import { errorResponse } from '@/lib/api/handler';
import { assertSameOrigin } from '@/lib/api/same-origin';
import { getAuth } from '@/lib/auth';

const handle = async (req: Request) => {
  try {
    // The API's cross-site rule, before better-auth's own origin check, so both answer alike.
    assertSameOrigin(req);
  } catch (error) {
    return errorResponse(error);
  }
  return (await getAuth()).handler(req);
};

export const GET = handle;
export const POST = handle;
