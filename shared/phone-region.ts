// The country a number written without its country code is read in. Only the regions
// libphonenumber knows: an unknown one (ZZ, a typo) would otherwise make every national number
// "invalid" and turn a whole file into rejections with a misleading reason.
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';

export const phoneRegion = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v): boolean => isSupportedCountry(v), 'defaultRegion must be a two-letter country code such as US or GB');
