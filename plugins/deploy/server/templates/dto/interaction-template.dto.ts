import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ListQueryDto } from '@parc/sdk';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { InteractionSettingsDto } from '../../packages/dto/package.dto';
import { INTERACTION_BUTTONS, INTERACTION_ICONS } from '../../../shared/definition';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateInteractionTemplateDto extends InteractionSettingsDto {
  @ApiPropertyOptional({ description: 'Entity; the active entity by default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  entityId?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  recursive?: boolean;

  @ApiProperty()
  @trim()
  @IsString()
  @Length(1, 255)
  name: string;
}

export class UpdateInteractionTemplateDto extends PartialType(CreateInteractionTemplateDto) {}

export class InteractionTemplateListQueryDto extends ListQueryDto {}

export class InteractionTemplateViewDto {
  @ApiProperty() id: number;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() recursive: boolean;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INTERACTION_ICONS }) icon: string;
  @ApiProperty({ enum: INTERACTION_BUTTONS }) buttons: string;
  @ApiProperty() timeout: number;
  @ApiProperty({ type: Object }) behaviours: Record<string, string>;
}

export class InteractionTemplatePageDto {
  @ApiProperty({ type: [InteractionTemplateViewDto] }) items: InteractionTemplateViewDto[];
  @ApiProperty() total: number;
}
