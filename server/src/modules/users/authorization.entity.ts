import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EntityNode } from '../entities/entity-node.entity';
import { Profile } from '../profiles/profile.entity';
import { User } from './user.entity';

/** A user holds a profile on an entity, optionally on its whole sub-tree (GLPI's Profile_User). */
@Entity('authorizations')
@Index('uq_authorizations_user_profile_entity', ['userId', 'profileId', 'entityId'], { unique: true })
export class Authorization {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('ix_authorizations_profile')
  @Column({ type: 'int' })
  profileId: number;

  @ManyToOne(() => Profile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'profile_id' })
  profile?: Profile;

  @Index('ix_authorizations_entity')
  @Column({ type: 'int' })
  entityId: number;

  @ManyToOne(() => EntityNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: EntityNode;

  /** `is_recursive`: RECURSIVE is a reserved word in MariaDB. */
  @Column({ name: 'is_recursive', default: false })
  recursive: boolean;
}
