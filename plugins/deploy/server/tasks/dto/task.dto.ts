import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ListQueryDto } from '@parc/sdk';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { TaskState } from '../task.entity';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class TaskJobDto {
  @ApiPropertyOptional({ description: "The job's name; the package's name and revision by default" })
  @IsOptional()
  @trim()
  @IsString()
  @Length(1, 255)
  name?: string;

  @ApiPropertyOptional({ description: 'Jobs at the same position run side by side; by default each job is one step after the previous one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  position?: number;

  @ApiProperty({ description: 'The package' })
  @IsInt()
  @Min(1)
  packageId: number;

  @ApiProperty({ description: 'Its revision number; a published revision' })
  @IsInt()
  @Min(1)
  revision: number;
}

export class CreateTaskDto {
  @ApiPropertyOptional({ description: 'Entity; the active entity by default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  entityId?: number;

  @ApiProperty()
  @trim()
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ type: [TaskJobDto], description: 'The jobs, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TaskJobDto)
  jobs?: TaskJobDto[];
}

/** Name, description, and the jobs (replaced whole when given); a task stays in its entity. */
export class UpdateTaskDto extends PartialType(OmitType(CreateTaskDto, ['entityId'] as const)) {}

export class TaskListQueryDto extends ListQueryDto {}

export class TaskJobViewDto {
  @ApiProperty() id: number;
  @ApiProperty() position: number;
  @ApiProperty() name: string;
  @ApiProperty() packageId: number;
  @ApiProperty() packageName: string;
  @ApiProperty() revision: number;
}

export class TaskViewDto {
  @ApiProperty() id: number;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['draft', 'active', 'paused', 'completed'] }) state: TaskState;
  @ApiProperty({ type: [TaskJobViewDto] }) jobs: TaskJobViewDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskViewDto] }) items: TaskViewDto[];
  @ApiProperty() total: number;
}
