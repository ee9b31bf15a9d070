import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, Ctx, IdPipe, type RequestContext, RequireRight } from '@parc/sdk';
import { TASK_RIGHT } from '../rights';
import { CreateTaskDto, TaskListQueryDto, TaskPageDto, TaskViewDto, UpdateTaskDto } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('deploy tasks')
@Controller('deploy/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @RequireRight(TASK_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'Deployment tasks visible in the active scope' })
  @ApiOkResponse({ type: TaskPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: TaskListQueryDto): Promise<TaskPageDto> {
    return this.tasks.list(ctx, query);
  }

  @Get(':id')
  @RequireRight(TASK_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'A task with its jobs' })
  @ApiOkResponse({ type: TaskViewDto })
  get(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<TaskViewDto> {
    return this.tasks.get(ctx, id);
  }

  @Post()
  @RequireRight(TASK_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Create a task (a draft), with its jobs' })
  @ApiCreatedResponse({ type: TaskViewDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateTaskDto): Promise<TaskViewDto> {
    return this.tasks.create(ctx, dto);
  }

  @Patch(':id')
  @RequireRight(TASK_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'Rename a task or replace its jobs' })
  @ApiOkResponse({ type: TaskViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateTaskDto): Promise<TaskViewDto> {
    return this.tasks.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(TASK_RIGHT, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a task' })
  @ApiNoContentResponse()
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.tasks.remove(ctx, id);
  }
}
