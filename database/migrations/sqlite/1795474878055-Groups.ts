import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Groups1795474878055 implements MigrationInterface {
  name = 'Groups1795474878055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "computer_groups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity_id" integer NOT NULL, "recursive" boolean NOT NULL DEFAULT (0), "name" varchar(255) NOT NULL, "comment" text NOT NULL, "kind" varchar(8) NOT NULL, "mode" varchar(8), "criteria" text NOT NULL, "expression" varchar(2000) NOT NULL DEFAULT (''), "owner_id" integer, "visible" boolean NOT NULL DEFAULT (0), "member_count" integer NOT NULL DEFAULT (0), "refreshed_at" datetime, "refresh_ms" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_computer_groups_entity" ON "computer_groups" ("entity_id") `);
    await queryRunner.query(`CREATE TABLE "computer_group_members" ("group_id" integer NOT NULL, "computer_id" integer NOT NULL, PRIMARY KEY ("group_id", "computer_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_computer_group_members_computer" ON "computer_group_members" ("computer_id") `);
    await queryRunner.query(`CREATE TABLE "computer_group_shares" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "group_id" integer NOT NULL, "user_id" integer, "profile_id" integer)`);
    await queryRunner.query(`CREATE INDEX "ix_computer_group_shares_group" ON "computer_group_shares" ("group_id") `);
    await queryRunner.query(`CREATE TABLE "saved_searches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "owner_id" integer NOT NULL, "item_type" varchar(50) NOT NULL, "name" varchar(255) NOT NULL, "query" text NOT NULL, "shared" boolean NOT NULL DEFAULT (0), "entity_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_saved_searches_shared" ON "saved_searches" ("item_type", "shared") `);
    await queryRunner.query(`CREATE INDEX "ix_saved_searches_owner" ON "saved_searches" ("owner_id", "item_type") `);
    await queryRunner.query(`DROP INDEX "ix_computer_groups_entity"`);
    await queryRunner.query(`CREATE TABLE "temporary_computer_groups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity_id" integer NOT NULL, "recursive" boolean NOT NULL DEFAULT (0), "name" varchar(255) NOT NULL, "comment" text NOT NULL, "kind" varchar(8) NOT NULL, "mode" varchar(8), "criteria" text NOT NULL, "expression" varchar(2000) NOT NULL DEFAULT (''), "owner_id" integer, "visible" boolean NOT NULL DEFAULT (0), "member_count" integer NOT NULL DEFAULT (0), "refreshed_at" datetime, "refresh_ms" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_cea24877bb30b9d72f676a17e16" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_computer_groups"("id", "entity_id", "recursive", "name", "comment", "kind", "mode", "criteria", "expression", "owner_id", "visible", "member_count", "refreshed_at", "refresh_ms", "created_at", "updated_at") SELECT "id", "entity_id", "recursive", "name", "comment", "kind", "mode", "criteria", "expression", "owner_id", "visible", "member_count", "refreshed_at", "refresh_ms", "created_at", "updated_at" FROM "computer_groups"`);
    await queryRunner.query(`DROP TABLE "computer_groups"`);
    await queryRunner.query(`ALTER TABLE "temporary_computer_groups" RENAME TO "computer_groups"`);
    await queryRunner.query(`CREATE INDEX "ix_computer_groups_entity" ON "computer_groups" ("entity_id") `);
    await queryRunner.query(`DROP INDEX "ix_computer_group_members_computer"`);
    await queryRunner.query(`CREATE TABLE "temporary_computer_group_members" ("group_id" integer NOT NULL, "computer_id" integer NOT NULL, CONSTRAINT "FK_5532244ef88058aaef94c5c9a73" FOREIGN KEY ("group_id") REFERENCES "computer_groups" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_58f329af9b266e220e8ee4d2511" FOREIGN KEY ("computer_id") REFERENCES "computers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("group_id", "computer_id"))`);
    await queryRunner.query(`INSERT INTO "temporary_computer_group_members"("group_id", "computer_id") SELECT "group_id", "computer_id" FROM "computer_group_members"`);
    await queryRunner.query(`DROP TABLE "computer_group_members"`);
    await queryRunner.query(`ALTER TABLE "temporary_computer_group_members" RENAME TO "computer_group_members"`);
    await queryRunner.query(`CREATE INDEX "ix_computer_group_members_computer" ON "computer_group_members" ("computer_id") `);
    await queryRunner.query(`DROP INDEX "ix_computer_group_shares_group"`);
    await queryRunner.query(`CREATE TABLE "temporary_computer_group_shares" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "group_id" integer NOT NULL, "user_id" integer, "profile_id" integer, CONSTRAINT "FK_3387a05c4fc24d5063d47320534" FOREIGN KEY ("group_id") REFERENCES "computer_groups" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_eea66ae77b1deb04a95ab91d6c3" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c7f5246032a536379755c39e516" FOREIGN KEY ("profile_id") REFERENCES "profiles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_computer_group_shares"("id", "group_id", "user_id", "profile_id") SELECT "id", "group_id", "user_id", "profile_id" FROM "computer_group_shares"`);
    await queryRunner.query(`DROP TABLE "computer_group_shares"`);
    await queryRunner.query(`ALTER TABLE "temporary_computer_group_shares" RENAME TO "computer_group_shares"`);
    await queryRunner.query(`CREATE INDEX "ix_computer_group_shares_group" ON "computer_group_shares" ("group_id") `);
    await queryRunner.query(`DROP INDEX "ix_saved_searches_shared"`);
    await queryRunner.query(`DROP INDEX "ix_saved_searches_owner"`);
    await queryRunner.query(`CREATE TABLE "temporary_saved_searches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "owner_id" integer NOT NULL, "item_type" varchar(50) NOT NULL, "name" varchar(255) NOT NULL, "query" text NOT NULL, "shared" boolean NOT NULL DEFAULT (0), "entity_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_90b89788a441ed92b779b40d9c8" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_saved_searches"("id", "owner_id", "item_type", "name", "query", "shared", "entity_id", "created_at", "updated_at") SELECT "id", "owner_id", "item_type", "name", "query", "shared", "entity_id", "created_at", "updated_at" FROM "saved_searches"`);
    await queryRunner.query(`DROP TABLE "saved_searches"`);
    await queryRunner.query(`ALTER TABLE "temporary_saved_searches" RENAME TO "saved_searches"`);
    await queryRunner.query(`CREATE INDEX "ix_saved_searches_shared" ON "saved_searches" ("item_type", "shared") `);
    await queryRunner.query(`CREATE INDEX "ix_saved_searches_owner" ON "saved_searches" ("owner_id", "item_type") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_saved_searches_owner"`);
    await queryRunner.query(`DROP INDEX "ix_saved_searches_shared"`);
    await queryRunner.query(`ALTER TABLE "saved_searches" RENAME TO "temporary_saved_searches"`);
    await queryRunner.query(`CREATE TABLE "saved_searches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "owner_id" integer NOT NULL, "item_type" varchar(50) NOT NULL, "name" varchar(255) NOT NULL, "query" text NOT NULL, "shared" boolean NOT NULL DEFAULT (0), "entity_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "saved_searches"("id", "owner_id", "item_type", "name", "query", "shared", "entity_id", "created_at", "updated_at") SELECT "id", "owner_id", "item_type", "name", "query", "shared", "entity_id", "created_at", "updated_at" FROM "temporary_saved_searches"`);
    await queryRunner.query(`DROP TABLE "temporary_saved_searches"`);
    await queryRunner.query(`CREATE INDEX "ix_saved_searches_owner" ON "saved_searches" ("owner_id", "item_type") `);
    await queryRunner.query(`CREATE INDEX "ix_saved_searches_shared" ON "saved_searches" ("item_type", "shared") `);
    await queryRunner.query(`DROP INDEX "ix_computer_group_shares_group"`);
    await queryRunner.query(`ALTER TABLE "computer_group_shares" RENAME TO "temporary_computer_group_shares"`);
    await queryRunner.query(`CREATE TABLE "computer_group_shares" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "group_id" integer NOT NULL, "user_id" integer, "profile_id" integer)`);
    await queryRunner.query(`INSERT INTO "computer_group_shares"("id", "group_id", "user_id", "profile_id") SELECT "id", "group_id", "user_id", "profile_id" FROM "temporary_computer_group_shares"`);
    await queryRunner.query(`DROP TABLE "temporary_computer_group_shares"`);
    await queryRunner.query(`CREATE INDEX "ix_computer_group_shares_group" ON "computer_group_shares" ("group_id") `);
    await queryRunner.query(`DROP INDEX "ix_computer_group_members_computer"`);
    await queryRunner.query(`ALTER TABLE "computer_group_members" RENAME TO "temporary_computer_group_members"`);
    await queryRunner.query(`CREATE TABLE "computer_group_members" ("group_id" integer NOT NULL, "computer_id" integer NOT NULL, PRIMARY KEY ("group_id", "computer_id"))`);
    await queryRunner.query(`INSERT INTO "computer_group_members"("group_id", "computer_id") SELECT "group_id", "computer_id" FROM "temporary_computer_group_members"`);
    await queryRunner.query(`DROP TABLE "temporary_computer_group_members"`);
    await queryRunner.query(`CREATE INDEX "ix_computer_group_members_computer" ON "computer_group_members" ("computer_id") `);
    await queryRunner.query(`DROP INDEX "ix_computer_groups_entity"`);
    await queryRunner.query(`ALTER TABLE "computer_groups" RENAME TO "temporary_computer_groups"`);
    await queryRunner.query(`CREATE TABLE "computer_groups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity_id" integer NOT NULL, "recursive" boolean NOT NULL DEFAULT (0), "name" varchar(255) NOT NULL, "comment" text NOT NULL, "kind" varchar(8) NOT NULL, "mode" varchar(8), "criteria" text NOT NULL, "expression" varchar(2000) NOT NULL DEFAULT (''), "owner_id" integer, "visible" boolean NOT NULL DEFAULT (0), "member_count" integer NOT NULL DEFAULT (0), "refreshed_at" datetime, "refresh_ms" integer, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "computer_groups"("id", "entity_id", "recursive", "name", "comment", "kind", "mode", "criteria", "expression", "owner_id", "visible", "member_count", "refreshed_at", "refresh_ms", "created_at", "updated_at") SELECT "id", "entity_id", "recursive", "name", "comment", "kind", "mode", "criteria", "expression", "owner_id", "visible", "member_count", "refreshed_at", "refresh_ms", "created_at", "updated_at" FROM "temporary_computer_groups"`);
    await queryRunner.query(`DROP TABLE "temporary_computer_groups"`);
    await queryRunner.query(`CREATE INDEX "ix_computer_groups_entity" ON "computer_groups" ("entity_id") `);
    await queryRunner.query(`DROP INDEX "ix_saved_searches_owner"`);
    await queryRunner.query(`DROP INDEX "ix_saved_searches_shared"`);
    await queryRunner.query(`DROP TABLE "saved_searches"`);
    await queryRunner.query(`DROP INDEX "ix_computer_group_shares_group"`);
    await queryRunner.query(`DROP TABLE "computer_group_shares"`);
    await queryRunner.query(`DROP INDEX "ix_computer_group_members_computer"`);
    await queryRunner.query(`DROP TABLE "computer_group_members"`);
    await queryRunner.query(`DROP INDEX "ix_computer_groups_entity"`);
    await queryRunner.query(`DROP TABLE "computer_groups"`);
  }
}
