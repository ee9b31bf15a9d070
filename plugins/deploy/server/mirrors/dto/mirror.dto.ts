import { isIP } from 'node:net';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ListQueryDto } from '@parc/sdk';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUrl, Length, Max, Min, Validate, type ValidatorConstraintInterface, ValidatorConstraint } from 'class-validator';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A CIDR block, IPv4 or IPv6: `10.1.0.0/16`, `2001:db8::/32`. */
@ValidatorConstraint({ name: 'cidr' })
export class IsCidr implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const [address, prefix, extra] = value.split('/');
    const family = isIP(address ?? '');
    const bits = Number(prefix);
    return extra === undefined && family !== 0 && /^\d{1,3}$/.test(prefix ?? '') && bits <= (family === 4 ? 32 : 128);
  }

  defaultMessage(): string {
    return 'each network must be a CIDR block such as 10.1.0.0/16';
  }
}

export class CreateMirrorDto {
  @ApiPropertyOptional({ description: 'Entity; the active entity by default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  entityId?: number;

  @ApiPropertyOptional({ default: true, description: 'Serves the sub-entities too' })
  @IsOptional()
  @IsBoolean()
  recursive?: boolean;

  @ApiProperty()
  @trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiProperty({ description: 'Base URL of the copy of the repository, e.g. http://mirror.site-a/parc/' })
  @trim()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http:// or https:// URL' })
  @Length(1, 1024)
  url: string;

  @ApiPropertyOptional({ type: [String], description: 'CIDR blocks of the agents it serves; empty: all agents of the entity' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Validate(IsCidr, { each: true })
  networks?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ default: 0, description: 'Among mirrors of the same entity, lower first' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

export class UpdateMirrorDto extends PartialType(CreateMirrorDto) {}

export class MirrorListQueryDto extends ListQueryDto {}

export class MirrorViewDto {
  @ApiProperty() id: number;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() recursive: boolean;
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) networks: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() position: number;
}

export class MirrorPageDto {
  @ApiProperty({ type: [MirrorViewDto] }) items: MirrorViewDto[];
  @ApiProperty() total: number;
}

export class MirrorsForQueryDto {
  @ApiProperty({ description: 'Entity of the computer' })
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(1)
  entityId: number;

  @ApiPropertyOptional({ description: 'Address of its agent (matched against the mirrors networks)' })
  @IsOptional()
  @IsString()
  @Length(2, 45)
  address?: string;
}

export class MirrorsForDto {
  @ApiProperty({ type: [String], description: 'Base URLs in the order agents try them; the server itself last' }) mirrors: string[];
}
