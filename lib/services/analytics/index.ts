export * from './campaign-analytics';
export * from './export-calls-csv';
export * from './fold-call-rollups';
