export * from './analyze.ts';
export * from './betweenness.ts';
export * from './connection-graph.ts';
export { seededRandom } from './random.ts';
