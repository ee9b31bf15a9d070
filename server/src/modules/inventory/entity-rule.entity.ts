import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EntityRuleKind } from '@parc/contracts';

/** Where new computers go: the first active matching rule by position, else the default entity. */
@Entity('inventory_entity_rules')
export class EntityRule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  kind: EntityRuleKind;

  /** TAG pattern (`*` wildcards) or address range (`10.0.0.0/8`, `10.0.0.1-10.0.0.99`). */
  @Column({ type: 'varchar', length: 255 })
  pattern: string;

  /** Target entity; deliberately not an `entityId` column, so that a rule does not keep its entity from being deleted. */
  @Column({ type: 'int' })
  targetEntityId: number;

  @Column({ default: true })
  active: boolean;
}
