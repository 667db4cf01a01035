import { z } from 'zod';
import { workspaceRoleSchema } from '@/lib/services/workspaces/schemas';

export const createApiKeyBody = z.object({
  name: z.string({ message: 'name is required' }).trim().min(1, { message: 'name is required' }).max(100, { message: 'name is at most 100 characters' }),
  // Omitted: the creator's own role.
  role: workspaceRoleSchema.optional(),
});
export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;
