import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { EntityView } from '@parc/contracts';
import { IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import { Trim } from '../../../common/http/transforms';
import type { EntityNode } from '../entity-node.entity';

export class CreateEntityDto {
  @ApiProperty({ maxLength: 255 })
  @Trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiProperty({ description: 'Parent entity id' })
  @IsInt()
  @Min(1)
  parentId: number;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  comment?: string;
}

/** Rename (name), move (parentId) or comment: every field optional. */
export class UpdateEntityDto extends PartialType(CreateEntityDto) {}

export class ListEntitiesQueryDto extends ListQueryDto {}

export class EntityViewDto implements EntityView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true }) parentId: number | null;
  @ApiProperty() level: number;
  @ApiProperty({ example: 'Root entity > Europe > Paris' }) completeName: string;
  @ApiProperty() comment: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(e: EntityNode): EntityViewDto {
    return {
      id: e.id,
      name: e.name,
      parentId: e.parentId,
      level: e.level,
      completeName: e.completeName,
      comment: e.comment,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

export class EntityPageDto {
  @ApiProperty({ type: [EntityViewDto] }) items: EntityViewDto[];
  @ApiProperty() total: number;
}
