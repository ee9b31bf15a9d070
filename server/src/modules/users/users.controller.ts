import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { AuthorizationViewDto } from '../auth/dto/auth.dto';
import { CreateAuthorizationDto, CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserPageDto, UserViewDto } from './dto/user.dto';
import { UsersService } from './users.service';

class AuthorizationPageDto {
  @ApiProperty({ type: [AuthorizationViewDto] }) items: AuthorizationViewDto[];
  @ApiProperty() total: number;
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireRight(CoreRight.USER, Bits.READ)
  @ApiOperation({ summary: 'List users visible in the active scope (sort: id, login, name, email, active, lastLoginAt, createdAt)' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @RequireRight(CoreRight.USER, Bits.READ)
  @ApiOperation({ summary: 'Read one user' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiNotFoundResponse()
  get(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<UserViewDto> {
    return this.users.get(ctx, id);
  }

  @Post()
  @RequireRight(CoreRight.USER, Bits.CREATE)
  @ApiOperation({ summary: 'Create a user in a home entity' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiConflictResponse({ description: 'Login taken' })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto): Promise<UserViewDto> {
    return this.users.create(ctx, dto);
  }

  @Patch(':id')
  @RequireRight(CoreRight.USER, Bits.UPDATE)
  @ApiOperation({ summary: 'Change a user (name, email, password, active, home entity)' })
  @ApiOkResponse({ type: UserViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateUserDto): Promise<UserViewDto> {
    return this.users.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(CoreRight.USER, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a user, with their sessions, tokens and authorizations' })
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.users.remove(ctx, id);
  }

  @Get(':id/authorizations')
  @RequireRight(CoreRight.USER, Bits.READ)
  @ApiOperation({ summary: "List a user's authorizations (profile on entity) within the active scope" })
  @ApiOkResponse({ type: AuthorizationPageDto })
  authorizations(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<AuthorizationPageDto> {
    return this.users.authorizations(ctx, id);
  }

  @Post(':id/authorizations')
  @RequireRight(CoreRight.USER, Bits.UPDATE)
  @ApiOperation({ summary: 'Give a user a profile on an entity (optionally recursive); only rights the caller holds can be given' })
  @ApiOkResponse({ type: AuthorizationViewDto })
  addAuthorization(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: CreateAuthorizationDto): Promise<AuthorizationViewDto> {
    return this.users.addAuthorization(ctx, id, dto);
  }

  @Delete(':id/authorizations/:authorizationId')
  @HttpCode(204)
  @RequireRight(CoreRight.USER, Bits.UPDATE)
  @ApiOperation({ summary: 'Remove an authorization from a user' })
  removeAuthorization(
    @Ctx() ctx: RequestContext,
    @Param('id', IdPipe) id: number,
    @Param('authorizationId', IdPipe) authorizationId: number,
  ): Promise<void> {
    return this.users.removeAuthorization(ctx, id, authorizationId);
  }
}
