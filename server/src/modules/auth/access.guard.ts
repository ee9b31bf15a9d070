import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Bits, ENTITY_HEADER, ENTITY_RECURSIVE_HEADER } from '@parc/contracts';
import type { Request } from 'express';
import { ACCESS_RULE, type AccessRule, type RequestWithContext } from '../../sdk/access.decorators';
import { AccessService } from './access.service';
import { AuthService } from './auth.service';
import { bearerToken } from './bearer';

const BIT_NAMES = Object.entries(Bits);

/**
 * Global guard: authenticates the bearer token, builds the RequestContext for the active entity, and enforces
 * the route's declared rule. Anonymous calls to protected routes get 401; missing rights get 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ForbiddenException('This route declares no access rule');
    if (rule.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<Request & RequestWithContext>();
    const token = bearerToken(req);
    if (!token) throw new UnauthorizedException('Authentication required: send Authorization: Bearer <token>');
    const user = await this.auth.authenticate(token);
    if (!user) throw new UnauthorizedException('The token is invalid, expired or revoked, or the account is disabled');
    const ctx = await this.access.contextFor(user, header(req, ENTITY_HEADER), header(req, ENTITY_RECURSIVE_HEADER));
    req.parcContext = ctx;
    if (rule.kind === 'right' && !ctx.entityIdsWith(rule.right, rule.bits)?.length && !ctx.isSystem) {
      const bits = BIT_NAMES.filter(([, b]) => rule.bits & b).map(([n]) => n).join('+');
      throw new ForbiddenException(`You need the right '${rule.right}' (${bits}) in the active entity`);
    }
    return true;
  }
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
