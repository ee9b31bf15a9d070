import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { IdPipe } from '../../common/http/id-param.pipe';
import { AnyUser, Ctx, Public } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { AuthService } from './auth.service';
import { bearerToken } from './bearer';
import { ApiTokenPageDto, ChangePasswordDto, CreateApiTokenDto, CreatedApiTokenDto, LoginDto, LoginResponseDto, MeViewDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Log in with login and password; answers a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong login or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this login or address (see Retry-After)' })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponseDto> {
    return this.auth.login(dto.login, dto.password, req.ip ?? 'unknown');
  }

  @Post('logout')
  @HttpCode(204)
  @AnyUser()
  @ApiOperation({ summary: 'End the session of the bearer token' })
  async logout(@Req() req: Request): Promise<void> {
    await this.auth.logout(bearerToken(req)!);
  }

  @Get('me')
  @AnyUser()
  @ApiOperation({ summary: 'The caller, their authorizations, the entities they may choose and their rights in the active entity' })
  @ApiOkResponse({ type: MeViewDto })
  me(@Ctx() ctx: RequestContext): Promise<MeViewDto> {
    return this.auth.me(ctx);
  }

  @Put('me/password')
  @HttpCode(204)
  @AnyUser()
  @ApiOperation({ summary: "Change one's own password" })
  changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(ctx, dto);
  }

  @Get('tokens')
  @AnyUser()
  @ApiOperation({ summary: "List one's own API tokens" })
  @ApiOkResponse({ type: ApiTokenPageDto })
  tokens(@Ctx() ctx: RequestContext): Promise<ApiTokenPageDto> {
    return this.auth.listTokens(ctx);
  }

  @Post('tokens')
  @AnyUser()
  @ApiOperation({ summary: 'Create a personal API token; the token is in this answer only' })
  @ApiResponse({ status: 201, type: CreatedApiTokenDto })
  createToken(@Ctx() ctx: RequestContext, @Body() dto: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    return this.auth.createToken(ctx, dto);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @AnyUser()
  @ApiOperation({ summary: 'Revoke one of one’s own API tokens' })
  @ApiNotFoundResponse()
  revokeToken(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.auth.revokeToken(ctx, id);
  }
}
