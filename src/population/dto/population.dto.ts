import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { PovertyStatus, Sex } from '../../domain/register-row';
import { RegisterImportStatus } from '../register-import.entity';

const POVERTY_STATUSES: PovertyStatus[] = ['not_out', 'out'];

export class HouseholdListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'households of this village' })
  @IsOptional()
  @IsUUID()
  villageId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'households of the villages at or below this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'part of the household number (户编号) or of the head’s name' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;
}

export class PersonListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'persons of the villages at or below this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ description: 'part of the name' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;

  @ApiPropertyOptional({
    description:
      'the full resident ID number, matched exactly (a lower-case x is read as X): admins and managers only, within their scope; throttled per user and audited',
  })
  @IsOptional()
  @Matches(/^\d{17}[\dXx]$/, { message: 'idNumber must be 17 digits and a digit or X' })
  idNumber?: string;

  @ApiPropertyOptional({ enum: POVERTY_STATUSES, description: 'not_out 未脱贫, out 已脱贫' })
  @IsOptional()
  @IsIn(POVERTY_STATUSES)
  povertyStatus?: PovertyStatus;
}

export class VillageRef {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class HouseholdView {
  @ApiProperty() id: string;
  @ApiProperty({ description: '户编号' }) householdNumber: string;
  @ApiProperty({ description: '户主姓名' }) headName: string;
  @ApiProperty({ type: VillageRef }) village: VillageRef;
  @ApiProperty() personCount: number;
  @ApiProperty() updatedAt: Date;
}

/** A person as lists show them: the ID number masked to its first four characters, the age instead of the birth date (see maskResidentId). */
export class PersonView {
  @ApiProperty() id: string;
  @ApiProperty() householdId: string;
  @ApiProperty() householdNumber: string;
  @ApiProperty({ type: VillageRef }) village: VillageRef;
  @ApiProperty() name: string;
  @ApiProperty({ example: '5108**************', description: 'the first four characters only' }) idNumberMasked: string;
  @ApiProperty({ enum: ['male', 'female'] }) sex: Sex;
  @ApiProperty({ description: '周岁 today (Asia/Shanghai); the birth date is never listed' }) age: number;
  @ApiProperty({ description: '与户主关系' }) relationToHead: string;
  @ApiProperty({ enum: POVERTY_STATUSES }) povertyStatus: PovertyStatus;
  @ApiProperty() povertyCauseMain: string;
  @ApiProperty() povertyCauseSecondary: string;
  @ApiProperty({ description: '签约家庭医生' }) familyDoctor: string;
  @ApiProperty({ description: '已患疾病, as the register states them' }) knownConditions: string;
  @ApiProperty() updatedAt: Date;
}

export class PersonIdNumberView {
  @ApiProperty() id: string;
  @ApiProperty() idNumber: string;
}

export class RegisterImportView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: RegisterImportStatus;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format: string;
  @ApiProperty({ nullable: true, type: String, description: 'a CSV’s encoding: utf-8 or gb18030' }) encoding: string | null;
  @ApiProperty({ description: 'data rows read so far (updated every 5,000 rows while running)' }) rowsProcessed: number;
  @ApiProperty() householdsCreated: number;
  @ApiProperty() householdsUpdated: number;
  @ApiProperty() personsCreated: number;
  @ApiProperty() personsUpdated: number;
  @ApiProperty() personsUnchanged: number;
  @ApiProperty({ description: 'every error found, also beyond those the report lists' }) errorCount: number;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
}
