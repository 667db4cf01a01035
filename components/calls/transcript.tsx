import { Bot, User } from 'lucide-react';
import { cn } from '@/lib/client/cn';
import type { TranscriptTurn } from '@/lib/client/types';

function stamp(ms: number | undefined) {
  if (ms === undefined) return null;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The conversation as chat bubbles: the agent on the left, the lead on the right. */
export function Transcript({ turns, agentName = 'Agent', leadName = 'Lead' }: { turns: TranscriptTurn[]; agentName?: string; leadName?: string }) {
  return (
    <ol className="space-y-3" aria-label="Transcript" data-testid="transcript">
      {turns.map((turn, i) => {
        const agent = turn.speaker === 'agent';
        return (
          <li key={i} className={cn('flex gap-2', !agent && 'flex-row-reverse')}>
            <span className={cn('mt-1 flex size-7 shrink-0 items-center justify-center rounded-full', agent ? 'bg-primary/15 text-primary' : 'bg-muted text-muted-foreground')} aria-hidden>
              {agent ? <Bot className="size-4" /> : <User className="size-4" />}
            </span>
            <div className={cn('max-w-[80%] space-y-0.5', !agent && 'text-right')}>
              <p className="text-xs text-muted-foreground">
                <span className="font-medium">{agent ? agentName : leadName}</span>
                {stamp(turn.startMs) && <span className="ml-1.5 tabular-nums">{stamp(turn.startMs)}</span>}
              </p>
              <p className={cn('inline-block rounded-2xl px-3 py-2 text-left text-sm leading-relaxed', agent ? 'rounded-tl-sm bg-primary/10' : 'rounded-tr-sm bg-muted')}>{turn.text}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
