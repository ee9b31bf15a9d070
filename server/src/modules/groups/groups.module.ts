import { Module } from '@nestjs/common';
import { ComputersModule } from '../computers/computers.module';
import { GroupMembershipService } from './group-membership.service';
import { GroupsRefreshJob } from './groups-refresh.job';
import { GroupsController } from './groups.controller';
import { AddToGroupAction, RemoveFromGroupAction } from './groups.mass-actions';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';

@Module({
  imports: [ComputersModule],
  controllers: [GroupsController],
  providers: [GroupsRepository, GroupsService, GroupMembershipService, GroupsRefreshJob, AddToGroupAction, RemoveFromGroupAction],
  exports: [GroupsService, GroupMembershipService],
})
export class GroupsModule {}
