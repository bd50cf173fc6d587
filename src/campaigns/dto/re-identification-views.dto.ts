import { ApiProperty } from '@nestjs/swagger';
import { RE_IDENTIFICATION_OUTCOMES, ReIdentificationOutcome } from '../../domain/re-identification';
import { CatalogueDiseaseView } from '../../diseases/dto/disease-views.dto';

/** Response shapes of 疾病再识别: the persons of a unit's task and their results. */

export class ItemPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The resident ID number, masked' }) idNumberMasked: string;
  @ApiProperty() sex: string;
  @ApiProperty({ description: '周岁 today (Asia/Shanghai)' }) age: number;
  @ApiProperty() povertyStatus: string;
  @ApiProperty() povertyCauseMain: string;
  @ApiProperty() povertyCauseSecondary: string;
  @ApiProperty() knownConditions: string;
}

export class ItemHouseholdView {
  @ApiProperty({ description: 'The household number (户编号)' }) number: string;
  @ApiProperty() headName: string;
}

export class ItemVillageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ReIdentificationItemListView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ItemPersonView }) person: ItemPersonView;
  @ApiProperty({ type: ItemHouseholdView }) household: ItemHouseholdView;
  @ApiProperty({ type: ItemVillageView }) village: ItemVillageView;
  @ApiProperty({ enum: RE_IDENTIFICATION_OUTCOMES, nullable: true, description: 'null: not recorded yet' }) outcome: string | null;
  @ApiProperty({ type: CatalogueDiseaseView, isArray: true }) conditions: CatalogueDiseaseView[];
  @ApiProperty() note: string;
  @ApiProperty({ type: Date, nullable: true }) recordedAt: Date | null;
}

/** One person's result as stored. */
export class ReIdentificationItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid' }) villageUnitId: string;
  @ApiProperty({ enum: RE_IDENTIFICATION_OUTCOMES, nullable: true }) outcome: ReIdentificationOutcome | null;
  @ApiProperty({ type: [String], description: 'Codes of the campaign’s catalogue version' }) conditionCodes: string[];
  @ApiProperty() note: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedByUserId: string | null;
  @ApiProperty({ type: Date, nullable: true }) recordedAt: Date | null;
}

export class RecordedCountView {
  @ApiProperty({ description: 'Results recorded from the file' }) recorded: number;
}
