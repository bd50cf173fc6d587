import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/actor';
import { HealthReport, HealthService } from './health.service';

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
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'error' ? 503 : 200);
    return report;
  }
}
