import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InteractionTemplates1795484102973 implements MigrationInterface {
  name = 'InteractionTemplates1795484102973';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`deploy_interaction_templates\` (\`id\` int NOT NULL AUTO_INCREMENT, \`entity_id\` int NOT NULL, \`recursive\` tinyint NOT NULL DEFAULT 1, \`name\` varchar(255) NOT NULL, \`icon\` varchar(20) NOT NULL, \`buttons\` varchar(30) NOT NULL, \`timeout\` int NOT NULL, \`behaviours\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_deploy_interaction_templates_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_deploy_interaction_templates_entity\` ON \`deploy_interaction_templates\``);
    await queryRunner.query(`DROP TABLE \`deploy_interaction_templates\``);
  }
}
