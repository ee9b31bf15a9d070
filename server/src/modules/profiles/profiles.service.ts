import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bits, CoreRight, hasBits, type Page } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import { resolveList } from '../../common/http/list-query.dto';
import { Contributions } from '../../plugin-host/contributions';
import type { RequestContext } from '../../sdk/request-context';
import { AuditService } from '../audit/audit.service';
import { ROOT_ENTITY_ID } from '../entities/entity-node.entity';
import { type CreateProfileDto, type ListProfilesQueryDto, ProfileViewDto, type RightListDto, type UpdateProfileDto } from './dto/profile.dto';
import { Profile, SUPER_ADMIN_PROFILE_ID } from './profile.entity';
import { ProfilesRepository } from './profiles.repository';

const SORTABLE = { id: 'p.id', name: 'p.name', createdAt: 'p.created_at' };
const ROOT = { id: ROOT_ENTITY_ID, path: `/${ROOT_ENTITY_ID}/` };

/**
 * Profiles are global, so changing one needs the profile right on the root entity, and nobody can put into a
 * profile bits they do not hold there themselves.
 */
@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: ProfilesRepository,
    private readonly contributions: Contributions,
    private readonly audit: AuditService,
  ) {}

  rights(): RightListDto {
    return { items: this.contributions.rights, total: this.contributions.rights.length };
  }

  async list(query: ListProfilesQueryDto): Promise<Page<ProfileViewDto>> {
    const [rows, total] = await this.profiles.list(resolveList(query, SORTABLE, 'name'), query.q);
    return { items: rows.map(ProfileViewDto.from), total };
  }

  async get(id: number): Promise<ProfileViewDto> {
    const p = await this.profiles.findWithRights(id);
    if (!p) throw new NotFoundException(`No profile with id ${id}`);
    return ProfileViewDto.from(p);
  }

  async create(ctx: RequestContext, dto: CreateProfileDto): Promise<ProfileViewDto> {
    this.assertRootRight(ctx, Bits.CREATE);
    const rights = this.checkRights(ctx, dto.rights ?? {});
    if (await this.profiles.findByName(dto.name)) throw new ConflictException(`A profile named '${dto.name}' already exists`);
    const id = await this.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(Profile).save(m.getRepository(Profile).create({ name: dto.name, comment: dto.comment ?? '' }));
      await this.profiles.replaceRights(m, saved.id, rights);
      await this.audit.record(m, ctx, { action: 'create', itemType: 'profile', itemId: saved.id, entityId: null, after: { name: saved.name, comment: saved.comment, rights } });
      return saved.id;
    });
    return this.get(id);
  }

  async update(ctx: RequestContext, id: number, dto: UpdateProfileDto): Promise<ProfileViewDto> {
    this.assertRootRight(ctx, Bits.UPDATE);
    const profile = await this.profiles.findWithRights(id);
    if (!profile) throw new NotFoundException(`No profile with id ${id}`);
    if (id === SUPER_ADMIN_PROFILE_ID) throw new ConflictException('The Super-Admin profile always holds every right and cannot be changed');
    const rights = dto.rights ? this.checkRights(ctx, dto.rights) : undefined;
    if (dto.name && dto.name !== profile.name && (await this.profiles.findByName(dto.name))) {
      throw new ConflictException(`A profile named '${dto.name}' already exists`);
    }
    await this.dataSource.transaction(async (m) => {
      const changes: Partial<Profile> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.comment !== undefined) changes.comment = dto.comment;
      if (Object.keys(changes).length) await m.getRepository(Profile).update(id, changes);
      if (rights) await this.profiles.replaceRights(m, id, rights);
      await this.audit.record(m, ctx, {
        action: 'update',
        itemType: 'profile',
        itemId: id,
        entityId: null,
        before: { name: profile.name, comment: profile.comment, rights: profile.rightsMap },
        after: { name: dto.name ?? profile.name, comment: dto.comment ?? profile.comment, rights: rights ?? profile.rightsMap },
      });
    });
    return this.get(id);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    this.assertRootRight(ctx, Bits.DELETE);
    const profile = await this.profiles.findWithRights(id);
    if (!profile) throw new NotFoundException(`No profile with id ${id}`);
    if (id === SUPER_ADMIN_PROFILE_ID) throw new ConflictException('The Super-Admin profile cannot be deleted');
    const used = await this.profiles.usageCount(id);
    if (used) throw new ConflictException(`The profile '${profile.name}' is used by ${used} authorization${used > 1 ? 's' : ''}`);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(Profile).delete(id);
      await this.audit.record(m, ctx, { action: 'delete', itemType: 'profile', itemId: id, entityId: null, before: { name: profile.name, comment: profile.comment, rights: profile.rightsMap } });
    });
  }

  private assertRootRight(ctx: RequestContext, bits: number): void {
    if (!ctx.can(CoreRight.PROFILE, bits, ROOT)) throw new ForbiddenException('Profiles are global: changing them needs the profile right on the root entity');
  }

  /** Known right names, bits within each right's mask, and no bit the caller lacks on the root entity. */
  private checkRights(ctx: RequestContext, rights: Record<string, number>): Record<string, number> {
    const problems: { field: string; problems: string[] }[] = [];
    const known = new Map(this.contributions.rights.map((r) => [r.name, r]));
    const held = ctx.rightsOn(ROOT);
    for (const [name, bits] of Object.entries(rights)) {
      const def = known.get(name);
      const field = `rights.${name}`;
      if (!def) problems.push({ field, problems: ['unknown right'] });
      else if (!Number.isInteger(bits) || bits < 0) problems.push({ field, problems: ['bits must be a non-negative integer'] });
      else if ((bits & ~def.bits) !== 0) problems.push({ field, problems: [`bits must be within the mask ${def.bits}`] });
    }
    if (problems.length) throw new BadRequestException({ message: `Invalid rights: ${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, details: problems });
    const beyond = Object.entries(rights).filter(([name, bits]) => bits && !ctx.isSystem && !hasBits(held[name], bits));
    if (beyond.length) {
      throw new ForbiddenException({ message: `You cannot give rights you do not hold on the root entity: ${beyond.map(([n]) => n).join(', ')}` });
    }
    return rights;
  }
}
