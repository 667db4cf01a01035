// Every cache key in one place, so a mutation knows exactly what it makes stale.
type Params = Record<string, string | number | undefined>;

export const queryKeys = {
  campaigns: ['campaigns'] as const,
  campaignList: (params: Params) => ['campaigns', 'list', params] as const,
  campaign: (id: string) => ['campaigns', 'one', id] as const,
  progress: (id: string) => ['campaigns', 'one', id, 'progress'] as const,
  leads: (id: string, params?: Params) => (params ? (['campaigns', 'one', id, 'leads', params] as const) : (['campaigns', 'one', id, 'leads'] as const)),
  calls: (id: string, params?: Params) => (params ? (['campaigns', 'one', id, 'calls', params] as const) : (['campaigns', 'one', id, 'calls'] as const)),
  analytics: (id: string) => ['campaigns', 'one', id, 'analytics'] as const,
  call: (callId: string) => ['calls', callId] as const,
  compliance: (id: string) => ['campaigns', 'one', id, 'compliance'] as const,
  blackouts: ['blackouts'] as const,
  workspaces: ['workspaces'] as const,
  members: ['team', 'members'] as const,
  audit: (params: Params) => ['audit', params] as const,
  apiKeys: ['api-keys'] as const,
  webhooks: ['webhooks'] as const,
  webhookDeliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
  dnc: (params?: Params) => (params ? (['dnc', params] as const) : (['dnc'] as const)),
};
