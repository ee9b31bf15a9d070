import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Profile } from './profile.entity';

@Entity('profile_rights')
export class ProfileRight {
  @PrimaryColumn({ type: 'int' })
  profileId: number;

  @ManyToOne(() => Profile, (p) => p.rights, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: Profile;

  /** Right name, e.g. `user` or `deploy.package`. */
  @PrimaryColumn({ length: 100 })
  name: string;

  /** READ 1, UPDATE 2, CREATE 4, DELETE 8, PURGE 16, plugin bits from 256. */
  @Column({ type: 'int', default: 0 })
  bits: number;
}
