import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Packages1795479464950 implements MigrationInterface {
  name = 'Packages1795479464950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`deploy_packages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`entity_id\` int NOT NULL, \`recursive\` tinyint NOT NULL DEFAULT 0, \`name\` varchar(255) NOT NULL, \`description\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_deploy_packages_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`deploy_package_revisions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`package_id\` int NOT NULL, \`number\` int NOT NULL, \`status\` varchar(10) NOT NULL, \`definition\` text NOT NULL, \`published_at\` datetime NULL, \`retired_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`ux_deploy_package_revisions_number\` (\`package_id\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`deploy_package_revisions\` ADD CONSTRAINT \`FK_a4ae8cd42e634f771f77d9dca3f\` FOREIGN KEY (\`package_id\`) REFERENCES \`deploy_packages\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deploy_package_revisions\` DROP FOREIGN KEY \`FK_a4ae8cd42e634f771f77d9dca3f\``);
    await queryRunner.query(`DROP INDEX \`ux_deploy_package_revisions_number\` ON \`deploy_package_revisions\``);
    await queryRunner.query(`DROP TABLE \`deploy_package_revisions\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_packages_entity\` ON \`deploy_packages\``);
    await queryRunner.query(`DROP TABLE \`deploy_packages\``);
  }
}
