// Lets plain Node run the project's TypeScript: tsx for the code (tsconfig paths included) and an
// empty module for the `server-only` marker, which would throw outside Next.js.
import { register } from "node:module";
import { register as registerTypeScript } from "tsx/esm/api";

register("./server-only-hook.mjs", import.meta.url);
registerTypeScript();
