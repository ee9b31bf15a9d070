import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthorizationView } from '@parc/contracts';
import { Bits, CoreRight } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import { containsCondition, type ResolvedList } from '../../common/http/list-query.dto';
import { entityScopeWhere } from '../../sdk/entity-scope';
import type { RequestContext } from '../../sdk/request-context';
import { Authorization } from './authorization.entity';
import { User } from './user.entity';

export type UserWithEntity = User & { entityName: string };

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOne(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  loginTaken(login: string): Promise<boolean> {
    return this.dataSource.getRepository(User).existsBy({ login });
  }

  findByLoginWithHash(login: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.login = :login', { login })
      .getOne();
  }

  findByIdWithHash(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  /**
   * Users visible to the caller: those whose home entity is in scope, or who hold an authorization there
   * (both through the one visibility rule).
   */
  private visibleUsers(ctx: RequestContext, bits: number = Bits.READ) {
    const home = entityScopeWhere(ctx, { entityColumn: 'u.entity_id', right: CoreRight.USER, bits });
    const granted = entityScopeWhere(ctx, { entityColumn: 'a.entity_id', right: CoreRight.USER, bits });
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where(`(${home.sql} OR EXISTS (SELECT 1 FROM authorizations a WHERE a.user_id = u.id AND ${granted.sql}))`, { ...home.params, ...granted.params });
  }

  async list(ctx: RequestContext, list: ResolvedList, q?: string): Promise<[UserWithEntity[], number]> {
    const qb = this.visibleUsers(ctx);
    if (q) {
      const login = containsCondition('u.login', 'q1', q);
      const name = containsCondition('u.name', 'q2', q);
      const email = containsCondition('u.email', 'q3', q);
      qb.andWhere(`(${login.sql} OR ${name.sql} OR ${email.sql})`, { ...login.params, ...name.params, ...email.params });
    }
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .leftJoin('entities', 'e', 'e.id = u.entity_id')
      .addSelect('e.complete_name', 'entity_name')
      .orderBy(list.orderBy, list.direction)
      .addOrderBy('u.id', 'ASC')
      .offset(list.offset)
      .limit(list.limit)
      .getRawAndEntities<{ entity_name: string }>();
    return [entities.map((u, i) => Object.assign(u, { entityName: raw[i]?.entity_name ?? '' })), total];
  }

  async findVisible(ctx: RequestContext, id: number): Promise<UserWithEntity | null> {
    const { entities, raw } = await this.visibleUsers(ctx)
      .andWhere('u.id = :id', { id })
      .leftJoin('entities', 'e', 'e.id = u.entity_id')
      .addSelect('e.complete_name', 'entity_name')
      .getRawAndEntities<{ entity_name: string }>();
    return entities[0] ? Object.assign(entities[0], { entityName: raw[0]?.entity_name ?? '' }) : null;
  }

  /** Every entity the user is tied to: home entity and authorizations. Changing the user needs rights on all. */
  async entityIdsOf(userId: number): Promise<number[]> {
    const rows: { entity_id: number }[] = await this.dataSource.query(
      'SELECT entity_id FROM users WHERE id = ? UNION SELECT entity_id FROM authorizations WHERE user_id = ?',
      [userId, userId],
    );
    return rows.map((r) => Number(r.entity_id));
  }

  async authorizationsOf(userId: number, onlyEntityIds?: number[]): Promise<AuthorizationView[]> {
    const qb = this.dataSource
      .getRepository(Authorization)
      .createQueryBuilder('a')
      .innerJoin('a.profile', 'p')
      .innerJoin('a.entity', 'e')
      .select(['a.id AS id', 'a.user_id AS user_id', 'a.profile_id AS profile_id', 'p.name AS profile_name', 'a.entity_id AS entity_id', 'e.complete_name AS entity_name', 'a.is_recursive AS is_recursive'])
      .where('a.user_id = :userId', { userId })
      .orderBy('e.complete_name')
      .addOrderBy('p.name');
    if (onlyEntityIds) {
      if (!onlyEntityIds.length) return [];
      qb.andWhere('a.entity_id IN (:...ids)', { ids: onlyEntityIds });
    }
    const rows = await qb.getRawMany<{ id: number; user_id: number; profile_id: number; profile_name: string; entity_id: number; entity_name: string; is_recursive: number | boolean }>();
    return rows.map((r) => ({
      id: Number(r.id),
      userId: Number(r.user_id),
      profileId: Number(r.profile_id),
      profileName: r.profile_name,
      entityId: Number(r.entity_id),
      entityName: r.entity_name,
      recursive: Boolean(r.is_recursive),
    }));
  }
}
