import Link from 'next/link';
import { PhoneOutgoing } from 'lucide-react';
import { cn } from '@/lib/client/cn';

export function Brand({ className, href = '/campaigns' }: { className?: string; href?: string }) {
  return (
    <Link href={href} className={cn('flex items-center gap-2 rounded-md font-semibold tracking-tight', className)}>
      <span className="flex size-7 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-sm">
        <PhoneOutgoing className="size-4" aria-hidden />
      </span>
      <span>Outbound</span>
    </Link>
  );
}
