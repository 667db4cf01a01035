'use client';
import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { AlertCircle, CheckCircle2, Download, FileSpreadsheet, Loader2, Upload, X } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { NativeSelect } from '@/components/ui/native-select';
import { Progress } from '@/components/ui/progress';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ApiError, errorMessage, uploadWithProgressLines } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import { downloadText, previewCsv, rejectedRowsCsv, type CsvPreview } from '@/lib/client/csv-preview';
import { formatNumber } from '@/lib/client/format';
import type { ImportProgress, ImportReport, LeadField } from '@/lib/client/types';
import { detectColumnMapping, resolveColumns } from '@/shared/csv-columns';
import { useFileDrop } from '@/lib/client/use-file-drop';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

const fieldOptions: { value: LeadField; label: string }[] = [
  { value: 'name', label: 'Full name' },
  { value: 'first_name', label: 'First name' },
  { value: 'last_name', label: 'Last name' },
  { value: 'phone', label: 'Phone' },
  { value: 'company', label: 'Company' },
  { value: 'email', label: 'Email' },
  { value: 'timezone', label: 'Time zone' },
  { value: 'state', label: 'State / province' },
  { value: 'consent_at', label: 'Consent date' },
  { value: 'consent_source', label: 'Consent source' },
  { value: 'consent_text', label: 'Consent text / URL' },
  { value: 'context', label: 'Agent context' },
  { value: 'ignore', label: 'Don’t import' },
];

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; file: File }
  | { kind: 'mapping'; file: File; preview: CsvPreview; mapping: Record<string, LeadField> }
  | { kind: 'uploading'; file: File; fraction: number; rows: number; progress: ImportProgress | null }
  | { kind: 'done'; file: File; report: ImportReport };

function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Drop a CSV, check the column mapping on a preview, upload with progress, read the report. */
export function CsvImport({ campaignId, onClose }: { campaignId: string; onClose?: () => void }) {
  const queryClient = useQueryClient();
  const [stage, setStage] = React.useState<Stage>({ kind: 'idle' });
  const abort = React.useRef<AbortController | null>(null);

  async function choose(file: File) {
    if (!/\.(csv|txt|tsv)$/i.test(file.name) && !file.type.includes('csv') && !file.type.startsWith('text/')) {
      toast.error(`${file.name} is not a CSV file`);
      return;
    }
    setStage({ kind: 'reading', file });
    try {
      const preview = await previewCsv(file);
      if (!preview.headers.length) throw new Error('The file is empty');
      setStage({ kind: 'mapping', file, preview, mapping: detectColumnMapping(preview.headers) as Record<string, LeadField> });
    } catch (error) {
      toast.error(`Could not read ${file.name}: ${errorMessage(error)}`);
      setStage({ kind: 'idle' });
    }
  }

  async function upload(file: File, mapping: Record<string, LeadField>) {
    const form = new FormData();
    form.append('file', file);
    form.append('mapping', JSON.stringify(mapping));
    abort.current = new AbortController();
    const rows = stage.kind === 'mapping' ? stage.preview.rowCount : 0;
    setStage({ kind: 'uploading', file, fraction: 0, rows, progress: null });
    try {
      const report = await uploadWithProgressLines<ImportProgress, ImportReport>(`/api/campaigns/${campaignId}/leads/upload`, form, {
        onUpload: (fraction) => setStage((s) => (s.kind === 'uploading' ? { ...s, fraction } : s)),
        onProgress: (progress) => setStage((s) => (s.kind === 'uploading' ? { ...s, progress } : s)),
        signal: abort.current.signal,
      });
      setStage({ kind: 'done', file, report });
      toast.success(`${formatNumber(report.inserted)} leads imported`);
      void refreshAfterWrite(queryClient, ['campaigns']);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'aborted')) toast.error(errorMessage(error));
      const preview = await previewCsv(file);
      setStage({ kind: 'mapping', file, preview, mapping });
    }
  }

  return (
    <Card data-testid="csv-import">
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="space-y-1">
          <CardTitle>Import leads from CSV</CardTitle>
          <CardDescription>
            One lead per row with at least a name and a phone number. Duplicates and numbers on your do-not-call list are skipped.{' '}
            <a href="/api/campaigns/leads/template" download className="font-medium underline underline-offset-4" data-testid="lead-template">
              Download a template
            </a>{' '}
            with the columns the import reads.
          </CardDescription>
        </div>
        {onClose && (
          <Button variant="ghost" size="icon-sm" aria-label="Close import" onClick={onClose}>
            <X aria-hidden />
          </Button>
        )}
      </CardHeader>
      <CardContent>
        {stage.kind === 'idle' && <DropZone onFile={choose} />}
        {stage.kind === 'reading' && (
          <p className="flex items-center gap-2 py-8 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Reading {stage.file.name}…
          </p>
        )}
        {stage.kind === 'mapping' && (
          <MappingStep
            stage={stage}
            onChange={(mapping) => setStage({ ...stage, mapping })}
            onCancel={() => setStage({ kind: 'idle' })}
            onImport={() => upload(stage.file, stage.mapping)}
          />
        )}
        {stage.kind === 'uploading' && (
          <div className="space-y-3 py-4" aria-live="polite">
            <div className="flex items-center justify-between text-sm">
              <span className="flex items-center gap-2">
                <Loader2 className="size-4 animate-spin" aria-hidden />
                {stage.progress ? `Importing ${stage.file.name}` : stage.fraction < 1 ? `Uploading ${stage.file.name}` : 'Checking and saving the leads…'}
              </span>
              <span className="tabular-nums text-muted-foreground">{Math.round(stage.fraction * 100)}% sent</span>
            </div>
            <Progress value={stage.fraction * 100} aria-label="Upload progress" data-testid="upload-progress" />
            <p className="text-sm tabular-nums text-muted-foreground" data-testid="import-rows-progress">
              {stage.progress
                ? `${formatNumber(stage.progress.rows)} rows imported${stage.rows ? ` of ${stage.rows > stage.progress.rows ? '≈ ' : ''}${formatNumber(Math.max(stage.rows, stage.progress.rows))}` : ''}: ${formatNumber(stage.progress.inserted)} new leads, ${formatNumber(stage.progress.duplicates)} duplicates, ${formatNumber(stage.progress.dnc)} on the do-not-call list, ${formatNumber(stage.progress.rejected)} rejected`
                : 'Waiting for the first rows to be saved…'}
            </p>
            {stage.fraction < 1 && (
              <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
                Cancel upload
              </Button>
            )}
          </div>
        )}
        {stage.kind === 'done' && <ImportReportView report={stage.report} fileName={stage.file.name} onAgain={() => setStage({ kind: 'idle' })} onClose={onClose} />}
      </CardContent>
    </Card>
  );
}

