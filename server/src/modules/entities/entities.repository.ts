import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { dialectOf, sqlFor } from '../../common/database/dialect';
import { containsCondition, fetchPage, type ResolvedList } from '../../common/http/list-query.dto';
import { entityScopeWhere } from '../../sdk/entity-scope';
import type { EntityRef, RequestContext } from '../../sdk/request-context';
import { EntityNode } from './entity-node.entity';

/** Tables whose entity_id rows record history and must not keep an entity from being deleted. */
const HISTORY_TABLES = new Set(['audit_events']);

/** Number of code points: what MariaDB's CHAR_LENGTH and SQLite's length() count. */
const charCount = (s: string) => [...s].length;

@Injectable()
export class EntitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findRef(id: number): Promise<EntityRef | null> {
    return this.dataSource.getRepository(EntityNode).findOne({ where: { id }, select: { id: true, path: true } });
  }

  findOne(id: number): Promise<EntityNode | null> {
    return this.dataSource.getRepository(EntityNode).findOneBy({ id });
  }

  findChildByName(parentId: number | null, name: string): Promise<EntityNode | null> {
    return this.dataSource.getRepository(EntityNode).findOneBy({ parentId: parentId ?? IsNull(), name });
  }

  /** The entity and all its descendants. */
  subtreeRefs(path: string): Promise<EntityRef[]> {
    return this.dataSource
      .getRepository(EntityNode)
      .createQueryBuilder('e')
      .select(['e.id', 'e.path'])
      .where('e.path LIKE :p', { p: `${path}%` })
      .getMany();
  }

  findRefs(ids: number[]): Promise<EntityRef[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.getRepository(EntityNode).find({ where: { id: In(ids) }, select: { id: true, path: true } });
  }

  /** The entities with these ids plus the sub-trees below these paths (what a user may choose as active). */
  reachable(subtreePaths: string[], ids: number[]): Promise<EntityNode[]> {
    if (!subtreePaths.length && !ids.length) return Promise.resolve([]);
    const qb = this.dataSource.getRepository(EntityNode).createQueryBuilder('e');
    subtreePaths.forEach((p, i) => qb.orWhere(`e.path LIKE :p${i}`, { [`p${i}`]: `${p}%` }));
    if (ids.length) qb.orWhere('e.id IN (:...ids)', { ids });
    return qb.orderBy('e.complete_name').getMany();
  }

  async list(ctx: RequestContext, list: ResolvedList, q?: string): Promise<[EntityNode[], number]> {
    const scope = entityScopeWhere(ctx, { entityColumn: 'e.id', right: 'entity' });
    const qb = this.dataSource.getRepository(EntityNode).createQueryBuilder('e').where(scope.sql, scope.params);
    if (q) {
      const c = containsCondition('e.complete_name', 'q', q);
      qb.andWhere(c.sql, c.params);
    }
    return fetchPage(qb, list, 'e.id');
  }

  async insertChild(manager: EntityManager, parent: EntityNode, name: string, comment: string): Promise<EntityNode> {
    const repo = manager.getRepository(EntityNode);
    // The path needs the new id, so the row is written with a temporary path and completed at once.
    const row = await repo.save(
      repo.create({ name, comment, parentId: parent.id, path: `${parent.path}new/`, level: parent.level + 1, completeName: `${parent.completeName} > ${name}` }),
    );
    row.path = `${parent.path}${row.id}/`;
    await repo.update(row.id, { path: row.path });
    return row;
  }

  /**
   * Renames and/or moves a node under `parent` (its current or new parent; null only for the root): its own row
   * and every descendant's path, level and complete name are rewritten in one statement.
   */
  async relocate(manager: EntityManager, node: EntityNode, parent: EntityNode | null, newName: string): Promise<void> {
    const newPath = parent ? `${parent.path}${node.id}/` : node.path;
    const newCompleteName = parent ? `${parent.completeName} > ${newName}` : newName;
    const levelDelta = parent ? parent.level + 1 - node.level : 0;
    const sql = sqlFor(dialectOf(this.dataSource));
    await manager
      .createQueryBuilder()
      .update(EntityNode)
      .set({
        path: () => sql.concat(':newPath', 'SUBSTR(path, :oldPathLen + 1)'),
        completeName: () => sql.concat(':newCompleteName', 'SUBSTR(complete_name, :oldCompleteLen + 1)'),
        level: () => 'level + :levelDelta',
      })
      .where('path LIKE :oldPathLike', { oldPathLike: `${node.path}%` })
      .setParameters({
        newPath,
        oldPathLen: charCount(node.path),
        newCompleteName,
        oldCompleteLen: charCount(node.completeName),
        levelDelta,
      })
      .execute();
    await manager.getRepository(EntityNode).update(node.id, { name: newName, parentId: parent ? parent.id : null });
  }

  /** What still lives in the entity: sub-entities, then one line per kind of object found there. */
  async contents(id: number): Promise<string[]> {
    const found: string[] = [];
    const children = await this.dataSource.getRepository(EntityNode).countBy({ parentId: id });
    if (children) found.push(`${children} sub-entit${children > 1 ? 'ies' : 'y'}`);
    for (const meta of this.dataSource.entityMetadatas) {
      const column = meta.findColumnWithPropertyName('entityId');
      if (!column || meta.target === EntityNode || HISTORY_TABLES.has(meta.tableName)) continue;
      const row = await this.dataSource
        .createQueryBuilder()
        .select('1', 'one')
        .from(meta.tableName, 't')
        .where(`t.${column.databaseName} = :id`, { id })
        .limit(1)
        .getRawOne();
      if (row) found.push(meta.tableName.replace(/_/g, ' '));
    }
    return found;
  }
}
