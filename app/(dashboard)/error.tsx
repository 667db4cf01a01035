'use client';
import { AlertTriangle } from 'lucide-react';
import { Button } from '@/components/ui/button';

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-md rounded-xl border p-8 text-center">
      <AlertTriangle className="mx-auto mb-3 size-6 text-warning" aria-hidden />
      <h1 className="text-lg font-semibold">This page hit a problem</h1>
      <p className="mt-1 text-sm text-muted-foreground">{error.message || 'Something went wrong while showing this page.'}</p>
      <Button className="mt-5" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
