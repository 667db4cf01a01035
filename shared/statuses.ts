// The lead and call status vocabularies as the API shows them; the browser's filters import these.
export const leadStatuses = ['pending', 'calling', 'retry_scheduled', 'completed', 'exhausted', 'do_not_call', 'needs_consent'] as const;
export const callStatuses = ['pending', 'calling', 'in_progress', 'completed', 'failed', 'no_answer', 'busy'] as const;
