import { z } from 'zod';
import { pagination } from '@/lib/services/campaigns/schemas';

const phone = z.string().trim().min(1, 'phone is required').max(64);
const reason = z.string().trim().max(500).optional();
// Numbers written without a country code are read in this region.
const region = z.string().trim().length(2, 'region is a two-letter country code such as US').toUpperCase().default('US');

export const addDncBody = z.object({ phone, reason, region });
export type AddDncBody = z.infer<typeof addDncBody>;

export const removeDncInput = z.object({ phone, region });

export const listDncQuery = z.object({ ...pagination, search: z.string().trim().max(200).optional() });

/** Form fields sent with the file: `format` registry is the national registry's 10-digit lines; auto tells it by its shape. */
export const dncUploadFields = z.object({ reason, region, format: z.enum(['auto', 'csv', 'registry']).default('auto') });
