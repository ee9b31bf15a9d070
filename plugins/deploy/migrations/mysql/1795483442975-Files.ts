import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Files1795483442975 implements MigrationInterface {
  name = 'Files1795483442975';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`deploy_files\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sha512\` varchar(128) NOT NULL, \`name\` varchar(255) NOT NULL, \`size\` bigint NOT NULL, \`part_count\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`unreferenced_since\` datetime NULL, UNIQUE INDEX \`ux_deploy_files_sha512\` (\`sha512\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`deploy_file_parts\` (\`file_id\` int NOT NULL, \`seq\` int NOT NULL, \`sha512\` varchar(128) NOT NULL, \`size\` int NOT NULL, INDEX \`ix_deploy_file_parts_sha512\` (\`sha512\`), PRIMARY KEY (\`file_id\`, \`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`deploy_file_grants\` (\`file_id\` int NOT NULL, \`entity_id\` int NOT NULL, PRIMARY KEY (\`file_id\`, \`entity_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`deploy_revision_files\` (\`revision_id\` int NOT NULL, \`file_id\` int NOT NULL, INDEX \`ix_deploy_revision_files_file\` (\`file_id\`), PRIMARY KEY (\`revision_id\`, \`file_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`deploy_uploads\` (\`id\` varchar(36) NOT NULL, \`user_id\` int NOT NULL, \`entity_id\` int NOT NULL, \`name\` varchar(255) NOT NULL, \`size\` bigint NOT NULL, \`received\` bigint NOT NULL, \`expected_sha512\` varchar(128) NULL, \`status\` varchar(10) NOT NULL, \`file_id\` int NULL, \`expires_at\` datetime NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_deploy_uploads_expires\` (\`expires_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`deploy_upload_parts\` (\`upload_id\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`sha512\` varchar(128) NOT NULL, \`size\` int NOT NULL, INDEX \`ix_deploy_upload_parts_sha512\` (\`sha512\`), PRIMARY KEY (\`upload_id\`, \`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`deploy_file_parts\` ADD CONSTRAINT \`FK_ee47e9cfdda6ff71829df27dba9\` FOREIGN KEY (\`file_id\`) REFERENCES \`deploy_files\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`deploy_file_grants\` ADD CONSTRAINT \`FK_63d899c5d292cd73b6651932be9\` FOREIGN KEY (\`file_id\`) REFERENCES \`deploy_files\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`deploy_revision_files\` ADD CONSTRAINT \`FK_22fb53a28f7dbb44d00919661ab\` FOREIGN KEY (\`revision_id\`) REFERENCES \`deploy_package_revisions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`deploy_revision_files\` ADD CONSTRAINT \`FK_0c5d4697696ee0c0208ad3ac618\` FOREIGN KEY (\`file_id\`) REFERENCES \`deploy_files\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`deploy_upload_parts\` ADD CONSTRAINT \`FK_eeebc13f0cde3b61d30a6543815\` FOREIGN KEY (\`upload_id\`) REFERENCES \`deploy_uploads\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deploy_upload_parts\` DROP FOREIGN KEY \`FK_eeebc13f0cde3b61d30a6543815\``);
    await queryRunner.query(`ALTER TABLE \`deploy_revision_files\` DROP FOREIGN KEY \`FK_0c5d4697696ee0c0208ad3ac618\``);
    await queryRunner.query(`ALTER TABLE \`deploy_revision_files\` DROP FOREIGN KEY \`FK_22fb53a28f7dbb44d00919661ab\``);
    await queryRunner.query(`ALTER TABLE \`deploy_file_grants\` DROP FOREIGN KEY \`FK_63d899c5d292cd73b6651932be9\``);
    await queryRunner.query(`ALTER TABLE \`deploy_file_parts\` DROP FOREIGN KEY \`FK_ee47e9cfdda6ff71829df27dba9\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_upload_parts_sha512\` ON \`deploy_upload_parts\``);
    await queryRunner.query(`DROP TABLE \`deploy_upload_parts\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_uploads_expires\` ON \`deploy_uploads\``);
    await queryRunner.query(`DROP TABLE \`deploy_uploads\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_revision_files_file\` ON \`deploy_revision_files\``);
    await queryRunner.query(`DROP TABLE \`deploy_revision_files\``);
    await queryRunner.query(`DROP TABLE \`deploy_file_grants\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_file_parts_sha512\` ON \`deploy_file_parts\``);
    await queryRunner.query(`DROP TABLE \`deploy_file_parts\``);
    await queryRunner.query(`DROP INDEX \`ux_deploy_files_sha512\` ON \`deploy_files\``);
    await queryRunner.query(`DROP TABLE \`deploy_files\``);
  }
}
