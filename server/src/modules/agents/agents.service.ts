import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight } from '@parc/contracts';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { dateFromDb } from '../../common/database/dates';
import { containsCondition, resolveList } from '../../common/http/list-query.dto';
import { entityScopeWhere } from '../../sdk/entity-scope';
import type { RequestContext } from '../../sdk/request-context';
import type { AgentPageDto, AgentViewDto, ListAgentsQueryDto } from './dto/agent.dto';

const SORTABLE = { lastContactAt: 'a.last_contact_at', deviceId: 'a.device_id', version: 'a.version', kind: 'a.kind', createdAt: 'a.created_at' };

interface RawAgent {
  id: number;
  device_id: string;
  kind: AgentViewDto['kind'];
  version: string;
  user_agent: string;
  remote_address: string;
  http_port: number | null;
  tag: string;
  entity_id: number;
  entity_name: string | null;
  computer_id: number | null;
  computer_name: string | null;
  last_contact_at: string | Date | null;
  created_at: string | Date;
}

/** Agents as admins see them: scoped by the agent's entity (where its computer is, or the rules put it). */
@Injectable()
export class AgentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(ctx: RequestContext, query: ListAgentsQueryDto): Promise<AgentPageDto> {
    const list = resolveList(query, SORTABLE, '-lastContactAt');
    const scope = entityScopeWhere(ctx, { entityColumn: 'a.entity_id', right: CoreRight.COMPUTER, bits: Bits.READ });
    const base = () => {
      const qb = this.dataSource.createQueryBuilder().from('agents', 'a').where(scope.sql, scope.params);
      if (query.q) {
        const device = containsCondition('a.device_id', 'q1', query.q);
        const tag = containsCondition('a.tag', 'q2', query.q);
        qb.andWhere(`(${device.sql} OR ${tag.sql})`, { ...device.params, ...tag.params });
      }
      return qb;
    };
    const [{ n }] = await base().select('COUNT(*)', 'n').getRawMany<{ n: number }>();
    const rows = await this.withNames(base()).orderBy(list.orderBy, list.direction).addOrderBy('a.id', 'DESC').offset(list.offset).limit(list.limit).getRawMany<RawAgent>();
    return { items: rows.map(view), total: Number(n) };
  }

  async ofComputer(computerId: number): Promise<AgentPageDto> {
    const rows = await this.withNames(this.dataSource.createQueryBuilder().from('agents', 'a').where('a.computer_id = :computerId', { computerId }))
      .orderBy('a.last_contact_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getRawMany<RawAgent>();
    return { items: rows.map(view), total: rows.length };
  }

  private withNames(qb: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
    return qb
      .leftJoin('entities', 'e', 'e.id = a.entity_id')
      .leftJoin('computers', 'c', 'c.id = a.computer_id')
      .select([
        'a.id AS id',
        'a.device_id AS device_id',
        'a.kind AS kind',
        'a.version AS version',
        'a.user_agent AS user_agent',
        'a.remote_address AS remote_address',
        'a.http_port AS http_port',
        'a.tag AS tag',
        'a.entity_id AS entity_id',
        'e.complete_name AS entity_name',
        'a.computer_id AS computer_id',
        'c.name AS computer_name',
        'a.last_contact_at AS last_contact_at',
        'a.created_at AS created_at',
      ]);
  }
}

function view(r: RawAgent): AgentViewDto {
  return {
    id: Number(r.id),
    deviceId: r.device_id,
    kind: r.kind,
    version: r.version,
    userAgent: r.user_agent,
    remoteAddress: r.remote_address,
    httpPort: r.http_port === null ? null : Number(r.http_port),
    tag: r.tag,
    entityId: Number(r.entity_id),
    entityName: r.entity_name ?? '',
    computerId: r.computer_id === null ? null : Number(r.computer_id),
    computerName: r.computer_name,
    lastContactAt: r.last_contact_at ? dateFromDb(r.last_contact_at).toISOString() : null,
    createdAt: dateFromDb(r.created_at).toISOString(),
  };
}
