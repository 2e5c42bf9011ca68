// Outside Next.js the `server-only` marker package throws on import. The CLI is server code, so
// the marker resolves to an empty module here.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}
