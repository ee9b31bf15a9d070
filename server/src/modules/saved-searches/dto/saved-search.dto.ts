import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SavedSearchInput, SavedSearchView } from '@parc/contracts';
import { IsBoolean, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import { Trim } from '../../../common/http/transforms';

export const ITEM_TYPE = /^[a-z][a-z0-9.-]{0,49}$/;

export class SavedSearchListQueryDto extends ListQueryDto {
  @ApiProperty({ example: 'computer' })
  @IsString()
  @Matches(ITEM_TYPE, { message: 'itemType must be a list name such as computer, agent, user' })
  itemType: string;
}

export class CreateSavedSearchDto implements SavedSearchInput {
  @ApiProperty({ example: 'computer' })
  @IsString()
  @Matches(ITEM_TYPE, { message: 'itemType must be a list name such as computer, agent, user' })
  itemType: string;

  @ApiProperty({ maxLength: 255 })
  @Trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiProperty({ description: "The list's query parameters (strings), e.g. {q, criteria, expression, sort}" })
  @IsObject()
  query: Record<string, string>;

  @ApiPropertyOptional({ description: 'Visible to the other users of the entity (needs the savedsearch create right)' })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

export class UpdateSavedSearchDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 255)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsObject()
  query?: Record<string, string>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

export class SavedSearchToGroupDto {
  @ApiPropertyOptional({ maxLength: 255, description: "Defaults to the saved search's name" })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 255)
  name?: string;

  @ApiPropertyOptional({ description: 'Shown in the navigation' })
  @IsOptional()
  @IsBoolean()
  visible?: boolean;
}

export class SavedSearchViewDto implements SavedSearchView {
  @ApiProperty() id: number;
  @ApiProperty() itemType: string;
  @ApiProperty() name: string;
  @ApiProperty() query: Record<string, string>;
  @ApiProperty() shared: boolean;
  @ApiProperty() ownerId: number;
  @ApiProperty() ownerLogin: string;
  @ApiProperty() entityId: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() can: { edit: boolean };
}

export class SavedSearchPageDto {
  @ApiProperty({ type: [SavedSearchViewDto] }) items: SavedSearchViewDto[];
  @ApiProperty() total: number;
}

/** Query parameters are short strings; this bounds what a saved search may hold. */
export const MAX_QUERY_PARAMS = 30;
export const MAX_QUERY_VALUE = 20_000;
