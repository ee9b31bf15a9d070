import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody } from '@parc/contracts';

/** An API failure in the shape the UI shows: the server's message and, for 400s, the problem of each field. */
export interface ApiError {
  status: number;
  message: string;
  /** field → problem, from `details` when the server sent them. */
  fieldErrors: Record<string, string>;
  /** Seconds to wait, from `Retry-After` on 429 answers. */
  retryAfterSeconds: number | null;
  /** The body's `details` as sent, for callers that read more than field → problem (an expression's position). */
  details?: unknown;
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ErrorBody).message === 'string';
}

/**
 * Reads `details` leniently: validation libraries phrase it differently, and any of these shapes is accepted:
 * `{field: 'problem'}`, `{field: ['problem', …]}`, `[{field|property|path, problems|message|problem|constraints}]`
 * (the server sends `[{field, problems: [...]}]`).
 */
export function parseFieldErrors(details: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  const add = (field: unknown, problem: unknown): void => {
    const name = Array.isArray(field) ? field.join('.') : field;
    if (typeof name !== 'string' || !name) return;
    const text = describeProblem(problem);
    if (text) result[name] = result[name] ? `${result[name]}; ${text}` : text;
  };
  if (Array.isArray(details)) {
    for (const item of details) {
      if (typeof item !== 'object' || item === null) continue;
      const entry = item as Record<string, unknown>;
      add(
        entry['field'] ?? entry['property'] ?? entry['path'],
        entry['problems'] ?? entry['message'] ?? entry['problem'] ?? entry['constraints'] ?? entry['messages'],
      );
    }
  } else if (typeof details === 'object' && details !== null) {
    for (const [field, problem] of Object.entries(details)) add(field, problem);
  }
  return result;
}

function describeProblem(problem: unknown): string {
  if (typeof problem === 'string') return problem;
  if (Array.isArray(problem)) return problem.filter((p) => typeof p === 'string').join('; ');
  if (typeof problem === 'object' && problem !== null) return describeProblem(Object.values(problem));
  return '';
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function retryAfterFromBody(body: unknown): number | null {
  const seconds = isErrorBody(body) ? (body.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds : undefined;
  return typeof seconds === 'number' ? Math.ceil(seconds) : null;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    const message = isErrorBody(body)
      ? body.message
      : error.status === 0
        ? 'The server cannot be reached.'
        : `${error.status} ${error.statusText}`.trim();
    return {
      status: error.status,
      message,
      fieldErrors: isErrorBody(body) ? parseFieldErrors(body.details) : {},
      // The header is the standard; the body's details carry the same number (useful if a proxy drops headers).
      retryAfterSeconds: parseRetryAfter(error.headers?.get('Retry-After') ?? null) ?? retryAfterFromBody(body),
      details: isErrorBody(body) ? body.details : undefined,
    };
  }
  return { status: 0, message: error instanceof Error ? error.message : String(error), fieldErrors: {}, retryAfterSeconds: null };
}
