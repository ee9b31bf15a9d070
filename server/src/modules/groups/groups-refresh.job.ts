import { Injectable } from '@nestjs/common';
import type { PeriodicJob } from '../../sdk/plugin';
import { GroupMembershipService } from './group-membership.service';

/** Re-evaluates every query-mode dynamic group: catches what incremental refreshes cannot see (time passing). */
@Injectable()
export class GroupsRefreshJob implements PeriodicJob {
  constructor(private readonly membership: GroupMembershipService) {}

  run(): Promise<string> {
    return this.membership.refreshAll();
  }
}
