import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { TreatmentPaceService } from './treatment-pace.service';
import { TreatmentRatesController } from './treatment-rates.controller';
import { TreatmentRatesService } from './treatment-rates.service';

/** Treatment-rate reports (救治率) of the treatment rounds, over treatment_cases and the unit tree, and the pace warning built on them. */
@Module({
  imports: [NotificationsModule],
  controllers: [TreatmentRatesController],
  providers: [TreatmentRatesService, TreatmentPaceService],
  exports: [TreatmentPaceService],
})
export class TreatmentRatesModule {}
