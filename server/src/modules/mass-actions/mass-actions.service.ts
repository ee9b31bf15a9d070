import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { MassActionItemResult } from '@parc/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Contributions } from '../../plugin-host/contributions';
import type { MassActionHandler } from '../../sdk/plugin';
import type { RequestContext } from '../../sdk/request-context';
import type { MassActionListDto, MassActionResultDto, RunMassActionDto } from './dto/mass-action.dto';

/** The registry of mass actions (core and plugins), keyed by item type, and the one way to run them. */
@Injectable()
export class MassActionsService {
  constructor(
    private readonly contributions: Contributions,
    private readonly moduleRef: ModuleRef,
  ) {}

  available(ctx: RequestContext, itemType: string): MassActionListDto {
    const items = this.contributions.massActions
      .filter((a) => a.itemType === itemType && this.allowed(ctx, a.right))
      .map((a) => this.contributions.massActionView(a));
    return { items, total: items.length };
  }

  async run(ctx: RequestContext, key: string, dto: RunMassActionDto): Promise<MassActionResultDto> {
    const action = this.contributions.massActions.find((a) => a.key === key);
    if (!action) throw new NotFoundException(`No mass action '${key}'`);
    if (action.itemType !== dto.itemType) throw new BadRequestException(`The mass action '${key}' applies to ${action.itemType}, not ${dto.itemType}`);
    if (!this.allowed(ctx, action.right)) throw new ForbiddenException(`You lack the right '${action.right.name}' this action needs`);
    const input = await this.validInput(action.input, dto.input);
    const handler = this.moduleRef.get<MassActionHandler>(action.handler, { strict: false });
    const results = await handler.run(ctx, dto.ids, input);
    const byId = new Map(results.map((r) => [r.id, r]));
    const items: MassActionItemResult[] = dto.ids.map((id) => byId.get(id) ?? { id, status: 'failed', message: 'The action reported nothing for this item' });
    return {
      ok: items.filter((i) => i.status === 'ok').length,
      failed: items.filter((i) => i.status === 'failed').length,
      noRight: items.filter((i) => i.status === 'no-right').length,
      items,
    };
  }

  private allowed(ctx: RequestContext, right: { name: string; bits: number }): boolean {
    return ctx.isSystem || Boolean(ctx.entityIdsWith(right.name, right.bits)?.length);
  }

  private async validInput(type: (new () => unknown) | undefined, raw: Record<string, unknown> | undefined): Promise<unknown> {
    if (!type) {
      if (raw && Object.keys(raw).length) throw new BadRequestException('This mass action takes no input');
      return undefined;
    }
    const input = plainToInstance(type, raw ?? {}) as object;
    const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const details = errors.map((e) => ({ field: `input.${e.property}`, problems: Object.values(e.constraints ?? {}) }));
      throw new BadRequestException({ message: `Invalid input: ${details.map((d) => d.problems.join(', ')).join('; ')}`, details });
    }
    return input;
  }
}
