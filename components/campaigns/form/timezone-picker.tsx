'use client';
import * as React from 'react';
import { Check, ChevronsUpDown, Search } from 'lucide-react';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { cn } from '@/lib/client/cn';
import { timeZoneOptions, type TimeZoneOption } from '@/lib/client/time-zones';

const noZones: TimeZoneOption[] = [];
const subscribeNever = () => () => undefined;

type Props = { id: string; value: string; onChange: (zone: string) => void; invalid?: boolean; describedBy?: string };

/** A searchable IANA time zone combobox: type part of a city or an offset ("+05:30"). */
export function TimeZonePicker({ id, value, onChange, invalid, describedBy }: Props) {
  const [open, setOpen] = React.useState(false);
  const [search, setSearch] = React.useState('');
  const [active, setActive] = React.useState(0);
  const listRef = React.useRef<HTMLUListElement>(null);
  // The offsets depend on the browser's clock and Intl data, so the server renders none.
  const zones = React.useSyncExternalStore(subscribeNever, timeZoneOptions, () => noZones);

  const filtered = React.useMemo(() => {
    const terms = search.toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean);
    if (!terms.length) return zones;
    // Every offset label reads "UTC±hh:mm", so "utc" matches all zones: names that match rank first.
    const query = terms.join(' ');
    const rank = (z: TimeZoneOption) => {
      const name = z.id.replace(/_/g, ' ').toLowerCase();
      return name === query ? 0 : terms.every((t) => name.includes(t)) ? 1 : 2;
    };
    return zones
      .filter((z) => {
        const hay = `${z.id.replace(/_/g, ' ')} ${z.offset}`.toLowerCase();
        return terms.every((t) => hay.includes(t));
      })
      .map((z) => ({ z, rank: rank(z) }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ z }) => z);
  }, [zones, search]);

  const current = zones.find((z) => z.id === value);

  /** Where the highlight starts: the first match of a search, else the chosen zone. */
  function firstActive(searchText: string): number {
    return searchText ? 0 : Math.max(0, zones.findIndex((z) => z.id === value));
  }

  function changeOpen(next: boolean) {
    if (next) setActive(firstActive(search));
    setOpen(next);
  }

  function changeSearch(next: string) {
    setSearch(next);
    setActive(firstActive(next));
  }

  React.useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  function choose(zone: string) {
    onChange(zone);
    setOpen(false);
    setSearch('');
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(filtered.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Home') {
      setActive(0);
    } else if (event.key === 'End') {
      setActive(filtered.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const zone = filtered[active];
      if (zone) choose(zone.id);
    }
  }

  const listId = `${id}-list`;
  return (
    <Popover open={open} onOpenChange={changeOpen}>
      <PopoverTrigger
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="flex h-9 w-full items-center justify-between gap-2 rounded-md border border-input bg-card px-3 text-left text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring aria-invalid:border-destructive"
        data-testid="timezone-picker"
      >
        <span className="truncate">
          {value || 'Choose a time zone'}
          {current && <span className="ml-2 text-muted-foreground">{current.offset}</span>}
        </span>
        <ChevronsUpDown className="size-4 shrink-0 opacity-60" aria-hidden />
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-72 p-0" onOpenAutoFocus={(e) => e.preventDefault()}>
        <div className="flex items-center gap-2 border-b px-3">
          <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <input
            autoFocus
            role="searchbox"
            aria-label="Search time zones"
            aria-controls={listId}
            aria-activedescendant={filtered[active] ? `${id}-opt-${active}` : undefined}
            placeholder="Search city, region or offset…"
            className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
            value={search}
            onChange={(e) => changeSearch(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        <ul ref={listRef} id={listId} role="listbox" aria-label="Time zones" className="max-h-72 overflow-y-auto p-1">
          {filtered.length === 0 && <li className="px-2 py-6 text-center text-sm text-muted-foreground">No time zone matches “{search}”</li>}
          {filtered.map((zone, index) => (
            <li
              key={zone.id}
              id={`${id}-opt-${index}`}
              data-index={index}
              role="option"
              aria-selected={zone.id === value}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(zone.id)}
              className={cn('flex cursor-default items-center justify-between gap-2 rounded-sm px-2 py-1.5 text-sm', index === active && 'bg-accent text-accent-foreground')}
            >
              <span className="flex min-w-0 items-center gap-2">
                <Check className={cn('size-4 shrink-0', zone.id === value ? 'opacity-100' : 'opacity-0')} aria-hidden />
                <span className="truncate">{zone.id.replace(/_/g, ' ')}</span>
              </span>
              <span className="shrink-0 text-xs tabular-nums text-muted-foreground">{zone.offset}</span>
            </li>
          ))}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
