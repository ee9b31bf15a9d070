import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ListQueryDto } from '@parc/sdk';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTION_TYPES,
  CHECK_OUTCOMES,
  CHECK_TYPES,
  type CheckOutcome,
  type CheckType,
  INTERACTION_BUTTONS,
  INTERACTION_EVENTS,
  INTERACTION_ICONS,
  OCS_ACTIONS,
  RET_CHECK_TYPES,
  type RetCheckType,
} from '../../../shared/definition';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CheckDto {
  @ApiProperty({ description: 'Shown in the agent messages; the type when empty' })
  @IsString()
  @MaxLength(255)
  name: string;

  @ApiProperty({ enum: CHECK_TYPES })
  @IsIn(CHECK_TYPES)
  type: CheckType;

  @ApiProperty({ description: 'File, directory or registry path; $VAR and %VAR% are expanded by the agent' })
  @IsString()
  @Length(1, 1024)
  path: string;

  @ApiProperty({ description: 'Bytes for file sizes, MB for free space, a SHA-512, a registry value or type; empty otherwise' })
  @IsString()
  @MaxLength(1024)
  value: string;

  @ApiProperty({ enum: CHECK_OUTCOMES, description: 'What happens when the check fails' })
  @IsIn(CHECK_OUTCOMES)
  outcome: CheckOutcome;
}

export class RetCheckDto {
  @ApiProperty({ enum: RET_CHECK_TYPES })
  @IsIn(RET_CHECK_TYPES)
  type: RetCheckType;

  @ApiProperty({ type: [String], description: 'Exit codes, or Perl regular expressions matched against the output' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  values: string[];
}

const isCmd = (a: ActionDto) => a.type === 'cmd';
const isMoveCopy = (a: ActionDto) => a.type === 'move' || a.type === 'copy';
const isList = (a: ActionDto) => a.type === 'delete' || a.type === 'mkdir';

/** One action; the fields that apply depend on its type. */
export class ActionDto {
  @ApiProperty({ enum: ACTION_TYPES })
  @IsIn(ACTION_TYPES)
  type: (typeof ACTION_TYPES)[number];

  @ApiProperty()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional({ description: 'cmd: the command line, run through the shell in the work directory' })
  @ValidateIf(isCmd)
  @IsString()
  @Length(1, 4000)
  exec?: string;

  @ApiPropertyOptional({ type: [RetCheckDto], description: 'cmd: how the outcome is judged; none = success whatever the exit code' })
  @ValidateIf(isCmd)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RetCheckDto)
  retChecks?: RetCheckDto[];

  @ApiPropertyOptional({ description: 'cmd: output lines kept in the logs (default 10)' })
  @ValidateIf(isCmd)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  logLineLimit?: number;

  @ApiPropertyOptional({ description: 'move/copy: source (a glob, relative to the work directory or absolute)' })
  @ValidateIf(isMoveCopy)
  @IsString()
  @Length(1, 1024)
  from?: string;

  @ApiPropertyOptional({ description: 'move/copy: destination' })
  @ValidateIf(isMoveCopy)
  @IsString()
  @Length(1, 1024)
  to?: string;

  @ApiPropertyOptional({ type: [String], description: 'delete/mkdir: the paths' })
  @ValidateIf(isList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 1024, { each: true })
  list?: string[];
}

export class FileRefDto {
  @ApiProperty({ description: 'SHA-512 of the whole file, lowercase hex' })
  @Matches(/^[0-9a-f]{128}$/, { message: 'sha512 must be 128 lowercase hexadecimal digits' })
  sha512: string;

  @ApiProperty({ description: 'Name in the work directory' })
  @IsString()
  @Length(1, 255)
  @Matches(/^[^/\\\0]+$/, { message: 'name must be a file name, without / or \\' })
  name: string;

  @ApiProperty()
  @IsBoolean()
  p2p: boolean;

  @ApiProperty({ description: 'Minutes the agent keeps the parts after use (0: its default)' })
  @IsInt()
  @Min(0)
  @Max(525_600)
  p2pRetentionMinutes: number;

  @ApiProperty({ description: 'Extract the archive into the work directory' })
  @IsBoolean()
  uncompress: boolean;
}

/** How users are asked (Windows agents): what a message and an interaction template both hold. */
export class InteractionSettingsDto {
  @ApiProperty({ enum: INTERACTION_ICONS })
  @IsIn(INTERACTION_ICONS)
  icon: (typeof INTERACTION_ICONS)[number];

  @ApiProperty({ enum: INTERACTION_BUTTONS })
  @IsIn(INTERACTION_BUTTONS)
  buttons: (typeof INTERACTION_BUTTONS)[number];

  @ApiProperty({ description: 'Seconds before the timeout behaviour applies; 0 waits for ever' })
  @IsInt()
  @Min(0)
  @Max(86_400)
  timeout: number;

