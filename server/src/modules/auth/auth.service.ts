import { BadRequestException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../common/config/config';
import { dateFromDb } from '../../common/database/dates';
import { APP_CONFIG } from '../../common/config/config.module';
import type { RequestContext } from '../../sdk/request-context';
import { AuditService } from '../audit/audit.service';
import { EntitiesRepository } from '../entities/entities.repository';
import { EntityViewDto } from '../entities/dto/entity.dto';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ApiToken } from './api-token.entity';
import type { ApiTokenViewDto, ChangePasswordDto, CreateApiTokenDto, CreatedApiTokenDto, LoginResponseDto, MeViewDto } from './dto/auth.dto';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { Session } from './session.entity';
import { API_TOKEN_PREFIX, hashToken, newToken, SESSION_PREFIX } from './tokens';

export interface AuthenticatedUser {
  id: number;
  login: string;
  entityId: number;
}

/** Writing last-use times at most this often keeps authenticated reads free of writes. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly users: UsersRepository,
    private readonly entities: EntitiesRepository,
    private readonly audit: AuditService,
  ) {}

  async login(login: string, password: string, address: string): Promise<LoginResponseDto> {
    await this.throttle.assertAllowed(login, address);
    const user = await this.users.findByLoginWithHash(login);
    const ok = (await this.hasher.verify(user?.passwordHash, password)) && user?.active === true;
    if (!ok || !user) {
      await this.throttle.recordFailure(login, address);
      throw new UnauthorizedException('Wrong login or password, or the account is disabled');
    }
    await this.throttle.recordSuccess(login);
    const token = newToken(SESSION_PREFIX);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    // Two statements, no transaction: inside one, concurrent logins of one user deadlock on MariaDB (the
    // session's foreign key takes a shared lock on the user row that the last-login update then wants).
    await this.dataSource.getRepository(Session).insert({ tokenHash: hashToken(token), userId: user.id, expiresAt, lastUsedAt: now, address: address.slice(0, 64) });
    await this.dataSource.getRepository(User).update(user.id, { lastLoginAt: now });
    return { accessToken: token, expiresAt: expiresAt.toISOString() };
  }

  async logout(token: string): Promise<void> {
    await this.dataSource.getRepository(Session).delete({ tokenHash: hashToken(token) });
  }

  /** The active user a bearer token (session or API token) belongs to, or null. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const isSession = token.startsWith(SESSION_PREFIX);
    if (!isSession && !token.startsWith(API_TOKEN_PREFIX)) return null;
    const table = isSession ? 'sessions' : 'api_tokens';
    const rows: { id: number; expires_at: string | Date | null; last_used_at: string | Date | null; user_id: number; login: string; entity_id: number; active: number | boolean }[] =
      await this.dataSource.query(
        `SELECT t.id, t.expires_at, t.last_used_at, u.id AS user_id, u.login, u.entity_id, u.active
           FROM ${table} t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = ?`,
        [hashToken(token)],
      );
    const row = rows[0];
    const now = Date.now();
    if (!row || !row.active || (row.expires_at !== null && dateFromDb(row.expires_at).getTime() <= now)) return null;
    if (row.last_used_at === null || now - dateFromDb(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.getRepository(isSession ? Session : ApiToken).update(row.id, { lastUsedAt: new Date(now) });
    }
    return { id: row.user_id, login: row.login, entityId: row.entity_id };
  }

  async me(ctx: RequestContext): Promise<MeViewDto> {
    const user = await this.users.findOne(ctx.userId!);
    if (!user) throw new UnauthorizedException('The account no longer exists');
    const authorizations = await this.users.authorizationsOf(user.id);
    const refs = await this.entities.findRefs(authorizations.map((a) => a.entityId));
    const selectable = await this.entities.reachable(
      authorizations.filter((a) => a.recursive).flatMap((a) => refs.filter((r) => r.id === a.entityId).map((r) => r.path)),
      authorizations.filter((a) => !a.recursive).map((a) => a.entityId),
    );
    return {
      id: user.id,
      login: user.login,
      name: user.name,
      email: user.email,
      authorizations,
      entities: selectable.map(EntityViewDto.from),
      activeEntityId: ctx.activeEntity.id,
      activeRecursive: ctx.activeRecursive,
      rights: { ...ctx.rightsOn(ctx.activeEntity) },
    };
  }

  async changePassword(ctx: RequestContext, dto: ChangePasswordDto): Promise<void> {
    const user = await this.users.findByIdWithHash(ctx.userId!);
    if (!user || !(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      throw new BadRequestException({ message: 'The current password is wrong', details: [{ field: 'currentPassword', problems: ['wrong password'] }] });
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(User).update(user.id, { passwordHash });
      await this.audit.record(m, ctx, { action: 'update', itemType: 'user', itemId: user.id, entityId: user.entityId, before: { password: 'changed' }, after: { passwordChanged: true } });
    });
  }

  async listTokens(ctx: RequestContext): Promise<Page<ApiTokenViewDto>> {
    const rows = await this.dataSource.getRepository(ApiToken).find({ where: { userId: ctx.userId! }, order: { createdAt: 'DESC', id: 'DESC' } });
    return { items: rows.map(tokenView), total: rows.length };
  }

  async createToken(ctx: RequestContext, dto: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    if (dto.expiresAt && dto.expiresAt.getTime() <= Date.now()) {
      throw new BadRequestException({ message: 'expiresAt must be in the future', details: [{ field: 'expiresAt', problems: ['must be in the future'] }] });
    }
    const token = newToken(API_TOKEN_PREFIX);
    const user = await this.users.findOne(ctx.userId!);
    const row = await this.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(ApiToken).save(
        m.getRepository(ApiToken).create({ userId: ctx.userId!, name: dto.name, prefix: token.slice(0, 12), tokenHash: hashToken(token), expiresAt: dto.expiresAt ?? null, lastUsedAt: null }),
      );
      await this.audit.record(m, ctx, { action: 'create', itemType: 'api_token', itemId: saved.id, entityId: user?.entityId ?? null, after: { name: saved.name, prefix: saved.prefix, expiresAt: saved.expiresAt } });
      return saved;
    });
    return { ...tokenView(row), token };
  }

  async revokeToken(ctx: RequestContext, id: number): Promise<void> {
    const row = await this.dataSource.getRepository(ApiToken).findOneBy({ id, userId: ctx.userId! });
    if (!row) throw new NotFoundException(`No API token with id ${id}`);
    const user = await this.users.findOne(ctx.userId!);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(ApiToken).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'api_token', itemId: id, entityId: user?.entityId ?? null, before: { name: row.name, prefix: row.prefix } });
    });
  }
}

function tokenView(t: ApiToken): ApiTokenViewDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    expiresAt: t.expiresAt ? t.expiresAt.toISOString() : null,
    lastUsedAt: t.lastUsedAt ? t.lastUsedAt.toISOString() : null,
    createdAt: t.createdAt.toISOString(),
  };
}
