import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1795498386078 implements MigrationInterface {
  name = 'Tasks1795498386078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`deploy_tasks\` (\`id\` int NOT NULL AUTO_INCREMENT, \`entity_id\` int NOT NULL, \`name\` varchar(255) NOT NULL, \`description\` text NOT NULL, \`state\` varchar(10) NOT NULL DEFAULT 'draft', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_deploy_tasks_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`deploy_task_jobs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`task_id\` int NOT NULL, \`position\` int NOT NULL, \`name\` varchar(255) NOT NULL, \`revision_id\` int NOT NULL, INDEX \`ix_deploy_task_jobs_revision\` (\`revision_id\`), INDEX \`ix_deploy_task_jobs_task\` (\`task_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`deploy_task_jobs\` ADD CONSTRAINT \`FK_0e8ea8ea2bbf51db05c50485013\` FOREIGN KEY (\`task_id\`) REFERENCES \`deploy_tasks\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`deploy_task_jobs\` ADD CONSTRAINT \`FK_0e5a8f2de2b1c12b0d6170ca25a\` FOREIGN KEY (\`revision_id\`) REFERENCES \`deploy_package_revisions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deploy_task_jobs\` DROP FOREIGN KEY \`FK_0e5a8f2de2b1c12b0d6170ca25a\``);
    await queryRunner.query(`ALTER TABLE \`deploy_task_jobs\` DROP FOREIGN KEY \`FK_0e8ea8ea2bbf51db05c50485013\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_task_jobs_task\` ON \`deploy_task_jobs\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_task_jobs_revision\` ON \`deploy_task_jobs\``);
    await queryRunner.query(`DROP TABLE \`deploy_task_jobs\``);
    await queryRunner.query(`DROP INDEX \`ix_deploy_tasks_entity\` ON \`deploy_tasks\``);
    await queryRunner.query(`DROP TABLE \`deploy_tasks\``);
  }
}
