import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AgentKind,
  ComputerDiskView,
  ComputerRow,
  ComputerSoftwareView,
  ComputerView,
  InventoryChangeView,
  NetworkInterfaceView,
  SearchCriterion,
  SearchFieldView,
  SearchOperator,
} from '@parc/contracts';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import { Trim } from '../../../common/http/transforms';
import { MAX_EXPRESSION_LENGTH } from '../search/expression';

export class SearchCriterionDto implements SearchCriterion {
  @ApiProperty({ example: 'software' })
  @IsString()
  @Length(1, 100)
  field: string;

  @ApiProperty({ enum: ['contains', 'equals', 'notequals', 'less', 'more'] })
  @IsIn(['contains', 'equals', 'notequals', 'less', 'more'])
  operator: SearchOperator;

  @ApiProperty({ example: 'firefox*' })
  @IsString()
  @MaxLength(500)
  value: string;
}

/** `criteria` travels as a JSON array in the query string; a value that is not one stays a string and fails @IsArray. */
const parseCriteria = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map((c) => plainToInstance(SearchCriterionDto, c)) : value;
  } catch {
    return value;
  }
};

export class ComputerSearchQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'JSON array of {field, operator, value}, all of which must match', example: '[{"field":"software","operator":"contains","value":"firefox"}]' })
  @IsOptional()
  @Transform(parseCriteria)
  @IsArray({ message: 'criteria must be a JSON array of {field, operator, value}' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SearchCriterionDto)
  criteria?: SearchCriterionDto[];

  @ApiPropertyOptional({ description: 'How the numbered criteria combine, in prefix notation; without it, AND of all', example: 'AND(1, OR(2, NOT(3)))' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_EXPRESSION_LENGTH)
  expression?: string;
}

export const CSV_COLUMNS = ['id', 'name', 'entity', 'serial', 'uuid', 'manufacturer', 'model', 'os', 'osVersion', 'ip', 'lastInventoryAt', 'lastContactAt', 'agentKind', 'agentVersion'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export class ComputerExportQueryDto extends ComputerSearchQueryDto {
  @ApiPropertyOptional({ description: `Comma-separated among ${CSV_COLUMNS.join(', ')}` })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(`^(${CSV_COLUMNS.join('|')})(,(${CSV_COLUMNS.join('|')}))*$`), { message: `columns must be a comma-separated list among ${CSV_COLUMNS.join(', ')}` })
  columns?: string;

  @ApiPropertyOptional({ description: 'Comma-separated computer ids: export this selection instead of the search' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,10}(,\d{1,10}){0,9999}$/, { message: 'ids must be comma-separated computer ids (at most 10000)' })
  ids?: string;
}

export class UpdateComputerDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 255)
  name?: string;

  @ApiPropertyOptional({ description: 'Move to this entity' })
  @IsOptional()
  @IsInt()
  @Min(1)
  entityId?: number;

  @ApiPropertyOptional({ enum: ['name'], isArray: true, description: 'Let inventories update these fields again' })
  @IsOptional()
  @IsArray()
  @IsIn(['name'], { each: true })
  unlock?: 'name'[];
}

export class MoveComputersDto {
  @ApiProperty({ description: 'Target entity' })
  @IsInt()
  @Min(1)
  entityId: number;
}

export class ComputerRowDto implements ComputerRow {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() serial: string;
  @ApiProperty() uuid: string;
  @ApiProperty() manufacturer: string;
  @ApiProperty() model: string;
  @ApiProperty() osName: string;
  @ApiProperty() osVersion: string;
  @ApiProperty({ type: String, nullable: true }) lastInventoryAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastContactAt: string | null;
  @ApiProperty({ enum: ['fusioninventory', 'glpi-agent', 'ocs'], nullable: true }) agentKind: AgentKind | null;
  @ApiProperty({ type: String, nullable: true }) agentVersion: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}

export class ComputerPageDto {
  @ApiProperty({ type: [ComputerRowDto] }) items: ComputerRowDto[];
  @ApiProperty() total: number;
}

export class ComputerIdsDto {
  @ApiProperty({ type: [Number] }) ids: number[];
  @ApiProperty() total: number;
}

