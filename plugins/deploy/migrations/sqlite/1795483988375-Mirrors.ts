import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Mirrors1795483988375 implements MigrationInterface {
  name = 'Mirrors1795483988375';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deploy_mirrors" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity_id" integer NOT NULL, "recursive" boolean NOT NULL DEFAULT (1), "name" varchar(255) NOT NULL, "url" varchar(1024) NOT NULL, "networks" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), "position" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_mirrors_entity" ON "deploy_mirrors" ("entity_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deploy_mirrors_entity"`);
    await queryRunner.query(`DROP TABLE "deploy_mirrors"`);
  }
}
