import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Groups1795474878055 implements MigrationInterface {
  name = 'Groups1795474878055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`computer_groups\` (\`id\` int NOT NULL AUTO_INCREMENT, \`entity_id\` int NOT NULL, \`recursive\` tinyint NOT NULL DEFAULT 0, \`name\` varchar(255) NOT NULL, \`comment\` text NOT NULL, \`kind\` varchar(8) NOT NULL, \`mode\` varchar(8) NULL, \`criteria\` text NOT NULL, \`expression\` varchar(2000) NOT NULL DEFAULT '', \`owner_id\` int NULL, \`visible\` tinyint NOT NULL DEFAULT 0, \`member_count\` int NOT NULL DEFAULT '0', \`refreshed_at\` datetime NULL, \`refresh_ms\` int NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_computer_groups_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`computer_group_members\` (\`group_id\` int NOT NULL, \`computer_id\` int NOT NULL, INDEX \`ix_computer_group_members_computer\` (\`computer_id\`), PRIMARY KEY (\`group_id\`, \`computer_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`computer_group_shares\` (\`id\` int NOT NULL AUTO_INCREMENT, \`group_id\` int NOT NULL, \`user_id\` int NULL, \`profile_id\` int NULL, INDEX \`ix_computer_group_shares_group\` (\`group_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`saved_searches\` (\`id\` int NOT NULL AUTO_INCREMENT, \`owner_id\` int NOT NULL, \`item_type\` varchar(50) NOT NULL, \`name\` varchar(255) NOT NULL, \`query\` text NOT NULL, \`shared\` tinyint NOT NULL DEFAULT 0, \`entity_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_saved_searches_shared\` (\`item_type\`, \`shared\`), INDEX \`ix_saved_searches_owner\` (\`owner_id\`, \`item_type\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`computer_groups\` ADD CONSTRAINT \`FK_cea24877bb30b9d72f676a17e16\` FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_group_members\` ADD CONSTRAINT \`FK_5532244ef88058aaef94c5c9a73\` FOREIGN KEY (\`group_id\`) REFERENCES \`computer_groups\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_group_members\` ADD CONSTRAINT \`FK_58f329af9b266e220e8ee4d2511\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_group_shares\` ADD CONSTRAINT \`FK_3387a05c4fc24d5063d47320534\` FOREIGN KEY (\`group_id\`) REFERENCES \`computer_groups\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_group_shares\` ADD CONSTRAINT \`FK_eea66ae77b1deb04a95ab91d6c3\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_group_shares\` ADD CONSTRAINT \`FK_c7f5246032a536379755c39e516\` FOREIGN KEY (\`profile_id\`) REFERENCES \`profiles\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`saved_searches\` ADD CONSTRAINT \`FK_90b89788a441ed92b779b40d9c8\` FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`saved_searches\` DROP FOREIGN KEY \`FK_90b89788a441ed92b779b40d9c8\``);
    await queryRunner.query(`ALTER TABLE \`computer_group_shares\` DROP FOREIGN KEY \`FK_c7f5246032a536379755c39e516\``);
    await queryRunner.query(`ALTER TABLE \`computer_group_shares\` DROP FOREIGN KEY \`FK_eea66ae77b1deb04a95ab91d6c3\``);
    await queryRunner.query(`ALTER TABLE \`computer_group_shares\` DROP FOREIGN KEY \`FK_3387a05c4fc24d5063d47320534\``);
    await queryRunner.query(`ALTER TABLE \`computer_group_members\` DROP FOREIGN KEY \`FK_58f329af9b266e220e8ee4d2511\``);
    await queryRunner.query(`ALTER TABLE \`computer_group_members\` DROP FOREIGN KEY \`FK_5532244ef88058aaef94c5c9a73\``);
    await queryRunner.query(`ALTER TABLE \`computer_groups\` DROP FOREIGN KEY \`FK_cea24877bb30b9d72f676a17e16\``);
    await queryRunner.query(`DROP INDEX \`ix_saved_searches_owner\` ON \`saved_searches\``);
    await queryRunner.query(`DROP INDEX \`ix_saved_searches_shared\` ON \`saved_searches\``);
    await queryRunner.query(`DROP TABLE \`saved_searches\``);
    await queryRunner.query(`DROP INDEX \`ix_computer_group_shares_group\` ON \`computer_group_shares\``);
    await queryRunner.query(`DROP TABLE \`computer_group_shares\``);
    await queryRunner.query(`DROP INDEX \`ix_computer_group_members_computer\` ON \`computer_group_members\``);
    await queryRunner.query(`DROP TABLE \`computer_group_members\``);
    await queryRunner.query(`DROP INDEX \`ix_computer_groups_entity\` ON \`computer_groups\``);
    await queryRunner.query(`DROP TABLE \`computer_groups\``);
  }
}
