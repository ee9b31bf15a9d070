import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Packages1795479464950 implements MigrationInterface {
  name = 'Packages1795479464950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deploy_packages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity_id" integer NOT NULL, "recursive" boolean NOT NULL DEFAULT (0), "name" varchar(255) NOT NULL, "description" text NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_packages_entity" ON "deploy_packages" ("entity_id") `);
    await queryRunner.query(`CREATE TABLE "deploy_package_revisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "package_id" integer NOT NULL, "number" integer NOT NULL, "status" varchar(10) NOT NULL, "definition" text NOT NULL, "published_at" datetime, "retired_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_deploy_package_revisions_number" ON "deploy_package_revisions" ("package_id", "number") `);
    await queryRunner.query(`DROP INDEX "ux_deploy_package_revisions_number"`);
    await queryRunner.query(`CREATE TABLE "temporary_deploy_package_revisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "package_id" integer NOT NULL, "number" integer NOT NULL, "status" varchar(10) NOT NULL, "definition" text NOT NULL, "published_at" datetime, "retired_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_a4ae8cd42e634f771f77d9dca3f" FOREIGN KEY ("package_id") REFERENCES "deploy_packages" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_deploy_package_revisions"("id", "package_id", "number", "status", "definition", "published_at", "retired_at", "created_at", "updated_at") SELECT "id", "package_id", "number", "status", "definition", "published_at", "retired_at", "created_at", "updated_at" FROM "deploy_package_revisions"`);
    await queryRunner.query(`DROP TABLE "deploy_package_revisions"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_package_revisions" RENAME TO "deploy_package_revisions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_deploy_package_revisions_number" ON "deploy_package_revisions" ("package_id", "number") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ux_deploy_package_revisions_number"`);
    await queryRunner.query(`ALTER TABLE "deploy_package_revisions" RENAME TO "temporary_deploy_package_revisions"`);
    await queryRunner.query(`CREATE TABLE "deploy_package_revisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "package_id" integer NOT NULL, "number" integer NOT NULL, "status" varchar(10) NOT NULL, "definition" text NOT NULL, "published_at" datetime, "retired_at" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "deploy_package_revisions"("id", "package_id", "number", "status", "definition", "published_at", "retired_at", "created_at", "updated_at") SELECT "id", "package_id", "number", "status", "definition", "published_at", "retired_at", "created_at", "updated_at" FROM "temporary_deploy_package_revisions"`);
    await queryRunner.query(`DROP TABLE "temporary_deploy_package_revisions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_deploy_package_revisions_number" ON "deploy_package_revisions" ("package_id", "number") `);
    await queryRunner.query(`DROP INDEX "ux_deploy_package_revisions_number"`);
    await queryRunner.query(`DROP TABLE "deploy_package_revisions"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_packages_entity"`);
    await queryRunner.query(`DROP TABLE "deploy_packages"`);
  }
}
