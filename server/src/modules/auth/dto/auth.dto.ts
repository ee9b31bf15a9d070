import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiTokenView, AuthorizationView, CreatedApiToken, LoginRequest, LoginResponse, MeView } from '@parc/contracts';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { EntityViewDto } from '../../entities/dto/entity.dto';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 100)
  login: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password: string;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' }) accessToken: string;
  @ApiProperty() expiresAt: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 256 })
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  newPassword: string;
}

export class AuthorizationViewDto implements AuthorizationView {
  @ApiProperty() id: number;
  @ApiProperty() userId: number;
  @ApiProperty() profileId: number;
  @ApiProperty() profileName: string;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() recursive: boolean;
}

export class MeViewDto implements MeView {
  @ApiProperty() id: number;
  @ApiProperty() login: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: [AuthorizationViewDto] }) authorizations: AuthorizationViewDto[];
  @ApiProperty({ type: [EntityViewDto] }) entities: EntityViewDto[];
  @ApiProperty() activeEntityId: number;
  @ApiProperty() activeRecursive: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { user: 31 } }) rights: Record<string, number>;
}

export class CreateApiTokenDto {
  @ApiProperty({ maxLength: 100, example: 'nightly export' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ description: 'Expiry date; none means the token lasts until revoked' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
}

export class ApiTokenViewDto implements ApiTokenView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() prefix: string;
  @ApiProperty({ type: String, nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class CreatedApiTokenDto extends ApiTokenViewDto implements CreatedApiToken {
  @ApiProperty({ description: 'The token itself, shown only in this answer' }) token: string;
}

export class ApiTokenPageDto {
  @ApiProperty({ type: [ApiTokenViewDto] }) items: ApiTokenViewDto[];
  @ApiProperty() total: number;
}
