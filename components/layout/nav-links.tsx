'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { History, KeyRound, Megaphone, PhoneOff, ShieldCheck, Users, Webhook } from 'lucide-react';
import { cn } from '@/lib/client/cn';

const links = [
  { href: '/campaigns', label: 'Campaigns', icon: Megaphone },
  { href: '/dnc', label: 'Do-not-call list', icon: PhoneOff },
  { href: '/compliance', label: 'Compliance', icon: ShieldCheck },
  { href: '/team', label: 'Team', icon: Users },
  { href: '/settings/webhooks', label: 'Settings · Webhooks', icon: Webhook },
  { href: '/audit', label: 'Audit log', icon: History },
  { href: '/settings/api-keys', label: 'Settings · API keys', icon: KeyRound },
];

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="grid gap-1">
      {links.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground',
              active && 'bg-accent text-accent-foreground',
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
