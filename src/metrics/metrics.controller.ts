import { Controller, Get, Headers, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/api-docs';
import type { Response } from 'express';
import { Public } from '../auth/actor';
import { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { bearerTokenMatches } from './bearer-token';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Prometheus text format, for a scraper inside the network only. Open like /health unless
   * METRICS_TOKEN is set; then `Authorization: Bearer <METRICS_TOKEN>` is required.
   */
  @Get()
  @Public()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Prometheus metrics (text format); a Bearer token when METRICS_TOKEN is set' })
  @ApiOkResponse({
    description: 'deadline clocks, notifications, queues and process metrics',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiUnauthorizedResponse({ description: 'METRICS_TOKEN is set and the request does not carry it', type: ErrorResponseDto })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (this.config.metricsToken !== undefined && !bearerTokenMatches(authorization, this.config.metricsToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('A Bearer token equal to METRICS_TOKEN is required');
    }
    const text = await this.metrics.scrape();
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return text;
  }
}
