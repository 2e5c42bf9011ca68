import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";

// better-auth's own endpoints (session, sign-in for scripts, password change), with its per-IP rate
// limit and Tollwatch's sign-in lockout. The pages use the same API through server actions.
export const { GET, POST } = toNextJsHandler((request: Request) => getAuth().handler(request));
