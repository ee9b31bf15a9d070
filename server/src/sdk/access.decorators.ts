import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { RequestContext } from './request-context';

export const ACCESS_RULE = 'parc:access-rule';

/**
 * Every route declares who may call it; the plugin host refuses to start when one does not, so a forgotten
 * check cannot ship silently.
 */
export type AccessRule = { kind: 'public' } | { kind: 'any-user' } | { kind: 'right'; right: string; bits: number };

/** No authentication: login, health, agent endpoints (which authenticate agents their own way). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any authenticated user; the handler limits itself to the caller's own data. */
export const AnyUser = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'any-user' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not authenticated' }),
  );

/**
 * The caller must hold these bits of the right on at least one entity of the active scope. Services then check
 * the exact entity of each object (RequestContext.canOnEntity / entityScopeWhere).
 */
export const RequireRight = (right: string, bits: number) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'right', right, bits } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not authenticated' }),
    ApiForbiddenResponse({ description: `Requires the right ${right} (bits ${bits}) in the active entity` }),
  );

export interface RequestWithContext {
  parcContext?: RequestContext;
}

/** The RequestContext of the current request, set by the access guard. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const ctx = host.switchToHttp().getRequest<RequestWithContext>().parcContext;
  if (!ctx) throw new Error('@Ctx() used on a route without an authenticated caller');
  return ctx;
});
