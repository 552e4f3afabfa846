import "server-only";
import { ZodError } from "zod";
import { AppError, type ErrorBody } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/zod-errors";

/** The one translator from a thrown error to the API's JSON error format. */
export function errorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  if (error instanceof ZodError) {
    error = new AppError("validation_failed", "Request is invalid", { fieldErrors: fieldErrorsOf(error) });
  }
  if (error instanceof AppError) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        ...(error.details ? { details: error.details } : {}),
      },
    };
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    return Response.json(body, { status: error.status, headers });
  }
  console.error("Unhandled API error", { ...context, error });
  const body: ErrorBody = {
    error: { code: "internal", message: "Something went wrong on our side. Try again." },
  };
  return Response.json(body, { status: 500 });
}
