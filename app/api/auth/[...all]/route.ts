// /api/auth/* – better-auth's own routes (sign-up/email, sign-in/email, sign-out, get-session…)
import { handleAuthRequest } from '@/lib/api/auth-route';

export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
