import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { AccessService } from './auth/access.service';
import { PasswordHasher } from './auth/password-hasher';
import { EntitiesRepository } from './entities/entities.repository';
import { ProfilesRepository } from './profiles/profiles.repository';
import { SettingsService } from './settings/settings.service';
import { UsersRepository } from './users/users.repository';

/** Repositories and services that several core features share (AuditService and SettingsService serve plugins too). */
@Global()
@Module({
  providers: [EntitiesRepository, UsersRepository, ProfilesRepository, AuditService, AccessService, PasswordHasher, SettingsService],
  exports: [EntitiesRepository, UsersRepository, ProfilesRepository, AuditService, AccessService, PasswordHasher, SettingsService],
})
export class CoreDataModule {}
