import { Global, Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { HealthController } from './health.controller';
import { BackgroundSweeps } from './background-sweeps';
import { HealthService } from './health.service';

/** Global for BackgroundSweeps, which the workers' sweeps record through. */
@Global()
@Module({
  imports: [MetricsModule],
  controllers: [HealthController],
  providers: [HealthService, BackgroundSweeps],
  exports: [BackgroundSweeps],
})
export class HealthModule {}
