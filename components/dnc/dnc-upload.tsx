'use client';
import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Download, Loader2, Upload } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Progress } from '@/components/ui/progress';
import { errorMessage, uploadWithProgress } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import { downloadText, rejectedRowsCsv } from '@/lib/client/csv-preview';
import { formatNumber } from '@/lib/client/format';
import { queryKeys } from '@/lib/client/query-keys';
import type { DncImportReport } from '@/lib/client/types';
import { useFileDrop } from '@/lib/client/use-file-drop';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

type UploadFormat = 'auto' | 'csv' | 'registry';

// Rejected lines shown in place; the whole list (up to the first 1,000) is a download.
const SHOWN_REJECTIONS = 5;

/**
 * A file of numbers added to the list in one go: a CSV (first column, or a "phone" column), or a
 * National Do Not Call Registry download (one 10-digit number per line, up to 10 million).
 */
export function DncUpload() {
  const queryClient = useQueryClient();
  const input = React.useRef<HTMLInputElement>(null);
  const [format, setFormat] = React.useState<UploadFormat>('auto');
  const [fraction, setFraction] = React.useState<number | null>(null);
  const [report, setReport] = React.useState<DncImportReport | null>(null);

  async function upload(file: File) {
    const form = new FormData();
    // The fields go before the file, so the server reads the file as it arrives instead of
    // spooling it while it waits for them.
    form.append('format', format);
    form.append('region', 'US');
    form.append('reason', '');
    form.append('file', file);
    setFraction(0);
    setReport(null);
    try {
      const result = await uploadWithProgress<DncImportReport>('/api/dnc', form, setFraction);
      setReport(result);
      toast.success(`${formatNumber(result.added)} numbers added to the do-not-call list`);
      void refreshAfterWrite(queryClient, queryKeys.dnc());
      void refreshAfterWrite(queryClient, queryKeys.campaigns);
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
            <p className="font-medium">Drop a CSV or a registry file of phone numbers</p>
            <p className="text-xs text-muted-foreground">
              CSV: a “phone” column, or numbers in the first column; an optional “reason” column. National Do Not Call Registry download: one 10-digit number per line,
              no header, up to 10 million numbers (160 MB).
            </p>
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv,.txt,text/plain"
              className="sr-only"
              aria-label="Upload a CSV or registry file to the do-not-call list"
              data-testid="dnc-file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
                e.target.value = '';
              }}
            />
            <div className="flex flex-wrap items-center justify-center gap-2">
              <Label htmlFor="dnc-format" className="text-xs text-muted-foreground">
                File format
              </Label>
              <NativeSelect id="dnc-format" data-testid="dnc-format" value={format} onChange={(e) => setFormat(e.target.value as UploadFormat)} className="w-56">
                <option value="auto">Detect from the file</option>
                <option value="registry">Registry download (10-digit lines)</option>
                <option value="csv">CSV</option>
              </NativeSelect>
              <Button variant="outline" size="sm" onClick={() => input.current?.click()}>
                <Upload aria-hidden /> Choose a file
              </Button>
            </div>
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
            Read as {report.format === 'registry' ? 'a registry download' : 'a CSV'}: <span className="font-semibold">{formatNumber(report.added)}</span> imported,{' '}
            {formatNumber(report.duplicates)} already listed (or repeated in the file), {formatNumber(report.rejectedTotal)} rejected of {formatNumber(report.totalRows)}{' '}
            {report.format === 'registry' ? 'lines' : 'rows'}.
            {report.leadsMarked > 0 && ` ${formatNumber(report.leadsMarked)} open leads in this workspace's campaigns are now blocked as do-not-call.`}
          </p>
          {report.rejected.length > 0 && (
            <ul className="mt-2 space-y-0.5 text-xs text-muted-foreground" data-testid="dnc-rejected-lines">
              {report.rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
                <li key={r.line}>
                  Line {formatNumber(r.line)}: {r.reason}
                </li>
              ))}
              {report.rejectedTotal > SHOWN_REJECTIONS && <li>… and {formatNumber(report.rejectedTotal - SHOWN_REJECTIONS)} more</li>}
            </ul>
          )}
          {report.rejected.length > 0 && (
            <Button
              variant="link"
              size="sm"
              className="h-auto p-0"
              onClick={() => downloadText('dnc-rejected.csv', rejectedRowsCsv(report.rejected))}
            >
              <Download aria-hidden /> Download rejected {report.format === 'registry' ? 'lines' : 'rows'}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
