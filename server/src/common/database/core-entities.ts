import { ApiToken } from '../../modules/auth/api-token.entity';
import { Session } from '../../modules/auth/session.entity';
import { AuditEvent } from '../../modules/audit/audit-event.entity';
import { EntityNode } from '../../modules/entities/entity-node.entity';
import { JobRun } from '../../modules/jobs/job-run.entity';
import { ProfileRight } from '../../modules/profiles/profile-right.entity';
import { Profile } from '../../modules/profiles/profile.entity';
import { Authorization } from '../../modules/users/authorization.entity';
import { User } from '../../modules/users/user.entity';

export const CORE_ENTITIES = [EntityNode, User, Profile, ProfileRight, Authorization, Session, ApiToken, AuditEvent, JobRun];
