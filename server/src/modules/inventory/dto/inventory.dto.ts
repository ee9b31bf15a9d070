import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { EntityRuleKind, EntityRuleView, InventorySettingsView } from '@parc/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Trim } from '../../../common/http/transforms';

export class InventorySettingsDto implements InventorySettingsView {
  @ApiProperty({ description: 'Entity of new computers that no rule matches' })
  @IsInt()
  @Min(1)
  defaultEntityId: number;

  @ApiProperty({ minimum: 1, maximum: 8760, description: 'Hours between two inventories asked of an agent' })
  @IsInt()
  @Min(1)
  @Max(8760)
  frequencyHours: number;
}

export class CreateEntityRuleDto {
  @ApiProperty({ maxLength: 255 })
  @Trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiProperty({ enum: ['tag', 'ip'] })
  @IsIn(['tag', 'ip'])
  kind: EntityRuleKind;

  @ApiProperty({ maxLength: 255, example: '10.1.0.0/16', description: 'TAG pattern (* wildcards) or IPv4 range' })
  @IsString()
  @Length(1, 255)
  pattern: string;

  @ApiProperty({ description: 'Entity given to matching new computers' })
  @IsInt()
  @Min(1)
  entityId: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Evaluation order, lower first; default: last' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateEntityRuleDto extends PartialType(CreateEntityRuleDto) {}

export class EntityRuleViewDto implements EntityRuleView {
  @ApiProperty() id: number;
  @ApiProperty() position: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['tag', 'ip'] }) kind: EntityRuleKind;
  @ApiProperty() pattern: string;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() active: boolean;
}

export class EntityRulePageDto {
  @ApiProperty({ type: [EntityRuleViewDto] }) items: EntityRuleViewDto[];
  @ApiProperty() total: number;
}
