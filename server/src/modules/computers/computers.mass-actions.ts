import { Injectable } from '@nestjs/common';
import { Bits, CoreRight, type MassActionItemResult } from '@parc/contracts';
import type { MassActionDefinition, MassActionHandler } from '../../sdk/plugin';
import type { RequestContext } from '../../sdk/request-context';
import { ComputersService } from './computers.service';
import { MoveComputersDto } from './dto/computer.dto';

@Injectable()
export class MoveComputersAction implements MassActionHandler<MoveComputersDto> {
  constructor(private readonly computers: ComputersService) {}
  run(ctx: RequestContext, ids: number[], input: MoveComputersDto): Promise<MassActionItemResult[]> {
    return this.computers.moveMany(ctx, ids, input.entityId);
  }
}

@Injectable()
export class DeleteComputersAction implements MassActionHandler {
  constructor(private readonly computers: ComputersService) {}
  run(ctx: RequestContext, ids: number[]): Promise<MassActionItemResult[]> {
    return this.computers.deleteMany(ctx, ids);
  }
}

export const COMPUTER_MASS_ACTIONS: MassActionDefinition<any>[] = [
  {
    key: 'computer.move',
    itemType: 'computer',
    label: { en: 'Move to entity', fr: "Déplacer vers l'entité" },
    right: { name: CoreRight.COMPUTER, bits: Bits.UPDATE },
    input: MoveComputersDto,
    handler: MoveComputersAction,
  },
  {
    key: 'computer.delete',
    itemType: 'computer',
    label: { en: 'Delete', fr: 'Supprimer' },
    confirm: { en: 'Delete the selected computers and their inventory?', fr: 'Supprimer les ordinateurs sélectionnés et leur inventaire ?' },
    right: { name: CoreRight.COMPUTER, bits: Bits.DELETE },
    handler: DeleteComputersAction,
  },
];
