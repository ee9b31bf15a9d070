import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Mirrors1795483988375 implements MigrationInterface {
  name = 'Mirrors1795483988375';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`deploy_mirrors\` (\`id\` int NOT NULL AUTO_INCREMENT, \`entity_id\` int NOT NULL, \`recursive\` tinyint NOT NULL DEFAULT 1, \`name\` varchar(255) NOT NULL, \`url\` varchar(1024) NOT NULL, \`networks\` text NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`position\` int NOT NULL DEFAULT '0', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_deploy_mirrors_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_deploy_mirrors_entity\` ON \`deploy_mirrors\``);
    await queryRunner.query(`DROP TABLE \`deploy_mirrors\``);
  }
}
