import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto } from '@parc/sdk';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class FileViewDto {
  @ApiProperty({ description: 'SHA-512 of the content: the identity agents check' }) sha512: string;
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'Number of 1 MiB gzip parts agents download' }) partCount: number;
  @ApiProperty({ description: 'Package revisions using the file' }) references: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Unused since then; collected after the grace period' }) unreferencedSince: string | null;
  @ApiPropertyOptional({ description: 'True when the repository already held this content' }) deduplicated?: boolean;
}

export class FilePageDto {
  @ApiProperty({ type: [FileViewDto] }) items: FileViewDto[];
  @ApiProperty() total: number;
}

export class FileListQueryDto extends ListQueryDto {}

export class ImportFileDto {
  @ApiProperty({ description: 'Path of the file, relative to the server import directory (DEPLOY_IMPORT_DIR)' })
  @trim()
  @IsString()
  @Length(1, 1024)
  path: string;
}

export class GarbageCollectionDto {
  @ApiProperty() uploadsExpired: number;
  @ApiProperty() filesDeleted: number;
  @ApiProperty() partsDeleted: number;
  @ApiProperty() bytesFreed: number;
}

export class CreateUploadDto {
  @ApiProperty({ description: 'File name' })
  @trim()
  @IsString()
  @Length(1, 255)
  @Matches(/^[^/\\\0]+$/, { message: 'name must be a file name, without / or \\' })
  name: string;

  @ApiProperty({ description: 'Total size in bytes' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  size: number;

  @ApiPropertyOptional({ description: 'SHA-512 of the whole file, when known: checked at the end, and a file already stored needs no bytes' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{128}$/, { message: 'sha512 must be 128 hexadecimal digits' })
  sha512?: string;
}

export class UploadViewDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'Bytes the server holds: the next chunk starts here' }) offset: number;
  @ApiProperty({ description: 'Largest recommended chunk length; any multiple of 1 MiB is accepted (the last chunk may be shorter), and a client on a slow link should send chunks that take well under a minute' }) chunkSize: number;
  @ApiProperty({ enum: ['open', 'complete'] }) status: string;
  @ApiProperty({ type: FileViewDto, nullable: true }) file: FileViewDto | null;
  @ApiProperty() expiresAt: string;
}
