import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_MASS_ACTION_ITEMS, type MassActionItemResult, type MassActionItemStatus, type MassActionResult } from '@parc/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsObject, IsOptional, IsString, Matches, Min } from 'class-validator';
import { MassActionViewDto } from '../../plugins/dto/plugin.dto';

export class MassActionQueryDto {
  @ApiProperty({ example: 'user' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'itemType must be a lower-case item type name' })
  itemType: string;
}

export class RunMassActionDto {
  @ApiProperty({ example: 'user' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'itemType must be a lower-case item type name' })
  itemType: string;

  @ApiProperty({ type: [Number], maxItems: MAX_MASS_ACTION_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MASS_ACTION_ITEMS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids: number[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "The action's form, when it has one" })
  @IsOptional()
  @IsObject()
  input?: Record<string, unknown>;
}

class ItemResultDto implements MassActionItemResult {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['ok', 'failed', 'no-right'] }) status: MassActionItemStatus;
  @ApiPropertyOptional() message?: string;
}

export class MassActionResultDto implements MassActionResult {
  @ApiProperty() ok: number;
  @ApiProperty() failed: number;
  @ApiProperty() noRight: number;
  @ApiProperty({ type: [ItemResultDto] }) items: ItemResultDto[];
}

export class MassActionListDto {
  @ApiProperty({ type: [MassActionViewDto] }) items: MassActionViewDto[];
  @ApiProperty() total: number;
}
