import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { AccessService } from './auth/access.service';
import { PasswordHasher } from './auth/password-hasher';
import { EntitiesRepository } from './entities/entities.repository';
import { ProfilesRepository } from './profiles/profiles.repository';
import { UsersRepository } from './users/users.repository';

/** Repositories and services that several core features share (and AuditService, which plugins use too). */
@Global()
@Module({
  providers: [EntitiesRepository, UsersRepository, ProfilesRepository, AuditService, AccessService, PasswordHasher],
  exports: [EntitiesRepository, UsersRepository, ProfilesRepository, AuditService, AccessService, PasswordHasher],
})
export class CoreDataModule {}
