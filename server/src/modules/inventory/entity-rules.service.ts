import { BadRequestException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, type EntityRuleView, type InventorySettingsView, type Page } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../sdk/request-context';
import { AuditService } from '../audit/audit.service';
import { EntityNode, ROOT_ENTITY_ID } from '../entities/entity-node.entity';
import { inRange, parseAddressRange, wildcardMatch } from './address-range';
import type { CreateEntityRuleDto, UpdateEntityRuleDto } from './dto/inventory.dto';
import { EntityRule } from './entity-rule.entity';
import { InventorySettingsService } from './inventory-settings.service';

const ROOT = { id: ROOT_ENTITY_ID, path: `/${ROOT_ENTITY_ID}/` };
const RULES_CACHE_MS = 10_000;

/**
 * Decides the entity of a new computer (first active rule by position that matches its TAG or address, else
 * the default entity) and administers the rules. Rules and settings are installation-wide: changing them needs
 * the inventory right on the root entity.
 */
@Injectable()
export class EntityRulesService {
  private readonly logger = new Logger('Inventory');
  private cache: { rules: EntityRule[]; until: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: InventorySettingsService,
    private readonly audit: AuditService,
  ) {}

  async entityFor(agent: { tag: string; address: string }): Promise<number> {
    for (const rule of await this.activeRules()) {
      const matches = rule.kind === 'tag' ? Boolean(agent.tag) && wildcardMatch(agent.tag, rule.pattern) : this.addressMatches(agent.address, rule.pattern);
      if (matches && (await this.entityExists(rule.targetEntityId))) return rule.targetEntityId;
      if (matches) this.logger.warn(`Entity rule '${rule.name}' points to a deleted entity ${rule.targetEntityId}; skipped`);
    }
    const { defaultEntityId } = await this.settings.get();
    return (await this.entityExists(defaultEntityId)) ? defaultEntityId : ROOT_ENTITY_ID;
  }

  async list(): Promise<Page<EntityRuleView>> {
    const rows = await this.dataSource.getRepository(EntityRule).find({ order: { position: 'ASC', id: 'ASC' } });
    const names = await this.entityNames(rows.map((r) => r.targetEntityId));
    const items = rows.map((r) => this.view(r, names));
    return { items, total: items.length };
  }

  async create(ctx: RequestContext, dto: CreateEntityRuleDto): Promise<EntityRuleView> {
    this.assertRoot(ctx, Bits.CREATE);
    this.assertPattern(dto.kind, dto.pattern);
    await this.assertEntity(dto.entityId);
    const saved = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(EntityRule);
      const last = await repo.createQueryBuilder('r').select('MAX(r.position)', 'max').getRawOne<{ max: number | null }>();
      const rule = await repo.save(
        repo.create({ name: dto.name, kind: dto.kind, pattern: dto.pattern.trim(), targetEntityId: dto.entityId, active: dto.active ?? true, position: dto.position ?? (Number(last?.max) || 0) + 1 }),
      );
      await this.audit.record(m, ctx, { action: 'create', itemType: 'inventory_rule', itemId: rule.id, entityId: null, after: rule });
      return rule;
    });
    this.cache = null;
    return this.view(saved, await this.entityNames([saved.targetEntityId]));
  }

  async update(ctx: RequestContext, id: number, dto: UpdateEntityRuleDto): Promise<EntityRuleView> {
    this.assertRoot(ctx, Bits.UPDATE);
    const rule = await this.dataSource.getRepository(EntityRule).findOneBy({ id });
    if (!rule) throw new NotFoundException(`No entity rule with id ${id}`);
    const next = { ...rule, ...definedOnly({ name: dto.name, kind: dto.kind, pattern: dto.pattern?.trim(), targetEntityId: dto.entityId, active: dto.active, position: dto.position }) };
    this.assertPattern(next.kind, next.pattern);
    if (dto.entityId !== undefined) await this.assertEntity(dto.entityId);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(EntityRule).save(next);
      await this.audit.record(m, ctx, { action: 'update', itemType: 'inventory_rule', itemId: id, entityId: null, before: rule, after: next });
    });
    this.cache = null;
    return this.view(next, await this.entityNames([next.targetEntityId]));
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    this.assertRoot(ctx, Bits.DELETE);
    const rule = await this.dataSource.getRepository(EntityRule).findOneBy({ id });
    if (!rule) throw new NotFoundException(`No entity rule with id ${id}`);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(EntityRule).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'inventory_rule', itemId: id, entityId: null, before: rule });
    });
    this.cache = null;
  }

  async updateSettings(ctx: RequestContext, values: InventorySettingsView): Promise<InventorySettingsView> {
    this.assertRoot(ctx, Bits.UPDATE);
    await this.assertEntity(values.defaultEntityId);
    const before = await this.settings.get();
    await this.dataSource.transaction(async (m) => {
      await this.settings.set(m, values);
      await this.audit.record(m, ctx, { action: 'update', itemType: 'inventory_settings', itemId: 1, entityId: null, before, after: values });
    });
    return this.settings.get();
  }

  assertRoot(ctx: RequestContext, bits: number): void {
    if (!ctx.can(CoreRight.INVENTORY, bits, ROOT)) throw new ForbiddenException('Inventory settings are installation-wide: they need the inventory right on the root entity');
  }

  private async activeRules(): Promise<EntityRule[]> {
    if (!this.cache || this.cache.until < Date.now()) {
      const rules = await this.dataSource.getRepository(EntityRule).find({ where: { active: true }, order: { position: 'ASC', id: 'ASC' } });
      this.cache = { rules, until: Date.now() + RULES_CACHE_MS };
    }
    return this.cache.rules;
  }

  private addressMatches(address: string, pattern: string): boolean {
    const range = parseAddressRange(pattern);
    return range !== null && inRange(address, range);
  }

  private assertPattern(kind: string, pattern: string): void {
    if (kind === 'ip' && !parseAddressRange(pattern)) {
      throw new BadRequestException({ message: `'${pattern}' is not an IPv4 range (10.0.0.0/8, 10.0.0.1-10.0.0.99 or one address)`, details: [{ field: 'pattern', problems: ['not an IPv4 range'] }] });
    }
  }

  private async assertEntity(id: number): Promise<void> {
    if (!(await this.entityExists(id))) throw new BadRequestException({ message: `No entity with id ${id}`, details: [{ field: 'entityId', problems: ['unknown entity'] }] });
  }

  private entityExists(id: number): Promise<boolean> {
    return this.dataSource.getRepository(EntityNode).existsBy({ id });
  }

  private async entityNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(EntityNode).createQueryBuilder('e').select(['e.id', 'e.completeName']).where('e.id IN (:...ids)', { ids }).getMany();
    return new Map(rows.map((e) => [e.id, e.completeName]));
  }

  private view(r: EntityRule, names: Map<number, string>): EntityRuleView {
    return { id: r.id, position: r.position, name: r.name, kind: r.kind, pattern: r.pattern, entityId: r.targetEntityId, entityName: names.get(r.targetEntityId) ?? '', active: Boolean(r.active) };
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
