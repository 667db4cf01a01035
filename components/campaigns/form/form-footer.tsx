import Link from 'next/link';
import { Loader2 } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The bar pinned under the form: how many fields need attention, Cancel, and Save. */
export function FormFooter({ errorCount, saving, cancelHref, saveLabel }: { errorCount: number; saving: boolean; cancelHref: string; saveLabel: string }) {
  return (
    <div className="fixed inset-x-0 bottom-0 z-30 border-t bg-background/95 backdrop-blur md:left-60">
      <div className="mx-auto flex max-w-6xl items-center justify-end gap-2 px-4 py-3 sm:px-6 lg:px-10">
        {errorCount > 0 && (
          <p className="mr-auto text-sm text-destructive" role="status">
            {errorCount === 1 ? '1 field needs attention' : `${errorCount} fields need attention`}
          </p>
        )}
        <Button variant="ghost" asChild>
          <Link href={cancelHref}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={saving} data-testid="save-campaign">
          {saving && <Loader2 className="animate-spin" aria-hidden />}
          {saveLabel}
        </Button>
      </div>
    </div>
  );
}
