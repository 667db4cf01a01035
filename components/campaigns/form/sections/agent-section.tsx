import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { FormSection } from '../section';
import type { SectionProps } from '../section-props';

export function AgentSection({ values, set, errors }: SectionProps) {
  return (
    <FormSection id="agent" title="Agent" description="Who the voice agent is and what it should aim for on each call.">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="agentName" label="Agent name" hint="The LiveKit agent that takes the calls" error={errors.agentName}>
          {(p) => <Input {...p} placeholder="outbound-caller" value={values.agentName} onChange={(ev) => set('agentName', ev.target.value)} />}
        </Field>
        <Field id="callerId" label="Caller ID" hint="Optional, in E.164: +14155550100" error={errors.callerId}>
          {(p) => <Input {...p} type="tel" autoComplete="off" placeholder="+14155550100" value={values.callerId} onChange={(ev) => set('callerId', ev.target.value)} />}
        </Field>
      </div>
      <Field id="scriptGuidance" label="Script guidance" hint="What to say, what to ask and what to offer. The agent follows it loosely, like a brief." error={errors.scriptGuidance}>
        {(p) => <Textarea {...p} rows={5} value={values.scriptGuidance} onChange={(ev) => set('scriptGuidance', ev.target.value)} />}
      </Field>
      <Field id="voicemailMessage" label="Voicemail message" hint="Optional. Left when an answering machine picks up." error={errors.voicemailMessage}>
        {(p) => <Textarea {...p} rows={2} value={values.voicemailMessage} onChange={(ev) => set('voicemailMessage', ev.target.value)} />}
      </Field>
    </FormSection>
  );
}
