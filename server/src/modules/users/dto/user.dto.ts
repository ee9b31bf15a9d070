import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import type { UserView } from '@parc/contracts';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import { Trim } from '../../../common/http/transforms';
import type { UserWithEntity } from '../users.repository';

export class CreateUserDto {
  @ApiProperty({ maxLength: 100, example: 'jdupont' })
  @Trim()
  @IsString()
  @Matches(/^[\w.@-]{1,100}$/, { message: 'login may hold 1 to 100 letters, digits and . _ @ -' })
  login: string;

  @ApiProperty({ maxLength: 255, example: 'Jeanne Dupont' })
  @Trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ minLength: 8, maxLength: 256, description: 'Without one the user cannot log in until it is set' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'Home entity' })
  @IsInt()
  @Min(1)
  entityId: number;
}

/** Every field but the login, each optional; entityId moves the user's home entity. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['login'] as const)) {}

export class ListUsersQueryDto extends ListQueryDto {}

export class UserViewDto implements UserView {
  @ApiProperty() id: number;
  @ApiProperty() login: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty({ type: String, nullable: true }) lastLoginAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(u: UserWithEntity): UserViewDto {
    return {
      id: u.id,
      login: u.login,
      name: u.name,
      email: u.email,
      active: Boolean(u.active),
      entityId: u.entityId,
      entityName: u.entityName,
      lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    };
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserViewDto] }) items: UserViewDto[];
  @ApiProperty() total: number;
}

export class CreateAuthorizationDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  profileId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  entityId: number;

  @ApiPropertyOptional({ default: false, description: 'Also on every sub-entity' })
  @IsOptional()
  @IsBoolean()
  recursive?: boolean;
}
