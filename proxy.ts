// Sends visitors without a session cookie to /sign-in before any dashboard page renders.
// Only the cookie's presence is checked here; the dashboard layout and the API verify it.
import { NextResponse, type NextRequest } from 'next/server';

const sessionCookies = ['better-auth.session_token', '__Secure-better-auth.session_token'];

export function proxy(request: NextRequest) {
  const signedIn = sessionCookies.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== '/') url.searchParams.set('next', next);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/', '/campaigns/:path*', '/dnc/:path*', '/team/:path*', '/settings/:path*'],
};
