import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import type { GroupImportMatch, GroupImportResult, GroupInput, GroupKind, GroupMembershipChange, GroupMode, GroupPreview, GroupRefreshResult, GroupShareView, GroupView } from '@parc/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import { Trim } from '../../../common/http/transforms';
import { SearchCriterionDto } from '../../computers/dto/computer.dto';
import { MAX_EXPRESSION_LENGTH } from '../../computers/search/expression';

export const MAX_CRITERIA = 50;

export class GroupShareInputDto {
  @ApiProperty({ enum: ['user', 'profile'] })
  @IsIn(['user', 'profile'])
  kind: 'user' | 'profile';

  @ApiProperty()
  @IsInt()
  @Min(1)
  id: number;
}

/** Criteria and expression, shared by the group input and the live preview. */
export class GroupCriteriaDto {
  @ApiPropertyOptional({ type: [SearchCriterionDto], description: 'Numbered from 1 in the expression' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CRITERIA)
  @ValidateNested({ each: true })
  @Type(() => SearchCriterionDto)
  criteria?: SearchCriterionDto[];

  @ApiPropertyOptional({ description: 'Prefix notation over the criteria numbers; empty = AND of all', example: 'AND(1, OR(2, NOT(3)))' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_EXPRESSION_LENGTH)
  expression?: string;
}

export class CreateGroupDto extends GroupCriteriaDto implements GroupInput {
  @ApiProperty({ maxLength: 255 })
  @Trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ description: 'Defaults to the active entity' })
  @IsOptional()
  @IsInt()
  @Min(1)
  entityId?: number;

  @ApiPropertyOptional({ description: 'Visible from the sub-entities too' })
  @IsOptional()
  @IsBoolean()
  recursive?: boolean;

  @ApiProperty({ enum: ['static', 'dynamic'] })
  @IsIn(['static', 'dynamic'])
  kind: GroupKind;

  @ApiPropertyOptional({ enum: ['query', 'result'], description: 'Dynamic groups: re-evaluated (query) or kept as evaluated once (result)' })
  @IsOptional()
  @IsIn(['query', 'result'])
  mode?: GroupMode;

  @ApiPropertyOptional({ description: 'Shown in the navigation' })
  @IsOptional()
  @IsBoolean()
  visible?: boolean;

  @ApiPropertyOptional({ type: [GroupShareInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GroupShareInputDto)
  shares?: GroupShareInputDto[];
}

/** Everything but the kind, which is fixed at creation; all optional. */
export class UpdateGroupDto extends PartialType(OmitType(CreateGroupDto, ['kind'] as const)) {}

export class GroupPreviewQueryDto extends GroupCriteriaDto {
  @ApiPropertyOptional({ description: 'The entity the group would be in; defaults to the active entity' })
  @IsOptional()
  @IsInt()
  @Min(1)
  entityId?: number;
}

export class GroupListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['static', 'dynamic'] })
  @IsOptional()
  @IsIn(['static', 'dynamic'])
  kind?: GroupKind;

  @ApiPropertyOptional({ description: 'Only the groups shown (true) or not shown (false) in the navigation' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'visible must be true or false' })
  visible?: boolean;
}

export class GroupMembersDto {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(200_000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids: number[];
}

export class GroupImportDto {
  @ApiProperty({ enum: ['name', 'serial', 'uuid'], description: 'What the lines of the file are' })
  @IsIn(['name', 'serial', 'uuid'], { message: 'match must be name, serial or uuid' })
  match: GroupImportMatch;
}

/** Mass actions "Add to group" / "Remove from group". */
export class GroupTargetDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  groupId: number;
}

export class GroupShareViewDto implements GroupShareView {
  @ApiProperty({ enum: ['user', 'profile'] }) kind: 'user' | 'profile';
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class GroupViewDto implements GroupView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() comment: string;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() recursive: boolean;
  @ApiProperty({ enum: ['static', 'dynamic'] }) kind: GroupKind;
  @ApiProperty({ enum: ['query', 'result'], nullable: true }) mode: GroupMode | null;
  @ApiProperty({ type: [SearchCriterionDto] }) criteria: SearchCriterionDto[];
  @ApiProperty() expression: string;
  @ApiProperty({ type: Number, nullable: true }) ownerId: number | null;
  @ApiProperty({ type: String, nullable: true }) ownerLogin: string | null;
  @ApiProperty() visible: boolean;
  @ApiProperty({ type: [GroupShareViewDto] }) shares: GroupShareViewDto[];
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, nullable: true }) refreshedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) refreshMs: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() can: { edit: boolean; delete: boolean };
}

export class GroupPageDto {
  @ApiProperty({ type: [GroupViewDto] }) items: GroupViewDto[];
  @ApiProperty() total: number;
}

export class GroupPreviewDto implements GroupPreview {
  @ApiProperty() total: number;
  @ApiProperty() ms: number;
}

export class GroupRefreshResultDto implements GroupRefreshResult {
  @ApiProperty() memberCount: number;
  @ApiProperty() added: number;
  @ApiProperty() removed: number;
  @ApiProperty() ms: number;
}

export class GroupMembershipChangeDto implements GroupMembershipChange {
  @ApiProperty() added: number;
  @ApiProperty() removed: number;
  @ApiProperty() memberCount: number;
}

export class GroupImportResultDto implements GroupImportResult {
  @ApiProperty() lines: number;
  @ApiProperty() added: number;
  @ApiProperty() alreadyMembers: number;
  @ApiProperty({ type: [String] }) unmatched: string[];
  @ApiProperty() unmatchedCount: number;
}
