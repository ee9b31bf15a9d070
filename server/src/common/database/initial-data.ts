import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ALL_STANDARD_BITS, Bits, CoreRight, GroupBits, type RightDefinition } from '@parc/contracts';
import type { DataSource, Repository } from 'typeorm';
import { PasswordHasher } from '../../modules/auth/password-hasher';
import { ROOT_ENTITY_ID } from '../../modules/entities/entity-node.entity';
import { ProfileRight } from '../../modules/profiles/profile-right.entity';
import { Profile, SUPER_ADMIN_PROFILE_ID } from '../../modules/profiles/profile.entity';
import { ProfilesRepository } from '../../modules/profiles/profiles.repository';
import { Authorization } from '../../modules/users/authorization.entity';
import { User } from '../../modules/users/user.entity';
import type { AppConfig } from '../config/config';
import { withMigrationLock } from './migrations';

const logger = new Logger('Setup');

/**
 * Data every installation needs, created once: the Super-Admin profile receives the rights of every enabled
 * plugin it has no row for yet, and on the very first start the administrator account and two ready-made
 * profiles are created. Runs under the migration lock so that processes starting together agree.
 */
export async function ensureInitialData(dataSource: DataSource, config: AppConfig, rights: RightDefinition[]): Promise<void> {
  await withMigrationLock(dataSource, async () => {
    await new ProfilesRepository(dataSource).grantMissingRights(SUPER_ADMIN_PROFILE_ID, rights);
    if ((await dataSource.getRepository(User).count()) > 0) return;

    const password = config.admin.password ?? randomBytes(12).toString('base64url');
    const passwordHash = await new PasswordHasher(config).hash(password);
    await dataSource.transaction(async (m) => {
      const admin = await m.getRepository(User).save(
        m.getRepository(User).create({ login: config.admin.login, name: 'Administrator', email: null, active: true, passwordHash, entityId: ROOT_ENTITY_ID, lastLoginAt: null }),
      );
      await m.getRepository(Authorization).insert({ userId: admin.id, profileId: SUPER_ADMIN_PROFILE_ID, entityId: ROOT_ENTITY_ID, recursive: true });
      await createProfile(m.getRepository(Profile), 'Admin', 'Manages computers, entities and users; cannot change profiles', {
        [CoreRight.COMPUTER]: ALL_STANDARD_BITS,
        [CoreRight.INVENTORY]: Bits.READ,
        [CoreRight.GROUP]: ALL_STANDARD_BITS | GroupBits.ALL_GROUPS,
        [CoreRight.SAVED_SEARCH]: Bits.READ | Bits.CREATE | Bits.UPDATE | Bits.DELETE,
        [CoreRight.ENTITY]: ALL_STANDARD_BITS,
        [CoreRight.USER]: ALL_STANDARD_BITS,
        [CoreRight.PROFILE]: Bits.READ,
        [CoreRight.AUDIT]: Bits.READ,
        [CoreRight.PLUGIN]: Bits.READ,
        [CoreRight.SYSTEM]: Bits.READ,
      });
      await createProfile(m.getRepository(Profile), 'Observer', 'Reads everything, changes nothing', Object.fromEntries(rights.map((r) => [r.name, r.bits & Bits.READ])));
    });
    if (config.admin.password) {
      logger.log(`Created the administrator account '${config.admin.login}' with the password from ADMIN_PASSWORD`);
    } else {
      // Printed once, outside the structured log, so that the person starting the server sees it.
      process.stdout.write(
        `\n  First start: created the administrator account\n    login:    ${config.admin.login}\n    password: ${password}\n` +
          `  It is shown only this once; change it after logging in.\n\n`,
      );
    }
  });
}

async function createProfile(repo: Repository<Profile>, name: string, comment: string, rights: Record<string, number>): Promise<void> {
  const saved = await repo.save(repo.create({ name, comment }));
  const rows = Object.entries(rights)
    .filter(([, bits]) => bits > 0)
    .map(([rightName, bits]) => ({ profileId: saved.id, name: rightName, bits }));
  if (rows.length) await repo.manager.getRepository(ProfileRight).insert(rows);
}
