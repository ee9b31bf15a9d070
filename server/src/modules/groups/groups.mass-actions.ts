import { Injectable } from '@nestjs/common';
import { Bits, CoreRight, type MassActionItemResult } from '@parc/contracts';
import type { MassActionDefinition, MassActionHandler } from '../../sdk/plugin';
import type { RequestContext } from '../../sdk/request-context';
import { GroupTargetDto } from './dto/group.dto';
import { GroupsService } from './groups.service';

@Injectable()
export class AddToGroupAction implements MassActionHandler<GroupTargetDto> {
  constructor(private readonly groups: GroupsService) {}
  run(ctx: RequestContext, ids: number[], input: GroupTargetDto): Promise<MassActionItemResult[]> {
    return this.groups.massMembers(ctx, ids, input.groupId, true);
  }
}

@Injectable()
export class RemoveFromGroupAction implements MassActionHandler<GroupTargetDto> {
  constructor(private readonly groups: GroupsService) {}
  run(ctx: RequestContext, ids: number[], input: GroupTargetDto): Promise<MassActionItemResult[]> {
    return this.groups.massMembers(ctx, ids, input.groupId, false);
  }
}

export const GROUP_MASS_ACTIONS: MassActionDefinition<GroupTargetDto>[] = [
  {
    key: 'group.add',
    itemType: 'computer',
    label: { en: 'Add to group', fr: 'Ajouter au groupe' },
    right: { name: CoreRight.GROUP, bits: Bits.UPDATE },
    input: GroupTargetDto,
    handler: AddToGroupAction,
  },
  {
    key: 'group.remove',
    itemType: 'computer',
    label: { en: 'Remove from group', fr: 'Retirer du groupe' },
    right: { name: CoreRight.GROUP, bits: Bits.UPDATE },
    input: GroupTargetDto,
    handler: RemoveFromGroupAction,
  },
];
