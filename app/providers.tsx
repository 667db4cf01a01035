'use client';
import * as React from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ThemeProvider, useTheme } from 'next-themes';
import { Toaster, toast } from 'sonner';
import { TooltipProvider } from '@/components/ui/tooltip';
import { ApiError } from '@/lib/client/api';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    // `toastErrors: false` on a mutation that shows its errors itself (e.g. at the field).
    mutationMeta: { toastErrors?: boolean };
  }
}

type Navigate = (href: string) => void;

/** A lapsed session sends the user to sign in, and back here afterwards. */
function toSignIn(navigate: Navigate) {
  const { pathname, search } = window.location;
  if (!pathname.startsWith('/sign-')) navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`);
}

function makeQueryClient(navigate: Navigate) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) toSignIn(navigate);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (error instanceof ApiError && error.status === 401) return toSignIn(navigate);
        if (mutation.meta?.toastErrors !== false) toast.error(error.message);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  // Lifted above the sticky save bar of the campaign form.
  return <Toaster theme={resolvedTheme === 'dark' ? 'dark' : 'light'} position="bottom-right" offset={{ bottom: 76, right: 16 }} mobileOffset={{ bottom: 76 }} richColors closeButton />;
}

export function Providers({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [queryClient] = React.useState(() => makeQueryClient((href) => router.replace(href)));
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <QueryClientProvider client={queryClient}>
        <TooltipProvider delayDuration={300}>{children}</TooltipProvider>
        <ThemedToaster />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
