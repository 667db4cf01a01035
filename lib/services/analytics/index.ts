export * from './campaign-analytics';
export * from './export-calls-csv';
