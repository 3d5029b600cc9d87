/**
 * graphology's metric packages are CommonJS with `export default` in their typings: TypeScript
 * under NodeNext types a default import as `{ default: fn }`, while Node and Vite hand over
 * module.exports, the function itself. This takes whichever is there.
 */
export function cjsDefault<T>(module: { default: T }): T {
  return (module as { default?: T }).default ?? (module as unknown as T);
}
