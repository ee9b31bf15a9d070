import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { parseFieldErrors, parseRetryAfter, toApiError } from './api-error';

describe('API errors', () => {
  it('reads field problems from the usual `details` shapes', () => {
    expect(parseFieldErrors([{ field: 'login', problems: ['login must be shorter', 'login is taken'] }])).toEqual({
      login: 'login must be shorter; login is taken',
    });
    expect(parseFieldErrors([{ field: 'login', message: 'already used' }])).toEqual({ login: 'already used' });
    expect(parseFieldErrors([{ property: 'email', constraints: { isEmail: 'email must be an email' } }])).toEqual({
      email: 'email must be an email',
    });
    expect(parseFieldErrors({ name: ['too short', 'not unique'] })).toEqual({ name: 'too short; not unique' });
    expect(parseFieldErrors(null)).toEqual({});
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(10_000 + 45_000).toUTCString(), 10_000)).toBe(45);
    expect(parseRetryAfter(null)).toBeNull();
  });

  it("turns an HTTP failure into the server's message, field problems and wait time", () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 429,
        headers: new HttpHeaders({ 'Retry-After': '12' }),
        error: { statusCode: 429, error: 'Too Many Requests', message: 'Slow down', details: null },
      }),
    );
    expect(error).toEqual({ status: 429, message: 'Slow down', fieldErrors: {}, retryAfterSeconds: 12, details: null });

    const withoutHeader = toApiError(
      new HttpErrorResponse({ status: 429, error: { statusCode: 429, error: 'x', message: 'Slow down', details: { retryAfterSeconds: 7 } } }),
    );
    expect(withoutHeader.retryAfterSeconds).toBe(7);
  });
});
