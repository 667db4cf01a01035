'use client';
import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Download, Loader2, Upload } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';
import { errorMessage, uploadWithProgress } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import { downloadText, toCsv } from '@/lib/client/csv-preview';
import { formatNumber } from '@/lib/client/format';
import { queryKeys } from '@/lib/client/query-keys';
import type { DncImportReport } from '@/lib/client/types';
import { useFileDrop } from '@/lib/client/use-file-drop';

/** A CSV of numbers (first column, or a "phone" column) added to the list in one go. */
export function DncUpload() {
  const queryClient = useQueryClient();
  const input = React.useRef<HTMLInputElement>(null);
  const [fraction, setFraction] = React.useState<number | null>(null);
  const [report, setReport] = React.useState<DncImportReport | null>(null);

  async function upload(file: File) {
    const form = new FormData();
    form.append('file', file);
    setFraction(0);
    setReport(null);
    try {
      const result = await uploadWithProgress<DncImportReport>('/api/dnc', form, setFraction);
      setReport(result);
      toast.success(`${formatNumber(result.added)} numbers added to the do-not-call list`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dnc() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setFraction(null);
    }
  }
  const drop = useFileDrop((file) => void upload(file));

  return (
    <div className="space-y-3">
      <div
        data-testid="dnc-dropzone"
        {...drop.handlers}
        className={cn('flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-5 text-center text-sm', drop.over ? 'border-primary bg-primary/5' : 'border-border')}
      >
        {fraction === null ? (
          <>
            <p className="font-medium">Drop a CSV of phone numbers</p>
            <p className="text-xs text-muted-foreground">A “phone” column, or numbers in the first column; an optional “reason” column.</p>
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv,.txt"
              className="sr-only"
              aria-label="Upload a CSV file to the do-not-call list"
              data-testid="dnc-file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
                e.target.value = '';
              }}
            />
            <Button variant="outline" size="sm" onClick={() => input.current?.click()}>
              <Upload aria-hidden /> Choose a file
            </Button>
          </>
        ) : (
          <div className="w-full max-w-sm space-y-2" aria-live="polite">
            <p className="flex items-center justify-center gap-2">
              <Loader2 className="size-4 animate-spin" aria-hidden /> {fraction < 1 ? 'Uploading…' : 'Adding numbers…'}
            </p>
            <Progress value={fraction * 100} aria-label="Upload progress" />
          </div>
        )}
      </div>
      {report && (
        <div className="rounded-lg border p-3 text-sm" aria-live="polite" data-testid="dnc-import-report">
          <p>
            <span className="font-semibold">{formatNumber(report.added)}</span> added, {formatNumber(report.duplicates)} already listed, {formatNumber(report.rejectedTotal)} rejected of{' '}
            {formatNumber(report.totalRows)} rows.
            {report.leadsMarked > 0 && ` ${formatNumber(report.leadsMarked)} leads in your campaigns are now marked do-not-call.`}
          </p>
          {report.rejected.length > 0 && (
            <Button
              variant="link"
              size="sm"
              className="h-auto p-0"
              onClick={() => downloadText('dnc-rejected.csv', toCsv([['line', 'reason'], ...report.rejected.map((r) => [r.line, r.reason])]))}
            >
              <Download aria-hidden /> Download rejected rows
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
