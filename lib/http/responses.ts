import "server-only";
import { ForbiddenError, InvalidInputError, NotFoundError, PayloadTooLargeError, UnauthorizedError } from "@/lib/errors";

// One JSON error shape for every route handler: { error: { code, message } }.

export type ErrorBody = { error: { code: string; message: string } };

export function errorResponse(error: unknown): Response {
  if (error instanceof PayloadTooLargeError) return json(413, error.code, error.message);
  if (error instanceof InvalidInputError) return json(400, error.code, error.message);
  if (error instanceof NotFoundError) return json(404, "not_found", error.message);
  if (error instanceof ForbiddenError) return json(403, "forbidden", error.message);
  if (error instanceof UnauthorizedError) return json(401, "unauthorized", error.message);
  console.error(error);
  return json(500, "internal_error", "Something went wrong on the server. Nothing was changed; please try again.");
}

/** Runs a route handler body and maps thrown lib errors to responses. */
export async function handleRoute(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return errorResponse(error);
  }
}

function json(status: number, code: string, message: string): Response {
  const body: ErrorBody = { error: { code, message } };
  return Response.json(body, { status });
}
