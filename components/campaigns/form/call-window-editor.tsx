'use client';
import { Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { Switch } from '@/components/ui/switch';
import { hourLabel, weekdays } from '@/lib/client/call-windows';
import { cn } from '@/lib/client/cn';
import { errorAt, newKey, windowPresets, type FieldErrors, type WindowDraft } from './form-model';

type Props = { windows: WindowDraft[]; onChange: (windows: WindowDraft[]) => void; errors: FieldErrors };

const startHours = Array.from({ length: 24 }, (_, h) => h);
const endHours = Array.from({ length: 24 }, (_, h) => h + 1);

/** One row per weekday: on/off, then its windows (start and end hour) drawn on a 24-hour strip. */
export function CallWindowEditor({ windows, onChange, errors }: Props) {
  const update = (key: string, change: Partial<WindowDraft>) => onChange(windows.map((w) => (w.key === key ? { ...w, ...change } : w)));
  const remove = (key: string) => onChange(windows.filter((w) => w.key !== key));
  const add = (dayOfWeek: number) => {
    const last = windows.filter((w) => w.dayOfWeek === dayOfWeek).at(-1);
    const startHour = last ? Math.min(last.endHour + 1, 23) : 9;
    onChange([...windows, { key: newKey(), dayOfWeek, startHour, endHour: Math.min(Math.max(startHour + 4, last ? startHour + 1 : 17), 24) }]);
  };
  const toggleDay = (dayOfWeek: number, on: boolean) => (on ? add(dayOfWeek) : onChange(windows.filter((w) => w.dayOfWeek !== dayOfWeek)));
  const listError = errors.callWindows;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-muted-foreground">Presets:</span>
        {windowPresets.map((p) => (
          <Button key={p.label} size="sm" variant="outline" onClick={() => onChange(p.windows())}>
            {p.label}
          </Button>
        ))}
      </div>
      <div className="divide-y rounded-lg border" role="group" aria-label="Weekly call windows">
        {weekdays.map(({ day, long, short }) => {
          const dayWindows = windows.map((w, index) => ({ w, index })).filter(({ w }) => w.dayOfWeek === day);
          const on = dayWindows.length > 0;
          return (
            <div key={day} className="grid gap-3 p-3 sm:grid-cols-[9rem_1fr] sm:items-start" data-testid={`window-day-${day}`}>
              <div className="flex h-9 items-center gap-3">
                <Switch id={`day-${day}`} checked={on} onCheckedChange={(checked) => toggleDay(day, checked)} aria-label={`Call on ${long}`} />
                <label htmlFor={`day-${day}`} className={cn('text-sm font-medium', !on && 'text-muted-foreground')}>
                  {long}
                </label>
              </div>
              {on ? (
                <div className="space-y-2">
                  {dayWindows.map(({ w, index }, nth) => {
                    const startError = errors[`callWindows.${index}.startHour`];
                    const endError = errors[`callWindows.${index}.endHour`] ?? errorAt(errors, `callWindows.${index}`);
                    return (
                      <div key={w.key} className="space-y-1">
                        <div className="flex flex-wrap items-center gap-2">
                          <NativeSelect
                            aria-label={`${long} window ${nth + 1} starts at`}
                            value={w.startHour}
                            onChange={(e) => update(w.key, { startHour: Number(e.target.value) })}
                            aria-invalid={startError ? true : undefined}
                            className="w-24"
                            id={`callWindows-${index}-startHour`}
                          >
                            {startHours.map((h) => (
                              <option key={h} value={h}>
                                {hourLabel(h)}
                              </option>
                            ))}
                          </NativeSelect>
                          <span className="text-sm text-muted-foreground">to</span>
                          <NativeSelect
                            aria-label={`${long} window ${nth + 1} ends at`}
                            value={w.endHour}
                            onChange={(e) => update(w.key, { endHour: Number(e.target.value) })}
                            aria-invalid={endError ? true : undefined}
                            className="w-24"
                            id={`callWindows-${index}-endHour`}
                          >
                            {endHours.map((h) => (
                              <option key={h} value={h}>
                                {h === 24 ? '24:00' : hourLabel(h)}
                              </option>
                            ))}
                          </NativeSelect>
                          <DayStrip windows={dayWindows.map(({ w }) => w)} className="hidden min-w-24 flex-1 md:block" label={short} />
                          <Button variant="ghost" size="icon-sm" aria-label={`Remove ${long} window ${hourLabel(w.startHour)}–${hourLabel(w.endHour)}`} onClick={() => remove(w.key)}>
                            <X aria-hidden />
                          </Button>
                        </div>
                        <FieldError message={startError ?? endError} />
                      </div>
                    );
                  })}
                  <Button variant="link" size="sm" className="h-auto p-0" onClick={() => add(day)}>
                    <Plus aria-hidden /> Add another window on {long}
                  </Button>
                </div>
              ) : (
                <p className="flex h-9 items-center text-sm text-muted-foreground">No calls</p>
              )}
            </div>
          );
        })}
      </div>
      <FieldError message={listError} />
    </div>
  );
}

/** The day's windows shaded on a 0–24 h strip. */
function DayStrip({ windows, className, label }: { windows: WindowDraft[]; className?: string; label: string }) {
  return (
    <div className={cn('relative h-2 rounded-full bg-muted', className)} aria-hidden title={`${label} call hours`}>
      {windows.map((w) => (
        <span
          key={w.key}
          className="absolute inset-y-0 rounded-full bg-primary/70"
          style={{ left: `${(w.startHour / 24) * 100}%`, width: `${(Math.max(0, w.endHour - w.startHour) / 24) * 100}%` }}
        />
      ))}
    </div>
  );
}
