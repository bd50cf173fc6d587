import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, Length } from 'class-validator';
import { OptionalNotNull } from '../../common/validators';

export class NotificationTemplateDto {
  // Short, to leave room for the variables: the rendered title must fit notifications.title (200).
  @ApiProperty({ example: '【逾期督办】{{unitName}}：{{taskTitle}}（第{{level}}级）' })
  @IsString()
  @Length(1, 100)
  title: string;

  @ApiProperty({ example: '{{unitName}}承担的任务“{{taskTitle}}”已逾期{{daysOverdue}}天，请尽快办结。' })
  @IsString()
  @Length(1, 4000)
  body: string;
}

export class PreviewNotificationTemplateDto extends NotificationTemplateDto {
  @ApiPropertyOptional({ description: 'values to use instead of the samples, e.g. {"taskTitle":"疾病再识别"}' })
  @OptionalNotNull()
  @IsObject()
  vars?: Record<string, unknown>;
}

export class NotificationTemplateView {
  @ApiProperty({ description: 'e.g. reminder, escalation, digest, announcement' })
  kind: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  /** True when an admin's version is in use, false for the shipped default. */
  @ApiProperty({ description: "true: an admin's version is in use; false: the shipped default" })
  customised: boolean;

  /** What the template may use: `{{name}}`, and `{{#list}}…{{/list}}` for a list with its `list.field`s. */
  @ApiProperty({ type: [String], description: 'What the template may use: {{name}}, and {{#list}}…{{/list}} with its list.fields' })
  variables: readonly string[];

  @ApiProperty({ type: Date, nullable: true })
  updatedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  updatedByUserId: string | null;
}

/** A template rendered with sample (or given) values. */
export class RenderedTemplateView {
  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;
}
