export * from './entities.ts';
export * from './article.ts';
export * from './extraction.ts';
export * from './graph.ts';
