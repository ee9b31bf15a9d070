import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProfileRight } from './profile-right.entity';

/** A named set of rights. Global: it is the authorization that ties it to an entity. */
@Entity('profiles')
export class Profile {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_profiles_name', { unique: true })
  @Column({ length: 100 })
  name: string;

  @Column({ type: 'text' })
  comment: string;

  @OneToMany(() => ProfileRight, (r) => r.profile)
  rights?: ProfileRight[];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** Created by the first migration; holds every right, including those plugins declare later. */
export const SUPER_ADMIN_PROFILE_ID = 1;
