import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, hasBits, type Page } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import { resolveList } from '../../common/http/list-query.dto';
import type { RequestContext } from '../../sdk/request-context';
import { AuditService } from '../audit/audit.service';
import type { AuthorizationViewDto } from '../auth/dto/auth.dto';
import { PasswordHasher } from '../auth/password-hasher';
import { EntitiesRepository } from '../entities/entities.repository';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { Authorization } from './authorization.entity';
import { type CreateAuthorizationDto, type CreateUserDto, type ListUsersQueryDto, type UpdateUserDto, UserViewDto } from './dto/user.dto';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

const SORTABLE = { id: 'u.id', login: 'u.login', name: 'u.name', email: 'u.email', active: 'u.active', lastLoginAt: 'u.last_login_at', createdAt: 'u.created_at' };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly entities: EntitiesRepository,
    private readonly profiles: ProfilesRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: ListUsersQueryDto): Promise<Page<UserViewDto>> {
    const [rows, total] = await this.users.list(ctx, resolveList(query, SORTABLE, 'login'), query.q);
    return { items: rows.map(UserViewDto.from), total };
  }

  async get(ctx: RequestContext, id: number): Promise<UserViewDto> {
    return UserViewDto.from(await this.visible(ctx, id));
  }

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserViewDto> {
    this.assertEntityRight(ctx, dto.entityId, Bits.CREATE, 'home entity');
    if (await this.users.loginTaken(dto.login)) throw new ConflictException(`The login '${dto.login}' is already taken`);
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : null;
    const id = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(User);
      const saved = await repo.save(repo.create({ login: dto.login, name: dto.name, email: dto.email ?? null, active: dto.active ?? true, passwordHash, entityId: dto.entityId, lastLoginAt: null }));
      await this.audit.record(m, ctx, { action: 'create', itemType: 'user', itemId: saved.id, entityId: saved.entityId, after: saved });
      return saved.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: number, dto: UpdateUserDto): Promise<UserViewDto> {
    const user = await this.manageable(ctx, id, Bits.UPDATE);
    if (dto.active === false && id === ctx.userId) throw new ConflictException('You cannot disable your own account');
    if (dto.entityId !== undefined && dto.entityId !== user.entityId) this.assertEntityRight(ctx, dto.entityId, Bits.CREATE, 'new home entity');
    const changes: Partial<User> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.email !== undefined) changes.email = dto.email;
    if (dto.active !== undefined) changes.active = dto.active;
    if (dto.entityId !== undefined) changes.entityId = dto.entityId;
    if (dto.password !== undefined) changes.passwordHash = await this.hasher.hash(dto.password);
    await this.dataSource.transaction(async (m) => {
      if (Object.keys(changes).length) await m.getRepository(User).update(id, changes);
      const { passwordHash, ...visibleChanges } = changes;
      const before = { name: user.name, email: user.email, active: Boolean(user.active), entityId: user.entityId, ...(passwordHash ? { passwordChanged: false } : {}) };
      await this.audit.record(m, ctx, { action: 'update', itemType: 'user', itemId: id, entityId: user.entityId, before, after: { ...before, ...visibleChanges, ...(passwordHash ? { passwordChanged: true } : {}) } });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    const user = await this.manageable(ctx, id, Bits.DELETE);
    if (id === ctx.userId) throw new ConflictException('You cannot delete your own account');
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(User).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'user', itemId: id, entityId: user.entityId, before: user });
    });
  }

  /** The authorizations the caller can see: those on entities of their scope. */
  async authorizations(ctx: RequestContext, id: number): Promise<Page<AuthorizationViewDto>> {
    await this.visible(ctx, id);
    const items = await this.users.authorizationsOf(id, ctx.entityIdsWith(CoreRight.USER, Bits.READ));
    return { items, total: items.length };
  }

  async addAuthorization(ctx: RequestContext, userId: number, dto: CreateAuthorizationDto): Promise<AuthorizationViewDto> {
    const user = await this.manageable(ctx, userId, Bits.UPDATE);
    if (userId === ctx.userId) throw new ConflictException('You cannot change your own authorizations');
    this.assertEntityRight(ctx, dto.entityId, Bits.UPDATE, 'entity');
    const profile = await this.profiles.findWithRights(dto.profileId);
    if (!profile) throw new NotFoundException(`No profile with id ${dto.profileId}`);
    await this.assertCanGrant(ctx, profile.rightsMap, dto.entityId, dto.recursive ?? false);
    const saved = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Authorization);
      const row = await repo.save(repo.create({ userId, profileId: dto.profileId, entityId: dto.entityId, recursive: dto.recursive ?? false }));
      await this.audit.record(m, ctx, { action: 'create', itemType: 'authorization', itemId: row.id, entityId: row.entityId, after: { userId, login: user.login, profile: profile.name, entityId: row.entityId, recursive: row.recursive } });
      return row;
    });
    const view = (await this.users.authorizationsOf(userId)).find((a) => a.id === saved.id);
    return view!;
  }

  async removeAuthorization(ctx: RequestContext, userId: number, authorizationId: number): Promise<void> {
    const user = await this.visible(ctx, userId);
    const row = await this.dataSource.getRepository(Authorization).findOneBy({ id: authorizationId, userId });
    if (!row || !ctx.canOnEntity(CoreRight.USER, Bits.READ, row.entityId)) throw new NotFoundException(`No authorization with id ${authorizationId} for this user`);
    if (!ctx.canOnEntity(CoreRight.USER, Bits.UPDATE, row.entityId)) throw new ForbiddenException('You lack the user right on the entity of this authorization');
    if (userId === ctx.userId) throw new ConflictException('You cannot change your own authorizations');
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(Authorization).delete(authorizationId);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'authorization', itemId: authorizationId, entityId: row.entityId, before: { userId, login: user.login, profileId: row.profileId, entityId: row.entityId, recursive: row.recursive } });
    });
  }

  private async visible(ctx: RequestContext, id: number) {
    const user = await this.users.findVisible(ctx, id);
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    return user;
  }

  /**
   * The user if the caller holds the bits on every entity the user is tied to: otherwise an admin of one
   * entity could take over an account that also has rights elsewhere.
   */
  private async manageable(ctx: RequestContext, id: number, bits: number) {
    const user = await this.visible(ctx, id);
    const entityIds = await this.users.entityIdsOf(id);
    if (!entityIds.every((e) => ctx.canOnEntity(CoreRight.USER, bits, e))) {
      throw new ForbiddenException(`You lack the user right on every entity where '${user.login}' has an authorization`);
    }
    return user;
  }

  private assertEntityRight(ctx: RequestContext, entityId: number, bits: number, what: string): void {
    if (!ctx.canOnEntity(CoreRight.USER, bits, entityId)) {
      throw new ForbiddenException(`You lack the user right on the ${what} (id ${entityId}), or it is outside the active scope`);
    }
  }

  /** Nobody hands out rights they do not hold themselves, on the entity and, for recursive grants, its sub-tree. */
  private async assertCanGrant(ctx: RequestContext, rights: Record<string, number>, entityId: number, recursive: boolean): Promise<void> {
    if (ctx.isSystem) return;
    const target = await this.entities.findRef(entityId);
    if (!target) throw new NotFoundException(`No entity with id ${entityId}`);
    const covered = recursive ? await this.entities.subtreeRefs(target.path) : [target];
    for (const entity of covered) {
      const held = ctx.rightsOn(entity);
      const missing = Object.entries(rights).filter(([name, bits]) => bits && !hasBits(held[name], bits));
      if (missing.length) {
        throw new ForbiddenException({
          message: `This profile holds rights you do not hold yourself${recursive ? ' on the whole sub-tree' : ''}: ${missing.map(([n]) => n).join(', ')}`,
          details: { missing: missing.map(([name, bits]) => ({ name, bits, held: held[name] ?? 0 })) },
        });
      }
    }
  }
}
