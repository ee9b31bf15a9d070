import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import { fetchPage, type ResolvedList } from '../../common/http/list-query.dto';
import { entityScopeWhere } from '../../sdk/entity-scope';
import type { RequestContext } from '../../sdk/request-context';
import { ROOT_ENTITY_ID } from '../entities/entity-node.entity';
import { AuditEvent } from './audit-event.entity';
import type { ListAuditQueryDto } from './dto/audit.dto';

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Events of objects in the caller's scope; events of global objects only for holders of the right on the root. */
  list(ctx: RequestContext, list: ResolvedList, filters: ListAuditQueryDto): Promise<[AuditEvent[], number]> {
    const scope = entityScopeWhere(ctx, { entityColumn: 'ev.entity_id', right: CoreRight.AUDIT, bits: Bits.READ });
    const globalVisible = ctx.can(CoreRight.AUDIT, Bits.READ, { id: ROOT_ENTITY_ID, path: `/${ROOT_ENTITY_ID}/` });
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('ev')
      .where(globalVisible ? `(${scope.sql} OR ev.entity_id IS NULL)` : scope.sql, scope.params);
    if (filters.itemType) qb.andWhere('ev.item_type = :itemType', { itemType: filters.itemType });
    if (filters.itemId) qb.andWhere('ev.item_id = :itemId', { itemId: filters.itemId });
    if (filters.userId) qb.andWhere('ev.user_id = :userId', { userId: filters.userId });
    if (filters.action) qb.andWhere('ev.action = :action', { action: filters.action });
    return fetchPage(qb, list, 'ev.id');
  }
}
