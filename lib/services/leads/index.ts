// Server-side entry point. The CSV column detection lives in shared/csv-columns.ts, which the browser
// imports directly: going through this index would pull the database into the bundle.
export * from '@/shared/csv-columns';
export * from './schemas';
export * from './normalize-phone';
export * from './normalize-time-zone';
export * from './present-lead';
export * from './import-leads';
export * from './add-lead';
export * from './list-leads';
export * from './update-lead';
export type { Rejection } from './rejections';
export * from './erase-lead-personal-data';
export * from './export-leads-csv';
