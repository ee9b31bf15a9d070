import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Installation-wide settings, one JSON value per name (e.g. `inventory.frequencyHours`). */
@Entity('settings')
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text' })
  value: string;
}
