import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isUniqueViolation } from '../database/dialect';
import { errorBody } from './error-body';

/**
 * Turns every error into the one JSON error shape. HTTP exceptions keep their status and message; a unique-key
 * violation that a service did not anticipate (a race between two requests) becomes a 409; anything else is a
 * 500 whose details stay in the server log.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      let message = exception.message;
      let details: unknown;
      if (typeof payload === 'object' && payload !== null) {
        const p = payload as { message?: unknown; details?: unknown };
        if (typeof p.message === 'string') message = p.message;
        else if (Array.isArray(p.message)) message = p.message.join('; ');
        details = p.details;
      }
      const retryAfter = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (status === 429 && retryAfter) response.setHeader('Retry-After', String(retryAfter));
      response.status(status).json(errorBody(status, message, details));
      return;
    }
    if (isUniqueViolation(exception)) {
      response.status(409).json(errorBody(409, 'An object with the same unique value already exists'));
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    response.status(500).json(errorBody(500, 'Internal server error'));
  }
}