class CpuDto {
  @ApiProperty() manufacturer: string;
  @ApiProperty() model: string;
  @ApiProperty() speedMhz: number;
  @ApiProperty() cores: number;
  @ApiProperty() threads: number;
  @ApiProperty() arch: string;
}

export class ComputerViewDto extends ComputerRowDto implements ComputerView {
  @ApiProperty() type: string;
  @ApiProperty() osArch: string;
  @ApiProperty() osKernel: string;
  @ApiProperty() biosManufacturer: string;
  @ApiProperty() biosVersion: string;
  @ApiProperty() biosDate: string;
  @ApiProperty() cpuModel: string;
  @ApiProperty() cpuCount: number;
  @ApiProperty() cpuCores: number;
  @ApiProperty() memoryMb: number;
  @ApiProperty() swapMb: number;
  @ApiProperty() workgroup: string;
  @ApiProperty() lastLoggedUser: string;
  @ApiProperty() softwareCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: [CpuDto] }) cpus: CpuDto[];
  @ApiProperty({ type: [String] }) users: string[];
  @ApiProperty({ type: [String], description: 'Fields set by hand, which inventories leave alone' }) lockedFields: string[];
}

export class SoftwareQueryDto extends ListQueryDto {}

class ComputerSoftwareDto implements ComputerSoftwareView {
  @ApiProperty() name: string;
  @ApiProperty() publisher: string;
  @ApiProperty() version: string;
}

export class ComputerSoftwarePageDto {
  @ApiProperty({ type: [ComputerSoftwareDto] }) items: ComputerSoftwareDto[];
  @ApiProperty() total: number;
}

class DiskDto implements ComputerDiskView {
  @ApiProperty() mountPoint: string;
  @ApiProperty() device: string;
  @ApiProperty() fileSystem: string;
  @ApiProperty() totalMb: number;
  @ApiProperty() freeMb: number;
  @ApiProperty() label: string;
}

export class DiskPageDto {
  @ApiProperty({ type: [DiskDto] }) items: DiskDto[];
  @ApiProperty() total: number;
}

class NetworkInterfaceDto implements NetworkInterfaceView {
  @ApiProperty() name: string;
  @ApiProperty() mac: string;
  @ApiProperty() ipv4: string;
  @ApiProperty() ipv4Mask: string;
  @ApiProperty() ipv4Gateway: string;
  @ApiProperty() ipv6: string;
  @ApiProperty() status: string;
  @ApiProperty() type: string;
  @ApiProperty() virtual: boolean;
}

export class NetworkPageDto {
  @ApiProperty({ type: [NetworkInterfaceDto] }) items: NetworkInterfaceDto[];
  @ApiProperty() total: number;
}

class SectionChangeDto {
  @ApiProperty({ type: [String] }) added: string[];
  @ApiProperty({ type: [String] }) removed: string[];
  @ApiProperty() addedCount: number;
  @ApiProperty() removedCount: number;
}

class InventoryChangeDto implements InventoryChangeView {
  @ApiProperty() id: number;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) agentDeviceId: string | null;
  @ApiProperty({ enum: ['created', 'updated'] }) kind: 'created' | 'updated';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: {} }, description: 'field → [before, after]' }) fields: Record<string, [unknown, unknown]>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/SectionChangeDto' } }) sections: Record<string, SectionChangeDto>;
}

export class HistoryQueryDto extends ListQueryDto {}

export class HistoryPageDto {
  @ApiProperty({ type: [InventoryChangeDto] }) items: InventoryChangeDto[];
  @ApiProperty() total: number;
}

export class SearchFieldDto implements SearchFieldView {
  @ApiProperty() key: string;
  @ApiProperty({ type: 'object', properties: { en: { type: 'string' }, fr: { type: 'string' } } }) label: { en: string; fr?: string };
  @ApiProperty({ enum: ['string', 'number', 'date', 'group'] }) type: SearchFieldView['type'];
  @ApiProperty({ enum: ['contains', 'equals', 'notequals', 'less', 'more'], isArray: true }) operators: SearchOperator[];
  @ApiProperty() column: boolean;
  @ApiPropertyOptional() plugin?: string;
}

export class SearchFieldListDto {
  @ApiProperty({ type: [SearchFieldDto] }) items: SearchFieldDto[];
  @ApiProperty() total: number;
}

export { SectionChangeDto };