  @ApiProperty({ description: "Per answer or situation (on_yes, on_timeout, on_nouser, …): 'continue:continue', 'stop:stop' or 'stop:postpone'" })
  @IsObject()
  behaviours: Record<string, string>;
}

export class UserInteractionDto extends InteractionSettingsDto {
  @ApiProperty()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Interaction template whose icon, buttons, timeout and behaviours apply' })
  @IsOptional()
  @IsInt()
  @Min(1)
  templateId?: number | null;

  @ApiProperty({ enum: INTERACTION_EVENTS })
  @IsIn(INTERACTION_EVENTS)
  event: (typeof INTERACTION_EVENTS)[number];

  @ApiProperty()
  @IsString()
  @MaxLength(255)
  title: string;

  @ApiProperty({ description: '%u is replaced by the user name' })
  @IsString()
  @MaxLength(2000)
  text: string;
}

export class OcsNotifyDto {
  @ApiProperty() @IsBoolean() enabled: boolean;
  @ApiProperty() @IsString() @MaxLength(2000) text: string;
  @ApiProperty({ description: 'Seconds shown before it starts' }) @IsInt() @Min(0) @Max(86_400) countdown: number;
  @ApiProperty() @IsBoolean() canAbort: boolean;
  @ApiProperty() @IsBoolean() canDelay: boolean;
  @ApiProperty({ description: 'Shown when done' }) @IsString() @MaxLength(2000) doneText: string;
}

export class OcsOptionsDto {
  @ApiProperty({ minimum: 0, maximum: 10, description: '0 first; OCS default 5' })
  @IsInt()
  @Min(0)
  @Max(10)
  priority: number;

  @ApiProperty({ enum: OCS_ACTIONS })
  @IsIn(OCS_ACTIONS)
  action: (typeof OCS_ACTIONS)[number];

  @ApiProperty({ description: 'LAUNCH: the file to run; EXECUTE: the command line' })
  @IsString()
  @MaxLength(4000)
  command: string;

  @ApiProperty({ description: 'STORE: the destination directory' })
  @IsString()
  @MaxLength(1024)
  path: string;

  @ApiProperty({ type: OcsNotifyDto })
  @ValidateNested()
  @Type(() => OcsNotifyDto)
  notify: OcsNotifyDto;
}

/** A whole revision definition, as the editor saves it. */
export class DefinitionDto {
  @ApiProperty({ type: [CheckDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CheckDto)
  checks: CheckDto[];

  @ApiProperty({ type: [ActionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions: ActionDto[];

  @ApiProperty({ type: [FileRefDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FileRefDto)
  files: FileRefDto[];

  @ApiProperty({ type: [UserInteractionDto] })
  @IsArray()
  @ArrayMaxSize(INTERACTION_EVENTS.length)
  @ValidateNested({ each: true })
  @Type(() => UserInteractionDto)
  userInteractions: UserInteractionDto[];

  @ApiProperty()
  @IsBoolean()
  rebootAfter: boolean;

  @ApiProperty({ type: OcsOptionsDto })
  @ValidateNested()
  @Type(() => OcsOptionsDto)
  ocs: OcsOptionsDto;
}

export class CreatePackageDto {
  @ApiProperty()
  @trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ description: 'Defaults to the active entity' })
  @IsOptional()
  @IsInt()
  @Min(1)
  entityId?: number;

  @ApiPropertyOptional({ description: 'Visible from the sub-entities too' })
  @IsOptional()
  @IsBoolean()
  recursive?: boolean;
}

export class UpdatePackageDto extends PartialType(OmitType(CreatePackageDto, [] as const)) {}

export class PackageListQueryDto extends ListQueryDto {}

export class RevisionSummaryDto {
  @ApiProperty() number: number;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) retiredAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class PackageViewDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() recursive: boolean;
  @ApiProperty({ type: [RevisionSummaryDto] }) revisions: RevisionSummaryDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PackagePageDto {
  @ApiProperty({ type: [PackageViewDto] }) items: PackageViewDto[];
  @ApiProperty() total: number;
}

export class RevisionViewDto extends RevisionSummaryDto {
  @ApiProperty() packageId: number;
  @ApiProperty({ type: DefinitionDto }) definition: DefinitionDto;
}

export class RevisionDiffQueryDto {
  @ApiProperty({ description: 'Revision number to compare from' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  from: number;

  @ApiProperty({ description: 'Revision number to compare to' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  to: number;
}

export class DefinitionChangeDto {
  @ApiProperty({ description: 'Where, e.g. actions[1].exec' }) path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind: 'added' | 'removed' | 'changed';
  @ApiPropertyOptional({ description: 'The value in `from`' }) before?: unknown;
  @ApiPropertyOptional({ description: 'The value in `to`' }) after?: unknown;
}

export class RevisionDiffDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [DefinitionChangeDto] }) changes: DefinitionChangeDto[];
}
