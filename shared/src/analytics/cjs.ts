/**
 * graphology's metric packages are CommonJS with `export default` in their typings: TypeScript
 * under NodeNext (server) types a default import as `{ default: fn }`, under Bundler (client) as
 * `fn`, while Node and Vite both hand over module.exports, the function itself. This takes
 * whichever is there, typed as the function on both sides.
 */
type Unwrapped<M> = M extends { default: infer T } ? T : M;

export function cjsDefault<M>(module: M): Unwrapped<M> {
  return ((module as { default?: unknown }).default ?? module) as Unwrapped<M>;
}
