import { Agent } from '../../modules/agents/agent.entity';
import { ApiToken } from '../../modules/auth/api-token.entity';
import { Session } from '../../modules/auth/session.entity';
import { AuditEvent } from '../../modules/audit/audit-event.entity';
import { ComputerCpu, ComputerDisk, ComputerUser, NetworkInterface } from '../../modules/computers/computer-children.entity';
import { Computer } from '../../modules/computers/computer.entity';
import { InventoryChange } from '../../modules/computers/inventory-change.entity';
import { ComputerSoftware, Software, SoftwareVersion } from '../../modules/computers/software.entity';
import { ComputerGroup, ComputerGroupMember, ComputerGroupShare } from '../../modules/groups/group.entity';
import { SavedSearch } from '../../modules/saved-searches/saved-search.entity';
import { EntityNode } from '../../modules/entities/entity-node.entity';
import { EntityRule } from '../../modules/inventory/entity-rule.entity';
import { JobRun } from '../../modules/jobs/job-run.entity';
import { ProfileRight } from '../../modules/profiles/profile-right.entity';
import { Profile } from '../../modules/profiles/profile.entity';
import { Authorization } from '../../modules/users/authorization.entity';
import { Setting } from '../../modules/settings/setting.entity';
import { User } from '../../modules/users/user.entity';

export const CORE_ENTITIES = [
  EntityNode,
  User,
  Profile,
  ProfileRight,
  Authorization,
  Session,
  ApiToken,
  AuditEvent,
  JobRun,
  Setting,
  Computer,
  ComputerCpu,
  ComputerDisk,
  NetworkInterface,
  ComputerUser,
  Software,
  SoftwareVersion,
  ComputerSoftware,
  InventoryChange,
  Agent,
  EntityRule,
  ComputerGroup,
  ComputerGroupMember,
  ComputerGroupShare,
  SavedSearch,
];
