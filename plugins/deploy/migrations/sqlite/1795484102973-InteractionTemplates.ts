import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InteractionTemplates1795484102973 implements MigrationInterface {
  name = 'InteractionTemplates1795484102973';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deploy_interaction_templates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity_id" integer NOT NULL, "recursive" boolean NOT NULL DEFAULT (1), "name" varchar(255) NOT NULL, "icon" varchar(20) NOT NULL, "buttons" varchar(30) NOT NULL, "timeout" integer NOT NULL, "behaviours" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_interaction_templates_entity" ON "deploy_interaction_templates" ("entity_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deploy_interaction_templates_entity"`);
    await queryRunner.query(`DROP TABLE "deploy_interaction_templates"`);
  }
}
