'use client';
import { createAuthClient } from 'better-auth/react';

// Same origin: better-auth's routes live at /api/auth/* in this app.
export const authClient = createAuthClient();
export const { useSession, signIn, signUp, signOut } = authClient;
