import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1795498386078 implements MigrationInterface {
  name = 'Tasks1795498386078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deploy_tasks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity_id" integer NOT NULL, "name" varchar(255) NOT NULL, "description" text NOT NULL, "state" varchar(10) NOT NULL DEFAULT ('draft'), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_tasks_entity" ON "deploy_tasks" ("entity_id") `);
    await queryRunner.query(`CREATE TABLE "deploy_task_jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "position" integer NOT NULL, "name" varchar(255) NOT NULL, "revision_id" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_task_jobs_revision" ON "deploy_task_jobs" ("revision_id") `);
    await queryRunner.query(`CREATE INDEX "ix_deploy_task_jobs_task" ON "deploy_task_jobs" ("task_id", "position") `);
    await queryRunner.query(`DROP INDEX "ix_deploy_task_jobs_revision"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_task_jobs_task"`);
    await queryRunner.query(`CREATE TABLE "temporary_deploy_task_jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "position" integer NOT NULL, "name" varchar(255) NOT NULL, "revision_id" integer NOT NULL, CONSTRAINT "FK_0e8ea8ea2bbf51db05c50485013" FOREIGN KEY ("task_id") REFERENCES "deploy_tasks" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0e5a8f2de2b1c12b0d6170ca25a" FOREIGN KEY ("revision_id") REFERENCES "deploy_package_revisions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_deploy_task_jobs"("id", "task_id", "position", "name", "revision_id") SELECT "id", "task_id", "position", "name", "revision_id" FROM "deploy_task_jobs"`);
    await queryRunner.query(`DROP TABLE "deploy_task_jobs"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_task_jobs" RENAME TO "deploy_task_jobs"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_task_jobs_revision" ON "deploy_task_jobs" ("revision_id") `);
    await queryRunner.query(`CREATE INDEX "ix_deploy_task_jobs_task" ON "deploy_task_jobs" ("task_id", "position") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deploy_task_jobs_task"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_task_jobs_revision"`);
    await queryRunner.query(`ALTER TABLE "deploy_task_jobs" RENAME TO "temporary_deploy_task_jobs"`);
    await queryRunner.query(`CREATE TABLE "deploy_task_jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "position" integer NOT NULL, "name" varchar(255) NOT NULL, "revision_id" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "deploy_task_jobs"("id", "task_id", "position", "name", "revision_id") SELECT "id", "task_id", "position", "name", "revision_id" FROM "temporary_deploy_task_jobs"`);
    await queryRunner.query(`DROP TABLE "temporary_deploy_task_jobs"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_task_jobs_task" ON "deploy_task_jobs" ("task_id", "position") `);
    await queryRunner.query(`CREATE INDEX "ix_deploy_task_jobs_revision" ON "deploy_task_jobs" ("revision_id") `);
    await queryRunner.query(`DROP INDEX "ix_deploy_task_jobs_task"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_task_jobs_revision"`);
    await queryRunner.query(`DROP TABLE "deploy_task_jobs"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_tasks_entity"`);
    await queryRunner.query(`DROP TABLE "deploy_tasks"`);
  }
}
