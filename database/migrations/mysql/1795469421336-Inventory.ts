import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Inventory1795469421336 implements MigrationInterface {
  name = 'Inventory1795469421336';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`computers\` (\`id\` int NOT NULL AUTO_INCREMENT, \`entity_id\` int NOT NULL, \`name\` varchar(255) NOT NULL DEFAULT '', \`serial\` varchar(255) NOT NULL DEFAULT '', \`uuid\` varchar(64) NOT NULL DEFAULT '', \`manufacturer\` varchar(255) NOT NULL DEFAULT '', \`model\` varchar(255) NOT NULL DEFAULT '', \`type\` varchar(64) NOT NULL DEFAULT '', \`bios_manufacturer\` varchar(255) NOT NULL DEFAULT '', \`bios_version\` varchar(255) NOT NULL DEFAULT '', \`bios_date\` varchar(32) NOT NULL DEFAULT '', \`os_name\` varchar(255) NOT NULL DEFAULT '', \`os_version\` varchar(100) NOT NULL DEFAULT '', \`os_arch\` varchar(32) NOT NULL DEFAULT '', \`os_kernel\` varchar(100) NOT NULL DEFAULT '', \`cpu_model\` varchar(255) NOT NULL DEFAULT '', \`cpu_count\` int NOT NULL DEFAULT '0', \`cpu_cores\` int NOT NULL DEFAULT '0', \`memory_mb\` int NOT NULL DEFAULT '0', \`swap_mb\` int NOT NULL DEFAULT '0', \`workgroup\` varchar(255) NOT NULL DEFAULT '', \`last_logged_user\` varchar(255) NOT NULL DEFAULT '', \`ip\` varchar(45) NOT NULL DEFAULT '', \`software_count\` int NOT NULL DEFAULT '0', \`last_inventory_at\` datetime NULL, \`last_contact_at\` datetime NULL, \`locked_fields\` text NULL, \`section_hashes\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_computers_last_contact\` (\`last_contact_at\`), INDEX \`ix_computers_last_inventory\` (\`last_inventory_at\`), INDEX \`ix_computers_os\` (\`os_name\`), INDEX \`ix_computers_uuid\` (\`uuid\`), INDEX \`ix_computers_serial\` (\`serial\`), INDEX \`ix_computers_name\` (\`name\`), INDEX \`ix_computers_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`agents\` (\`id\` int NOT NULL AUTO_INCREMENT, \`device_id\` varchar(255) NOT NULL, \`kind\` varchar(20) NOT NULL, \`version\` varchar(50) NOT NULL DEFAULT '', \`user_agent\` varchar(255) NOT NULL DEFAULT '', \`remote_address\` varchar(64) NOT NULL DEFAULT '', \`http_port\` int NULL, \`tag\` varchar(255) NOT NULL DEFAULT '', \`entity_id\` int NOT NULL, \`computer_id\` int NULL, \`last_contact_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_agents_device_id\` (\`device_id\`), INDEX \`ix_agents_computer\` (\`computer_id\`), INDEX \`ix_agents_last_contact\` (\`last_contact_at\`), INDEX \`ix_agents_entity\` (\`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`computer_cpus\` (\`id\` int NOT NULL AUTO_INCREMENT, \`computer_id\` int NOT NULL, \`manufacturer\` varchar(255) NOT NULL DEFAULT '', \`model\` varchar(255) NOT NULL DEFAULT '', \`speed_mhz\` int NOT NULL DEFAULT '0', \`cores\` int NOT NULL DEFAULT '0', \`threads\` int NOT NULL DEFAULT '0', \`arch\` varchar(32) NOT NULL DEFAULT '', INDEX \`ix_computer_cpus_computer\` (\`computer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`computer_disks\` (\`id\` int NOT NULL AUTO_INCREMENT, \`computer_id\` int NOT NULL, \`mount_point\` varchar(255) NOT NULL DEFAULT '', \`device\` varchar(255) NOT NULL DEFAULT '', \`file_system\` varchar(64) NOT NULL DEFAULT '', \`total_mb\` int NOT NULL DEFAULT '0', \`free_mb\` int NOT NULL DEFAULT '0', \`label\` varchar(255) NOT NULL DEFAULT '', INDEX \`ix_computer_disks_computer\` (\`computer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`network_interfaces\` (\`id\` int NOT NULL AUTO_INCREMENT, \`computer_id\` int NOT NULL, \`name\` varchar(255) NOT NULL DEFAULT '', \`mac\` varchar(17) NOT NULL DEFAULT '', \`ipv4\` varchar(45) NOT NULL DEFAULT '', \`ipv4_mask\` varchar(45) NOT NULL DEFAULT '', \`ipv4_gateway\` varchar(45) NOT NULL DEFAULT '', \`ipv6\` varchar(64) NOT NULL DEFAULT '', \`status\` varchar(16) NOT NULL DEFAULT '', \`type\` varchar(32) NOT NULL DEFAULT '', \`virtual\` tinyint NOT NULL DEFAULT 0, INDEX \`ix_network_interfaces_computer\` (\`computer_id\`), INDEX \`ix_network_interfaces_ipv4\` (\`ipv4\`), INDEX \`ix_network_interfaces_mac\` (\`mac\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`computer_users\` (\`computer_id\` int NOT NULL, \`login\` varchar(255) NOT NULL, PRIMARY KEY (\`computer_id\`, \`login\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`inventory_changes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`computer_id\` int NOT NULL, \`at\` datetime NOT NULL, \`agent_device_id\` varchar(255) NULL, \`kind\` varchar(10) NOT NULL, \`changes\` text NOT NULL, INDEX \`ix_inventory_changes_computer\` (\`computer_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`software\` (\`id\` int NOT NULL AUTO_INCREMENT, \`key_hash\` varchar(40) NOT NULL, \`name\` varchar(255) NOT NULL, \`publisher\` varchar(255) NOT NULL DEFAULT '', UNIQUE INDEX \`uq_software_key\` (\`key_hash\`), INDEX \`ix_software_name\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`software_versions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`key_hash\` varchar(40) NOT NULL, \`software_id\` int NOT NULL, \`version\` varchar(128) NOT NULL DEFAULT '', UNIQUE INDEX \`uq_software_versions_key\` (\`key_hash\`), INDEX \`ix_software_versions_software\` (\`software_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`computer_software\` (\`computer_id\` int NOT NULL, \`software_version_id\` int NOT NULL, INDEX \`ix_computer_software_version\` (\`software_version_id\`, \`computer_id\`), PRIMARY KEY (\`computer_id\`, \`software_version_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`inventory_entity_rules\` (\`id\` int NOT NULL AUTO_INCREMENT, \`position\` int NOT NULL, \`name\` varchar(255) NOT NULL, \`kind\` varchar(8) NOT NULL, \`pattern\` varchar(255) NOT NULL, \`target_entity_id\` int NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`settings\` (\`name\` varchar(100) NOT NULL, \`value\` text NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`agents\` ADD CONSTRAINT \`FK_b47e42ce74be6b3d6413da92aa5\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_cpus\` ADD CONSTRAINT \`FK_087809eb1009e198429d473867e\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_disks\` ADD CONSTRAINT \`FK_f53a6d09aa8683db044250b6a41\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`network_interfaces\` ADD CONSTRAINT \`FK_9a1c43cc9cf7d053108fe329e31\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_users\` ADD CONSTRAINT \`FK_a159751403995f7c1ee19eae243\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`inventory_changes\` ADD CONSTRAINT \`FK_f98bc25b5ff9199183c8695df96\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`software_versions\` ADD CONSTRAINT \`FK_a1f6488da6503aefed47b43c624\` FOREIGN KEY (\`software_id\`) REFERENCES \`software\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`computer_software\` ADD CONSTRAINT \`FK_2423f3bdb14e8fc0e5454e9d279\` FOREIGN KEY (\`computer_id\`) REFERENCES \`computers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`computer_software\` DROP FOREIGN KEY \`FK_2423f3bdb14e8fc0e5454e9d279\``);
    await queryRunner.query(`ALTER TABLE \`software_versions\` DROP FOREIGN KEY \`FK_a1f6488da6503aefed47b43c624\``);
    await queryRunner.query(`ALTER TABLE \`inventory_changes\` DROP FOREIGN KEY \`FK_f98bc25b5ff9199183c8695df96\``);
    await queryRunner.query(`ALTER TABLE \`computer_users\` DROP FOREIGN KEY \`FK_a159751403995f7c1ee19eae243\``);
    await queryRunner.query(`ALTER TABLE \`network_interfaces\` DROP FOREIGN KEY \`FK_9a1c43cc9cf7d053108fe329e31\``);
    await queryRunner.query(`ALTER TABLE \`computer_disks\` DROP FOREIGN KEY \`FK_f53a6d09aa8683db044250b6a41\``);
    await queryRunner.query(`ALTER TABLE \`computer_cpus\` DROP FOREIGN KEY \`FK_087809eb1009e198429d473867e\``);
    await queryRunner.query(`ALTER TABLE \`agents\` DROP FOREIGN KEY \`FK_b47e42ce74be6b3d6413da92aa5\``);
    await queryRunner.query(`DROP TABLE \`settings\``);
    await queryRunner.query(`DROP TABLE \`inventory_entity_rules\``);
    await queryRunner.query(`DROP INDEX \`ix_computer_software_version\` ON \`computer_software\``);
    await queryRunner.query(`DROP TABLE \`computer_software\``);
    await queryRunner.query(`DROP INDEX \`ix_software_versions_software\` ON \`software_versions\``);
    await queryRunner.query(`DROP INDEX \`uq_software_versions_key\` ON \`software_versions\``);
    await queryRunner.query(`DROP TABLE \`software_versions\``);
    await queryRunner.query(`DROP INDEX \`ix_software_name\` ON \`software\``);
    await queryRunner.query(`DROP INDEX \`uq_software_key\` ON \`software\``);
    await queryRunner.query(`DROP TABLE \`software\``);
    await queryRunner.query(`DROP INDEX \`ix_inventory_changes_computer\` ON \`inventory_changes\``);
    await queryRunner.query(`DROP TABLE \`inventory_changes\``);
    await queryRunner.query(`DROP TABLE \`computer_users\``);
    await queryRunner.query(`DROP INDEX \`ix_network_interfaces_mac\` ON \`network_interfaces\``);
    await queryRunner.query(`DROP INDEX \`ix_network_interfaces_ipv4\` ON \`network_interfaces\``);
    await queryRunner.query(`DROP INDEX \`ix_network_interfaces_computer\` ON \`network_interfaces\``);
    await queryRunner.query(`DROP TABLE \`network_interfaces\``);
    await queryRunner.query(`DROP INDEX \`ix_computer_disks_computer\` ON \`computer_disks\``);
    await queryRunner.query(`DROP TABLE \`computer_disks\``);
    await queryRunner.query(`DROP INDEX \`ix_computer_cpus_computer\` ON \`computer_cpus\``);
    await queryRunner.query(`DROP TABLE \`computer_cpus\``);
    await queryRunner.query(`DROP INDEX \`ix_agents_entity\` ON \`agents\``);
    await queryRunner.query(`DROP INDEX \`ix_agents_last_contact\` ON \`agents\``);
    await queryRunner.query(`DROP INDEX \`ix_agents_computer\` ON \`agents\``);
    await queryRunner.query(`DROP INDEX \`uq_agents_device_id\` ON \`agents\``);
    await queryRunner.query(`DROP TABLE \`agents\``);
    await queryRunner.query(`DROP INDEX \`ix_computers_entity\` ON \`computers\``);
    await queryRunner.query(`DROP INDEX \`ix_computers_name\` ON \`computers\``);
    await queryRunner.query(`DROP INDEX \`ix_computers_serial\` ON \`computers\``);
    await queryRunner.query(`DROP INDEX \`ix_computers_uuid\` ON \`computers\``);
    await queryRunner.query(`DROP INDEX \`ix_computers_os\` ON \`computers\``);
    await queryRunner.query(`DROP INDEX \`ix_computers_last_inventory\` ON \`computers\``);
    await queryRunner.query(`DROP INDEX \`ix_computers_last_contact\` ON \`computers\``);
    await queryRunner.query(`DROP TABLE \`computers\``);
  }
}
