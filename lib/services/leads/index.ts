// Server-side entry point. The browser imports '@/lib/services/leads/csv-columns' directly:
// going through this index would pull the database into the bundle.
export * from './csv-columns';
export * from './schemas';
export * from './normalize-phone';
export * from './normalize-time-zone';
export * from './present-lead';
export * from './import-leads';
export * from './add-lead';
export * from './list-leads';
export * from './update-lead';
export type { Rejection } from './rejections';
