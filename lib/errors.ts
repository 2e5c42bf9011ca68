// The few typed errors lib throws; lib/http/responses.ts maps them to HTTP in one place.
// Messages are written for the person who caused them: what went wrong and what to do.

export class NotFoundError extends Error {
  override name = "NotFoundError";
}

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
}

export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    message: string,
    /** Stable code the UI can translate, e.g. "unknown_format". */
    readonly code: string = "invalid_input",
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends InvalidInputError {
  override name = "PayloadTooLargeError";
  constructor(message: string) {
    super(message, "payload_too_large");
  }
}