function DropZone({ onFile }: { onFile: (file: File) => void }) {
  const { over, handlers } = useFileDrop(onFile);
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div
      data-testid="csv-dropzone"
      {...handlers}
      className={cn('flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors', over ? 'border-primary bg-primary/5' : 'border-border')}
    >
      <span className="flex size-11 items-center justify-center rounded-full bg-primary/10 text-primary">
        <Upload className="size-5" aria-hidden />
      </span>
      <div className="space-y-1">
        <p className="text-sm font-medium">Drop a CSV file here</p>
        <p className="text-xs text-muted-foreground">Columns such as name, phone, company, email and timezone are recognised; any other column is passed to the agent as context.</p>
      </div>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,.txt,.tsv"
        className="sr-only"
        id="csv-file"
        data-testid="csv-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <Button variant="outline" size="sm" onClick={() => input.current?.click()}>
        <FileSpreadsheet aria-hidden /> Choose a file
      </Button>
    </div>
  );
}

function MappingStep({
  stage,
  onChange,
  onCancel,
  onImport,
}: {
  stage: Extract<Stage, { kind: 'mapping' }>;
  onChange: (mapping: Record<string, LeadField>) => void;
  onCancel: () => void;
  onImport: () => void;
}) {
  const { file, preview, mapping } = stage;
  const { errors } = resolveColumns(preview.headers, mapping);
  const problems = Object.values(errors);
  return (
    <div className="space-y-4" data-testid="csv-mapping">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="flex items-center gap-2 font-medium">
          <FileSpreadsheet className="size-4 text-muted-foreground" aria-hidden /> {file.name}
        </span>
        <span className="text-muted-foreground">{formatBytes(file.size)}</span>
        <span className="text-muted-foreground">
          {preview.rowCountIsEstimate ? '≈ ' : ''}
          {formatNumber(preview.rowCount)} rows
        </span>
      </div>
      <div className="rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              {preview.headers.map((h, i) => (
                <TableHead key={`${i}-${h}`} className="min-w-40 align-top normal-case">
                  <div className="space-y-1.5 py-2">
                    <span className="block truncate font-mono text-xs tracking-normal text-foreground">{h || `(column ${i + 1}, no header)`}</span>
                    <NativeSelect
                      disabled={!h}
                      aria-label={`Column “${h}” imports as`} value={mapping[h] ?? 'context'} onChange={(e) => onChange({ ...mapping, [h]: e.target.value as LeadField })} className="font-normal">
                      {fieldOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </NativeSelect>
                  </div>
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.rows.map((row, i) => (
              <TableRow key={i}>
                {preview.headers.map((h, j) => (
                  <TableCell key={`${j}-${h}`} className={cn('max-w-56 truncate text-xs', mapping[h] === 'ignore' && 'text-muted-foreground line-through')}>
                    {row[j] ?? ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <p className="text-xs text-muted-foreground">The first {preview.rows.length} rows. Change what a column imports as with the menu above it; “Agent context” columns are passed to the agent as background.</p>
      {problems.length > 0 && (
        <div role="alert" className="flex gap-2 rounded-lg border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive">
          <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <ul>
            {problems.map((p) => (
              <li key={p}>{p.charAt(0).toUpperCase() + p.slice(1)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Choose another file
        </Button>
        <Button onClick={onImport} disabled={problems.length > 0} data-testid="start-import">
          <Upload aria-hidden /> Import {preview.rowCountIsEstimate ? 'about ' : ''}
          {formatNumber(preview.rowCount)} leads
        </Button>
      </div>
    </div>
  );
}

/** Rows of the file by line number with the reason: the report's first ones, and how many there are in all. */
function LineList({ title, lines, total, action, testId }: { title: string; lines: { line: number; reason: string }[]; total: number; action?: React.ReactNode; testId?: string }) {
  const heading = (
    <p className="text-sm font-medium">
      {title}
      {total > lines.length ? ` (first ${lines.length} of ${formatNumber(total)})` : ''}
    </p>
  );
  return (
    <div className="space-y-2" data-testid={testId}>
      {action ? (
        <div className="flex items-center justify-between gap-2">
          {heading}
          {action}
        </div>
      ) : (
        heading
      )}
      <ul className="max-h-48 overflow-y-auto rounded-lg border text-sm">
        {lines.slice(0, 50).map((r) => (
          <li key={`${r.line}-${r.reason}`} className="flex gap-3 border-b px-3 py-1.5 last:border-0">
            <span className="w-16 shrink-0 tabular-nums text-muted-foreground">Line {r.line}</span>
            <span>{r.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ImportReportView({ report, fileName, onAgain, onClose }: { report: ImportReport; fileName: string; onAgain: () => void; onClose?: () => void }) {
  const stats = [
    { label: 'Imported', value: report.inserted, className: 'text-success' },
    { label: 'Duplicates skipped', value: report.duplicates },
    { label: 'On do-not-call list', value: report.dnc },
    { label: 'Rejected', value: report.rejectedTotal, className: report.rejectedTotal ? 'text-destructive' : undefined },
  ];
  return (
    <div className="space-y-4" data-testid="import-report" aria-live="polite">
      <p className="flex items-center gap-2 text-sm font-medium">
        <CheckCircle2 className="size-4 text-success" aria-hidden />
        {fileName}: {formatNumber(report.totalRows)} rows read
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg border p-3">
            <dt className="text-xs text-muted-foreground">{s.label}</dt>
            <dd className={cn('text-xl font-semibold tabular-nums', s.className)}>{formatNumber(s.value)}</dd>
          </div>
        ))}
      </dl>
      {report.rejected.length > 0 && (
        <LineList
          title="Rejected rows"
          lines={report.rejected}
          total={report.rejectedTotal}
          action={
            <Button variant="outline" size="sm" onClick={() => downloadText(`${fileName.replace(/\.[^.]+$/, '')}-rejected.csv`, rejectedRowsCsv(report.rejected))}>
              <Download aria-hidden /> Download rejected rows
            </Button>
          }
        />
      )}
      {report.notes && report.notes.length > 0 && <LineList title="Imported with notes" lines={report.notes} total={report.notesTotal ?? 0} testId="import-notes" />}
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onAgain}>
          Import another file
        </Button>
        {onClose && <Button onClick={onClose}>Done</Button>}
      </div>
    </div>
  );
}
