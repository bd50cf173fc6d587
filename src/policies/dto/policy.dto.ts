import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsString, Length } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';

export class CreatePolicyDto {
  @ApiProperty({ example: '再识别核查（5个工作日）' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ description: 'a deadline policy: remindersBefore, quietHours, escalation, digestWindow (see README)' })
  @IsObject()
  policy: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'true: make it the default (tasks created without a policy get it); in an edit, false on the default goes back to the built-in default',
  })
  @OptionalNotNull()
  @IsBoolean()
  isDefault?: boolean;
}

/** Edits apply to tasks created from now on; running tasks keep their copy until the policy is applied to them. Null is refused, absent keeps. */
export class UpdatePolicyDto extends PartialType(CreatePolicyDto, { skipNullProperties: false }) {}

export class AppliedPolicyView {
  @ApiProperty({ description: 'how many running tasks now carry the policy' })
  updated: number;
}
