import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { containsCondition, type ResolvedList } from '../../common/http/list-query.dto';
import { Authorization } from '../users/authorization.entity';
import { ProfileRight } from './profile-right.entity';
import { Profile } from './profile.entity';

export type ProfileWithRights = Profile & { rightsMap: Record<string, number> };

@Injectable()
export class ProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findWithRights(id: number): Promise<ProfileWithRights | null> {
    const profile = await this.dataSource.getRepository(Profile).findOne({ where: { id }, relations: { rights: true } });
    return profile ? withMap(profile) : null;
  }

  findByName(name: string): Promise<Profile | null> {
    return this.dataSource.getRepository(Profile).findOneBy({ name });
  }

  async list(list: ResolvedList, q?: string): Promise<[ProfileWithRights[], number]> {
    const qb = this.dataSource.getRepository(Profile).createQueryBuilder('p');
    if (q) {
      const c = containsCondition('p.name', 'q', q);
      qb.where(c.sql, c.params);
    }
    const total = await qb.getCount();
    const profiles = await qb.orderBy(list.orderBy, list.direction).addOrderBy('p.id').offset(list.offset).limit(list.limit).getMany();
    const rights = profiles.length
      ? await this.dataSource.getRepository(ProfileRight).createQueryBuilder('r').where('r.profile_id IN (:...ids)', { ids: profiles.map((p) => p.id) }).getMany()
      : [];
    return [profiles.map((p) => withMap(Object.assign(p, { rights: rights.filter((r) => r.profileId === p.id) }))), total];
  }

  /** Replaces the rights of a profile with this map (rights at 0 are removed). */
  async replaceRights(manager: EntityManager, profileId: number, rights: Record<string, number>): Promise<void> {
    const repo = manager.getRepository(ProfileRight);
    await repo.delete({ profileId });
    const rows = Object.entries(rights)
      .filter(([, bits]) => bits > 0)
      .map(([name, bits]) => ({ profileId, name, bits }));
    if (rows.length) await repo.insert(rows);
  }

  usageCount(profileId: number): Promise<number> {
    return this.dataSource.getRepository(Authorization).countBy({ profileId });
  }

  /**
   * Gives a profile every right it has no row for yet, with all the bits the right defines: how the
   * Super-Admin profile receives the rights of newly enabled plugins. Rows set by an admin are left alone.
   */
  async grantMissingRights(profileId: number, rights: { name: string; bits: number }[]): Promise<number> {
    const existing = new Set((await this.dataSource.getRepository(ProfileRight).findBy({ profileId })).map((r) => r.name));
    const missing = rights.filter((r) => !existing.has(r.name)).map((r) => ({ profileId, name: r.name, bits: r.bits }));
    if (missing.length) await this.dataSource.getRepository(ProfileRight).insert(missing);
    return missing.length;
  }
}

function withMap(p: Profile): ProfileWithRights {
  const rightsMap: Record<string, number> = {};
  for (const r of p.rights ?? []) rightsMap[r.name] = r.bits;
  return Object.assign(p, { rightsMap });
}
