import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/actor';
import { HealthReportView } from './dto/health-views.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * 200 `ok` when PostgreSQL, Redis and Temporal answer and the deadline clocks keep time; 200 `degraded`
   * when the clocks are late (the lag and the clock are named): the API works, reminders go out late;
   * 503 `error` naming the component that does not answer.
   */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Health: PostgreSQL, Redis, Temporal, the deadline clocks and the background sweeps' })
  @ApiOkResponse({ type: HealthReportView, description: 'ok, or degraded: the API works, reminders may go out late' })
  @ApiServiceUnavailableResponse({ type: HealthReportView, description: 'error: a component the API needs does not answer' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReportView> {
    const report = await this.health.check();
    res.status(report.status === 'error' ? 503 : 200);
    return report;
  }
}
