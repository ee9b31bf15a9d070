import { HttpException, Injectable } from '@nestjs/common';
import { Bits, CoreRight, type MassActionItemResult } from '@parc/contracts';
import type { MassActionHandler } from '../../sdk/plugin';
import type { RequestContext } from '../../sdk/request-context';
import { UsersService } from './users.service';

/** Runs a per-user operation on each id and reports each outcome, as GLPI's massive actions do. */
async function eachUser(ids: number[], op: (id: number) => Promise<unknown>): Promise<MassActionItemResult[]> {
  const results: MassActionItemResult[] = [];
  for (const id of ids) {
    try {
      await op(id);
      results.push({ id, status: 'ok' });
    } catch (e) {
      const status = e instanceof HttpException ? e.getStatus() : 500;
      results.push({ id, status: status === 403 || status === 404 ? 'no-right' : 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}

@Injectable()
export class EnableUsersAction implements MassActionHandler {
  constructor(private readonly users: UsersService) {}
  run(ctx: RequestContext, ids: number[]): Promise<MassActionItemResult[]> {
    return eachUser(ids, (id) => this.users.update(ctx, id, { active: true }));
  }
}

@Injectable()
export class DisableUsersAction implements MassActionHandler {
  constructor(private readonly users: UsersService) {}
  run(ctx: RequestContext, ids: number[]): Promise<MassActionItemResult[]> {
    return eachUser(ids, (id) => this.users.update(ctx, id, { active: false }));
  }
}

@Injectable()
export class DeleteUsersAction implements MassActionHandler {
  constructor(private readonly users: UsersService) {}
  run(ctx: RequestContext, ids: number[]): Promise<MassActionItemResult[]> {
    return eachUser(ids, (id) => this.users.remove(ctx, id));
  }
}

export const USER_MASS_ACTIONS = [
  { key: 'user.enable', itemType: 'user', label: { en: 'Enable', fr: 'Activer' }, right: { name: CoreRight.USER, bits: Bits.UPDATE }, handler: EnableUsersAction },
  { key: 'user.disable', itemType: 'user', label: { en: 'Disable', fr: 'Désactiver' }, right: { name: CoreRight.USER, bits: Bits.UPDATE }, handler: DisableUsersAction },
  {
    key: 'user.delete',
    itemType: 'user',
    label: { en: 'Delete', fr: 'Supprimer' },
    confirm: { en: 'Delete the selected users?', fr: 'Supprimer les utilisateurs sélectionnés ?' },
    right: { name: CoreRight.USER, bits: Bits.DELETE },
    handler: DeleteUsersAction,
  },
];
