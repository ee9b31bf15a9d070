import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditAction, AuditEventView } from '@parc/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import type { AuditEvent } from '../audit-event.entity';

export class ListAuditQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'itemType must be a lower-case item type name' })
  itemType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  itemId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  userId?: number;

  @ApiPropertyOptional({ enum: ['create', 'update', 'delete'] })
  @IsOptional()
  @IsIn(['create', 'update', 'delete'])
  action?: AuditAction;
}

export class AuditEventViewDto implements AuditEventView {
  @ApiProperty() id: number;
  @ApiProperty() at: string;
  @ApiProperty({ type: Number, nullable: true }) userId: number | null;
  @ApiProperty() userLogin: string;
  @ApiProperty({ enum: ['create', 'update', 'delete'] }) action: AuditAction;
  @ApiProperty() itemType: string;
  @ApiProperty() itemId: number;
  @ApiProperty({ type: Number, nullable: true }) entityId: number | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) after: Record<string, unknown> | null;

  static from(e: AuditEvent): AuditEventViewDto {
    return { id: e.id, at: e.at.toISOString(), userId: e.userId, userLogin: e.userLogin, action: e.action, itemType: e.itemType, itemId: e.itemId, entityId: e.entityId, before: e.before, after: e.after };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventViewDto] }) items: AuditEventViewDto[];
  @ApiProperty() total: number;
}
