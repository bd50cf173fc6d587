import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { OperationsStats } from './operations-stats.service';

/** GET /metrics (Prometheus) and the readings /health shares with it. */
@Module({
  imports: [NotificationsModule],
  controllers: [MetricsController],
  providers: [MetricsService, OperationsStats],
  exports: [OperationsStats],
})
export class MetricsModule {}
