export * from './entities.ts';
export * from './article.ts';
export * from './extraction.ts';
export * from './graph.ts';
export * from './palette.ts';
export * from './export/index.ts';
export * as Api from './api/schema.ts';
