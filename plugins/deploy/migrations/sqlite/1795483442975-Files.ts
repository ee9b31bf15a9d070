import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Files1795483442975 implements MigrationInterface {
  name = 'Files1795483442975';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deploy_files" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sha512" varchar(128) NOT NULL, "name" varchar(255) NOT NULL, "size" bigint NOT NULL, "part_count" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "unreferenced_since" datetime)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_deploy_files_sha512" ON "deploy_files" ("sha512") `);
    await queryRunner.query(`CREATE TABLE "deploy_file_parts" ("file_id" integer NOT NULL, "seq" integer NOT NULL, "sha512" varchar(128) NOT NULL, "size" integer NOT NULL, PRIMARY KEY ("file_id", "seq"))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_file_parts_sha512" ON "deploy_file_parts" ("sha512") `);
    await queryRunner.query(`CREATE TABLE "deploy_file_grants" ("file_id" integer NOT NULL, "entity_id" integer NOT NULL, PRIMARY KEY ("file_id", "entity_id"))`);
    await queryRunner.query(`CREATE TABLE "deploy_revision_files" ("revision_id" integer NOT NULL, "file_id" integer NOT NULL, PRIMARY KEY ("revision_id", "file_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_revision_files_file" ON "deploy_revision_files" ("file_id") `);
    await queryRunner.query(`CREATE TABLE "deploy_uploads" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "entity_id" integer NOT NULL, "name" varchar(255) NOT NULL, "size" bigint NOT NULL, "received" bigint NOT NULL, "expected_sha512" varchar(128), "status" varchar(10) NOT NULL, "file_id" integer, "expires_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_uploads_expires" ON "deploy_uploads" ("expires_at") `);
    await queryRunner.query(`CREATE TABLE "deploy_upload_parts" ("upload_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "sha512" varchar(128) NOT NULL, "size" integer NOT NULL, PRIMARY KEY ("upload_id", "seq"))`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_upload_parts_sha512" ON "deploy_upload_parts" ("sha512") `);
    await queryRunner.query(`DROP INDEX "ix_deploy_file_parts_sha512"`);
    await queryRunner.query(`CREATE TABLE "temporary_deploy_file_parts" ("file_id" integer NOT NULL, "seq" integer NOT NULL, "sha512" varchar(128) NOT NULL, "size" integer NOT NULL, CONSTRAINT "FK_ee47e9cfdda6ff71829df27dba9" FOREIGN KEY ("file_id") REFERENCES "deploy_files" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("file_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "temporary_deploy_file_parts"("file_id", "seq", "sha512", "size") SELECT "file_id", "seq", "sha512", "size" FROM "deploy_file_parts"`);
    await queryRunner.query(`DROP TABLE "deploy_file_parts"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_file_parts" RENAME TO "deploy_file_parts"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_file_parts_sha512" ON "deploy_file_parts" ("sha512") `);
    await queryRunner.query(`CREATE TABLE "temporary_deploy_file_grants" ("file_id" integer NOT NULL, "entity_id" integer NOT NULL, CONSTRAINT "FK_63d899c5d292cd73b6651932be9" FOREIGN KEY ("file_id") REFERENCES "deploy_files" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("file_id", "entity_id"))`);
    await queryRunner.query(`INSERT INTO "temporary_deploy_file_grants"("file_id", "entity_id") SELECT "file_id", "entity_id" FROM "deploy_file_grants"`);
    await queryRunner.query(`DROP TABLE "deploy_file_grants"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_file_grants" RENAME TO "deploy_file_grants"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_revision_files_file"`);
    await queryRunner.query(`CREATE TABLE "temporary_deploy_revision_files" ("revision_id" integer NOT NULL, "file_id" integer NOT NULL, CONSTRAINT "FK_22fb53a28f7dbb44d00919661ab" FOREIGN KEY ("revision_id") REFERENCES "deploy_package_revisions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0c5d4697696ee0c0208ad3ac618" FOREIGN KEY ("file_id") REFERENCES "deploy_files" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("revision_id", "file_id"))`);
    await queryRunner.query(`INSERT INTO "temporary_deploy_revision_files"("revision_id", "file_id") SELECT "revision_id", "file_id" FROM "deploy_revision_files"`);
    await queryRunner.query(`DROP TABLE "deploy_revision_files"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_revision_files" RENAME TO "deploy_revision_files"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_revision_files_file" ON "deploy_revision_files" ("file_id") `);
    await queryRunner.query(`DROP INDEX "ix_deploy_upload_parts_sha512"`);
    await queryRunner.query(`CREATE TABLE "temporary_deploy_upload_parts" ("upload_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "sha512" varchar(128) NOT NULL, "size" integer NOT NULL, CONSTRAINT "FK_eeebc13f0cde3b61d30a6543815" FOREIGN KEY ("upload_id") REFERENCES "deploy_uploads" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("upload_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "temporary_deploy_upload_parts"("upload_id", "seq", "sha512", "size") SELECT "upload_id", "seq", "sha512", "size" FROM "deploy_upload_parts"`);
    await queryRunner.query(`DROP TABLE "deploy_upload_parts"`);
    await queryRunner.query(`ALTER TABLE "temporary_deploy_upload_parts" RENAME TO "deploy_upload_parts"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_upload_parts_sha512" ON "deploy_upload_parts" ("sha512") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deploy_upload_parts_sha512"`);
    await queryRunner.query(`ALTER TABLE "deploy_upload_parts" RENAME TO "temporary_deploy_upload_parts"`);
    await queryRunner.query(`CREATE TABLE "deploy_upload_parts" ("upload_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "sha512" varchar(128) NOT NULL, "size" integer NOT NULL, PRIMARY KEY ("upload_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "deploy_upload_parts"("upload_id", "seq", "sha512", "size") SELECT "upload_id", "seq", "sha512", "size" FROM "temporary_deploy_upload_parts"`);
    await queryRunner.query(`DROP TABLE "temporary_deploy_upload_parts"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_upload_parts_sha512" ON "deploy_upload_parts" ("sha512") `);
    await queryRunner.query(`DROP INDEX "ix_deploy_revision_files_file"`);
    await queryRunner.query(`ALTER TABLE "deploy_revision_files" RENAME TO "temporary_deploy_revision_files"`);
    await queryRunner.query(`CREATE TABLE "deploy_revision_files" ("revision_id" integer NOT NULL, "file_id" integer NOT NULL, PRIMARY KEY ("revision_id", "file_id"))`);
    await queryRunner.query(`INSERT INTO "deploy_revision_files"("revision_id", "file_id") SELECT "revision_id", "file_id" FROM "temporary_deploy_revision_files"`);
    await queryRunner.query(`DROP TABLE "temporary_deploy_revision_files"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_revision_files_file" ON "deploy_revision_files" ("file_id") `);
    await queryRunner.query(`ALTER TABLE "deploy_file_grants" RENAME TO "temporary_deploy_file_grants"`);
    await queryRunner.query(`CREATE TABLE "deploy_file_grants" ("file_id" integer NOT NULL, "entity_id" integer NOT NULL, PRIMARY KEY ("file_id", "entity_id"))`);
    await queryRunner.query(`INSERT INTO "deploy_file_grants"("file_id", "entity_id") SELECT "file_id", "entity_id" FROM "temporary_deploy_file_grants"`);
    await queryRunner.query(`DROP TABLE "temporary_deploy_file_grants"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_file_parts_sha512"`);
    await queryRunner.query(`ALTER TABLE "deploy_file_parts" RENAME TO "temporary_deploy_file_parts"`);
    await queryRunner.query(`CREATE TABLE "deploy_file_parts" ("file_id" integer NOT NULL, "seq" integer NOT NULL, "sha512" varchar(128) NOT NULL, "size" integer NOT NULL, PRIMARY KEY ("file_id", "seq"))`);
    await queryRunner.query(`INSERT INTO "deploy_file_parts"("file_id", "seq", "sha512", "size") SELECT "file_id", "seq", "sha512", "size" FROM "temporary_deploy_file_parts"`);
    await queryRunner.query(`DROP TABLE "temporary_deploy_file_parts"`);
    await queryRunner.query(`CREATE INDEX "ix_deploy_file_parts_sha512" ON "deploy_file_parts" ("sha512") `);
    await queryRunner.query(`DROP INDEX "ix_deploy_upload_parts_sha512"`);
    await queryRunner.query(`DROP TABLE "deploy_upload_parts"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_uploads_expires"`);
    await queryRunner.query(`DROP TABLE "deploy_uploads"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_revision_files_file"`);
    await queryRunner.query(`DROP TABLE "deploy_revision_files"`);
    await queryRunner.query(`DROP TABLE "deploy_file_grants"`);
    await queryRunner.query(`DROP INDEX "ix_deploy_file_parts_sha512"`);
    await queryRunner.query(`DROP TABLE "deploy_file_parts"`);
    await queryRunner.query(`DROP INDEX "ux_deploy_files_sha512"`);
    await queryRunner.query(`DROP TABLE "deploy_files"`);
  }
}
