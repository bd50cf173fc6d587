import { Module } from '@nestjs/common';
import { TreatmentRatesController } from './treatment-rates.controller';
import { TreatmentRatesService } from './treatment-rates.service';

/** Treatment-rate reports (救治率) of the treatment rounds: read-only, over treatment_cases and the unit tree. */
@Module({
  controllers: [TreatmentRatesController],
  providers: [TreatmentRatesService],
})
export class TreatmentRatesModule {}
