'use client';
import * as React from 'react';
import { FlaskConical, Loader2 } from 'lucide-react';
import { ScoreBreakdown, ScoreMeter } from '@/components/calls/score-breakdown';
import { OutcomeBadge } from '@/components/status-badges';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { formatDateTime, humanize } from '@/lib/client/format';
import { useQualificationPreview } from '@/lib/client/queries/qualification';
import type { QualificationCriterion, TranscriptTurn } from '@/lib/client/types';
import { criteriaFrom, validate, type CriterionDraft } from './form-model';

export const sampleTranscript = `Agent: Hi, this is Alex from Foundry Labs. Do you have a minute?
Lead: Sure, go ahead.
Agent: What budget do you have set aside for a new tool this year?
Lead: Around fifteen thousand dollars.
Agent: And are you the one who signs off on it?
Lead: Yes, I make that decision.
Agent: When would you want to get started?
Lead: Within the month, ideally.`;

/** "Agent: …" / "Lead: …" lines to turns; a line without a speaker continues the previous turn. */
export function parseTranscript(text: string): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(agent|lead|a|l)\s*:\s*(.*)$/i.exec(line);
    if (match) turns.push({ speaker: match[1].toLowerCase().startsWith('a') ? 'agent' : 'lead', text: match[2] });
    else if (turns.length) turns[turns.length - 1].text += ` ${line}`;
    else turns.push({ speaker: 'lead', text: line });
  }
  return turns.filter((t) => t.text.trim());
}

/** Scores a sample conversation with the criteria as they are in the form, before saving. */
export function QualificationPreview({ criteria, minScore }: { criteria: CriterionDraft[]; minScore: string }) {
  const [text, setText] = React.useState(sampleTranscript);
  const [problem, setProblem] = React.useState<string>();
  const preview = useQualificationPreview();

  function run() {
    const qualificationCriteria = criteriaFrom(criteria) as QualificationCriterion[];
    const minQualificationScore = Number(minScore);
    const errors = validate({ name: 'x', timezone: 'UTC', callWindows: [{ dayOfWeek: 1, startHour: 9, endHour: 17 }], maxCallsPerDay: 1, maxCallsPerLead: 1, qualificationCriteria, minQualificationScore });
    const first = Object.entries(errors).find(([k]) => k.startsWith('qualificationCriteria') || k === 'minQualificationScore');
    if (first) return setProblem(`Fix the criteria first: ${first[1]}`);
    const transcript = parseTranscript(text);
    if (!transcript.length) return setProblem('Write a few lines of conversation, each starting with “Agent:” or “Lead:”');
    setProblem(undefined);
    preview.mutate({ transcript, qualificationCriteria, minQualificationScore });
  }

  const labels = Object.fromEntries(criteria.filter((c) => c.label.trim()).map((c) => [c.field, c.label.trim()]));
  const result = preview.data;

  return (
    <div className="rounded-lg border bg-muted/30 p-4" data-testid="qualification-preview">
      <div className="mb-3 flex items-start gap-2">
        <FlaskConical className="mt-0.5 size-4 text-primary" aria-hidden />
        <div>
          <h3 className="text-sm font-semibold">Try on a sample transcript</h3>
          <p className="text-xs text-muted-foreground">See how a conversation would score with these criteria. Nothing is saved or called.</p>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="grid content-start gap-2">
          <Label htmlFor="sample-transcript">Conversation</Label>
          <Textarea id="sample-transcript" rows={10} className="font-mono text-xs" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="sample-transcript-hint" />
          <p id="sample-transcript-hint" className="text-xs text-muted-foreground">
            One line per turn, starting with “Agent:” or “Lead:”.
          </p>
          <FieldError message={problem} />
          <div>
            <Button variant="secondary" onClick={run} disabled={preview.isPending} data-testid="run-preview">
              {preview.isPending && <Loader2 className="animate-spin" aria-hidden />}
              Score this transcript
            </Button>
          </div>
        </div>
        <div aria-live="polite" className="min-w-0">
          {result ? (
            <div className="space-y-4" data-testid="preview-result">
              <div className="flex items-start justify-between gap-4">
                <ScoreMeter score={result.score} min={Number(minScore)} />
                <OutcomeBadge outcome={result.outcome} />
              </div>
              <ScoreBreakdown results={result.perCriterion} labels={labels} />
              {(result.notes || result.nextAction) && (
                <dl className="grid gap-2 text-sm">
                  {result.notes && (
                    <div>
                      <dt className="text-xs font-medium text-muted-foreground">Notes</dt>
                      <dd>{result.notes}</dd>
                    </div>
                  )}
                  {result.nextAction && (
                    <div>
                      <dt className="text-xs font-medium text-muted-foreground">Next action</dt>
                      <dd>{humanize(result.nextAction)}</dd>
                    </div>
                  )}
                </dl>
              )}
              {result.optOut && <p className="text-sm font-medium text-destructive">The lead asked not to be called again: they would go on the do-not-call list.</p>}
              {result.callbackAt && <p className="text-sm">Callback requested for {formatDateTime(result.callbackAt)}.</p>}
            </div>
          ) : (
            <div className="flex h-full min-h-40 items-center justify-center rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
              The score, the outcome and each criterion’s verdict appear here.
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
