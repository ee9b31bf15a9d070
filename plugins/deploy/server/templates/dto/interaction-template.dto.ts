import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ListQueryDto } from '@parc/sdk';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { INTERACTION_BUTTONS, INTERACTION_ICONS } from '../../../shared/definition';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateInteractionTemplateDto {
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

  @ApiProperty({ enum: INTERACTION_ICONS })
  @IsIn(INTERACTION_ICONS)
  icon: (typeof INTERACTION_ICONS)[number];

  @ApiProperty({ enum: INTERACTION_BUTTONS })
  @IsIn(INTERACTION_BUTTONS)
  buttons: (typeof INTERACTION_BUTTONS)[number];

  @ApiProperty({ description: 'Seconds before the timeout behaviour applies; 0 waits for ever' })
  @IsInt()
  @Min(0)
  @Max(86_400)
  timeout: number;

  @ApiProperty({ description: "Per answer or situation (on_yes, on_timeout, on_nouser, …): 'continue:continue', 'stop:stop' or 'stop:postpone'" })
  @IsObject()
  behaviours: Record<string, string>;
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
