import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A server that holds a copy of the repository's parts (any static web server with the `x/xy/<sha512>` layout).
 * Agents of its entity (and sub-entities when recursive), optionally only in some networks (the location), try
 * it before the server itself.
 */
@Entity('deploy_mirrors')
@Index('ix_deploy_mirrors_entity', ['entityId'])
export class DeployMirror {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  entityId: number;

  @Column({ default: true })
  recursive: boolean;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Base URL; a part's path is appended to it. */
  @Column({ type: 'varchar', length: 1024 })
  url: string;

  /** CIDR blocks of the agents it serves (its location); empty: every agent of the entity. */
  @Column({ type: 'simple-json' })
  networks: string[];

  @Column({ default: true })
  active: boolean;

  /** Among mirrors of the same entity, lower first. */
  @Column({ type: 'int', default: 0 })
  position: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
