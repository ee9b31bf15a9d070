import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { LocalizedText, ProfileView, RightDefinition } from '@parc/contracts';
import { IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import { Trim } from '../../../common/http/transforms';
import type { ProfileWithRights } from '../profiles.repository';

const RIGHTS_DOC = { type: 'object', additionalProperties: { type: 'integer' }, example: { user: 31, entity: 1 } } as const;

export class CreateProfileDto {
  @ApiProperty({ maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  comment?: string;

  @ApiPropertyOptional({ ...RIGHTS_DOC, description: 'Right name → bits (READ 1, UPDATE 2, CREATE 4, DELETE 8, PURGE 16)' })
  @IsOptional()
  @IsObject()
  rights?: Record<string, number>;
}

/** Rename, comment, or replace the whole rights matrix (rights left out are removed). */
export class UpdateProfileDto extends PartialType(CreateProfileDto) {}

export class ListProfilesQueryDto extends ListQueryDto {}

export class ProfileViewDto implements ProfileView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() comment: string;
  @ApiProperty(RIGHTS_DOC) rights: Record<string, number>;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(p: ProfileWithRights): ProfileViewDto {
    return { id: p.id, name: p.name, comment: p.comment, rights: p.rightsMap, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
  }
}

export class ProfilePageDto {
  @ApiProperty({ type: [ProfileViewDto] }) items: ProfileViewDto[];
  @ApiProperty() total: number;
}

class LocalizedTextDto implements LocalizedText {
  @ApiProperty() en: string;
  @ApiPropertyOptional() fr?: string;
}

export class RightDefinitionDto implements RightDefinition {
  @ApiProperty() name: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty({ description: 'Mask of the bits this right uses' }) bits: number;
  @ApiPropertyOptional() plugin?: string;
}

export class RightListDto {
  @ApiProperty({ type: [RightDefinitionDto] }) items: RightDefinitionDto[];
  @ApiProperty() total: number;
}
