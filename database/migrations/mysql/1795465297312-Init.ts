import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795465297312 implements MigrationInterface {
  name = 'Init1795465297312';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`users\` (\`id\` int NOT NULL AUTO_INCREMENT, \`login\` varchar(100) NOT NULL, \`name\` varchar(255) NOT NULL, \`email\` varchar(255) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`password_hash\` varchar(255) NULL, \`entity_id\` int NOT NULL, \`last_login_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_users_login\` (\`login\`), INDEX \`ix_users_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`api_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`prefix\` varchar(16) NOT NULL, \`token_hash\` varchar(64) NOT NULL, \`expires_at\` datetime NULL, \`last_used_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_api_tokens_user\` (\`user_id\`), UNIQUE INDEX \`uq_api_tokens_token_hash\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`sessions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`token_hash\` varchar(64) NOT NULL, \`user_id\` int NOT NULL, \`expires_at\` datetime NOT NULL, \`last_used_at\` datetime NOT NULL, \`address\` varchar(64) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_sessions_token_hash\` (\`token_hash\`), INDEX \`ix_sessions_user\` (\`user_id\`), INDEX \`ix_sessions_expires\` (\`expires_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`audit_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime NOT NULL, \`user_id\` int NULL, \`user_login\` varchar(100) NOT NULL, \`action\` varchar(10) NOT NULL, \`item_type\` varchar(100) NOT NULL, \`item_id\` int NOT NULL, \`entity_id\` int NULL, \`before\` text NULL, \`after\` text NULL, INDEX \`ix_audit_events_at\` (\`at\`), INDEX \`ix_audit_events_entity\` (\`entity_id\`), INDEX \`ix_audit_events_item\` (\`item_type\`, \`item_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`entities\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(255) NOT NULL, \`parent_id\` int NULL, \`path\` varchar(255) NOT NULL, \`level\` int NOT NULL DEFAULT '0', \`complete_name\` text NOT NULL, \`comment\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_entities_path\` (\`path\`), UNIQUE INDEX \`uq_entities_parent_name\` (\`parent_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`job_runs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`tick\` varchar(150) NOT NULL, \`started_at\` datetime NOT NULL, \`finished_at\` datetime NULL, \`status\` varchar(10) NOT NULL, \`message\` text NULL, \`worker\` varchar(150) NOT NULL, INDEX \`ix_job_runs_name_started\` (\`name\`, \`started_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`profiles\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`comment\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_profiles_name\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`profile_rights\` (\`profile_id\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`bits\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`profile_id\`, \`name\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`authorizations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`profile_id\` int NOT NULL, \`entity_id\` int NOT NULL, \`is_recursive\` tinyint NOT NULL DEFAULT 0, INDEX \`ix_authorizations_profile\` (\`profile_id\`), INDEX \`ix_authorizations_entity\` (\`entity_id\`), UNIQUE INDEX \`uq_authorizations_user_profile_entity\` (\`user_id\`, \`profile_id\`, \`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`api_tokens\` ADD CONSTRAINT \`FK_b74883f5884a42fd8496d389b25\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`sessions\` ADD CONSTRAINT \`FK_085d540d9f418cfbdc7bd55bb19\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`profile_rights\` ADD CONSTRAINT \`FK_3aea21512bdcc80b774c3207b7b\` FOREIGN KEY (\`profile_id\`) REFERENCES \`profiles\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`authorizations\` ADD CONSTRAINT \`FK_f4b4d267563cdddee85181202a4\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`authorizations\` ADD CONSTRAINT \`FK_fa33817274091afdc52ae5a370e\` FOREIGN KEY (\`profile_id\`) REFERENCES \`profiles\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`authorizations\` ADD CONSTRAINT \`FK_f63b7f5f72dda7c1e6809f5bf6d\` FOREIGN KEY (\`entity_id\`) REFERENCES \`entities\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The root of the entity tree and the Super-Admin profile exist from the start, with fixed ids.
    await queryRunner.query(`INSERT INTO entities (id, name, parent_id, path, level, complete_name, comment) VALUES (1, 'Root entity', NULL, '/1/', 0, 'Root entity', '')`);
    await queryRunner.query(`INSERT INTO profiles (id, name, comment) VALUES (1, 'Super-Admin', 'Every right, including those of plugins enabled later')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`authorizations\` DROP FOREIGN KEY \`FK_f63b7f5f72dda7c1e6809f5bf6d\``);
    await queryRunner.query(`ALTER TABLE \`authorizations\` DROP FOREIGN KEY \`FK_fa33817274091afdc52ae5a370e\``);
    await queryRunner.query(`ALTER TABLE \`authorizations\` DROP FOREIGN KEY \`FK_f4b4d267563cdddee85181202a4\``);
    await queryRunner.query(`ALTER TABLE \`profile_rights\` DROP FOREIGN KEY \`FK_3aea21512bdcc80b774c3207b7b\``);
    await queryRunner.query(`ALTER TABLE \`sessions\` DROP FOREIGN KEY \`FK_085d540d9f418cfbdc7bd55bb19\``);
    await queryRunner.query(`ALTER TABLE \`api_tokens\` DROP FOREIGN KEY \`FK_b74883f5884a42fd8496d389b25\``);
    await queryRunner.query(`DROP INDEX \`uq_authorizations_user_profile_entity\` ON \`authorizations\``);
    await queryRunner.query(`DROP INDEX \`ix_authorizations_entity\` ON \`authorizations\``);
    await queryRunner.query(`DROP INDEX \`ix_authorizations_profile\` ON \`authorizations\``);
    await queryRunner.query(`DROP TABLE \`authorizations\``);
    await queryRunner.query(`DROP TABLE \`profile_rights\``);
    await queryRunner.query(`DROP INDEX \`uq_profiles_name\` ON \`profiles\``);
    await queryRunner.query(`DROP TABLE \`profiles\``);
    await queryRunner.query(`DROP INDEX \`ix_job_runs_name_started\` ON \`job_runs\``);
    await queryRunner.query(`DROP TABLE \`job_runs\``);
    await queryRunner.query(`DROP INDEX \`uq_entities_parent_name\` ON \`entities\``);
    await queryRunner.query(`DROP INDEX \`ix_entities_path\` ON \`entities\``);
    await queryRunner.query(`DROP TABLE \`entities\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_item\` ON \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_entity\` ON \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_at\` ON \`audit_events\``);
    await queryRunner.query(`DROP TABLE \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`ix_sessions_expires\` ON \`sessions\``);
    await queryRunner.query(`DROP INDEX \`ix_sessions_user\` ON \`sessions\``);
    await queryRunner.query(`DROP INDEX \`uq_sessions_token_hash\` ON \`sessions\``);
    await queryRunner.query(`DROP TABLE \`sessions\``);
    await queryRunner.query(`DROP INDEX \`uq_api_tokens_token_hash\` ON \`api_tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_api_tokens_user\` ON \`api_tokens\``);
    await queryRunner.query(`DROP TABLE \`api_tokens\``);
    await queryRunner.query(`DROP INDEX \`ix_users_entity\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`uq_users_login\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
  }
}
