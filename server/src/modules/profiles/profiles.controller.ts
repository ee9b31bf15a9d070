import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { CreateProfileDto, ListProfilesQueryDto, ProfilePageDto, ProfileViewDto, RightListDto, UpdateProfileDto } from './dto/profile.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('profiles')
@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get('rights')
  @RequireRight(CoreRight.PROFILE, Bits.READ)
  @ApiOperation({ summary: 'Every right a profile can hold, from the core and the enabled plugins, with the bits each uses' })
  @ApiOkResponse({ type: RightListDto })
  rights(): RightListDto {
    return this.profiles.rights();
  }

  @Get('profiles')
  @RequireRight(CoreRight.PROFILE, Bits.READ)
  @ApiOperation({ summary: 'List profiles with their rights (sort: id, name, createdAt)' })
  @ApiOkResponse({ type: ProfilePageDto })
  list(@Query() query: ListProfilesQueryDto): Promise<ProfilePageDto> {
    return this.profiles.list(query);
  }

  @Get('profiles/:id')
  @RequireRight(CoreRight.PROFILE, Bits.READ)
  @ApiOperation({ summary: 'Read one profile and its rights' })
  @ApiOkResponse({ type: ProfileViewDto })
  @ApiNotFoundResponse()
  get(@Param('id', IdPipe) id: number): Promise<ProfileViewDto> {
    return this.profiles.get(id);
  }

  @Post('profiles')
  @RequireRight(CoreRight.PROFILE, Bits.CREATE)
  @ApiOperation({ summary: 'Create a profile (needs the profile right on the root entity)' })
  @ApiOkResponse({ type: ProfileViewDto })
  @ApiConflictResponse({ description: 'Name taken' })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateProfileDto): Promise<ProfileViewDto> {
    return this.profiles.create(ctx, dto);
  }

  @Patch('profiles/:id')
  @RequireRight(CoreRight.PROFILE, Bits.UPDATE)
  @ApiOperation({ summary: 'Rename a profile or replace its rights matrix' })
  @ApiOkResponse({ type: ProfileViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateProfileDto): Promise<ProfileViewDto> {
    return this.profiles.update(ctx, id, dto);
  }

  @Delete('profiles/:id')
  @HttpCode(204)
  @RequireRight(CoreRight.PROFILE, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a profile no authorization uses' })
  @ApiConflictResponse({ description: 'The profile is in use' })
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.profiles.remove(ctx, id);
  }
}
