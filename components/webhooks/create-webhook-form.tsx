'use client';
import * as React from 'react';
import { Copy, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { ApiError } from '@/lib/client/api';
import { useCreateWebhook } from '@/lib/client/queries/webhooks';
import { webhookEventTypes } from '@/shared/contracts/webhook-events';

/** Adds an endpoint; its signing secret is shown here once, right after. */
export function CreateWebhookForm() {
  const [url, setUrl] = React.useState('');
  const [description, setDescription] = React.useState('');
  const [events, setEvents] = React.useState<string[]>(['call.ended', 'call.scored']);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [secret, setSecret] = React.useState<string | null>(null);
  const create = useCreateWebhook();

  function toggle(type: string) {
    setEvents((list) => (list.includes(type) ? list.filter((t) => t !== type) : [...list, type]));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!url.trim()) return setErrors({ url: 'Enter the endpoint URL' });
    if (events.length === 0) return setErrors({ events: 'Choose at least one event' });
    setErrors({});
    create.mutate(
      { url: url.trim(), events, description: description.trim() || undefined },
      {
        onSuccess: (endpoint) => {
          setSecret(endpoint.secret);
          setUrl('');
          setDescription('');
          toast.success('Endpoint added', { description: 'Copy its signing secret now: it is not shown again.' });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields) setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.split('.')[0], v])));
        },
      },
    );
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2 sm:items-start" aria-label="Add an endpoint">
        <Field id="webhook-url" label="Endpoint URL" error={errors.url}>
          {(p) => <Input {...p} type="url" placeholder="https://crm.example.com/hooks/calls" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field id="webhook-description" label="Description (optional)" error={errors.description}>
          {(p) => <Input {...p} placeholder="e.g. HubSpot sync" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <fieldset className="grid gap-1.5 sm:col-span-2">
          <legend className="mb-1 text-sm font-medium">Events</legend>
          <div className="grid grid-cols-1 gap-1.5 text-sm sm:grid-cols-2 lg:grid-cols-4">
            {webhookEventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2">
                <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} />
                <code>{type}</code>
              </label>
            ))}
          </div>
          <FieldError message={errors.events} />
        </fieldset>
        <SubmitButton pending={create.isPending} icon={Plus} className="justify-self-end sm:col-span-2" data-testid="add-webhook">
          Add endpoint
        </SubmitButton>
      </form>
      {secret ? (
        <div role="status" className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          <p className="font-medium">Signing secret — shown once</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate" data-testid="webhook-secret">
              {secret}
            </code>
            <Button type="button" size="sm" variant="outline" onClick={() => navigator.clipboard?.writeText(secret).then(() => toast.success('Copied'))}>
              <Copy aria-hidden /> Copy
            </Button>
          </div>
          <Button type="button" size="sm" variant="ghost" className="justify-self-end" onClick={() => setSecret(null)}>
            I have stored it
          </Button>
        </div>
      ) : null}
    </div>
  );
}
