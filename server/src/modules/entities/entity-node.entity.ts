import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A node of the entity tree (GLPI's "entity": a tenant, a site, a department). Stored as a materialized path
 * (`/1/4/9/`) so that a sub-tree is one indexed LIKE and ancestors are read off the path without a query.
 */
@Entity('entities')
@Index('uq_entities_parent_name', ['parentId', 'name'], { unique: true })
export class EntityNode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 255 })
  name: string;

  /** Null only for the root. */
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  /** Ids from the root down to this node, slash-separated and slash-terminated: `/1/4/9/`. */
  @Index('ix_entities_path')
  @Column({ length: 255 })
  path: string;

  /** 0 for the root. */
  @Column({ type: 'int', default: 0 })
  level: number;

  /** `Root > Europe > Paris`, kept up to date on rename and move. */
  @Column({ type: 'text' })
  completeName: string;

  @Column({ type: 'text' })
  comment: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** The root entity is created by the first migration with this id. */
export const ROOT_ENTITY_ID = 1;
